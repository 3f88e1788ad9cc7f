"""Settings for City Pathways Atlas. Every value a deployment changes comes from the
environment; `.env.example` documents each variable."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_rate, env_str, load_env_file

BASE_DIR = Path(__file__).resolve().parent.parent
load_env_file(BASE_DIR / ".env")

DEBUG = env_bool("DEBUG", default=False)

# A development key is only acceptable while DEBUG is on; production must bring its own.
DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = env_str("SECRET_KEY", DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random string of at least 50 characters when DEBUG is off."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The site's 403 page, with the request id, rather than Django's bare one.
CSRF_FAILURE_VIEW = "atlas.request_log.csrf_failure"

INSTALLED_APPS = [
    # Before the admin, so that the admin's forms show a field per language.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django_countries",
    "simple_history",
    "import_export",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "django_htmx",
    "axes",
    "atlas",
    "pathways",
    "cases",
    "portal",
    "api",
]

MIDDLEWARE = [
    # First, so that every response and log line carries the id, redirects included.
    "atlas.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # `request.htmx`: whether a list is asked for its whole page or the part a filter changed.
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a lockout into the answer to the login request.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
# Widget templates (the Markdown preview) come from templates/ like every other template.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "atlas.context_processors.map_settings",
                "atlas.context_processors.languages",
            ],
        },
    },
]

DATABASES = {
    "default": dict(
        dj_database_url.config(
            env="DATABASE_URL",
            default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            conn_max_age=int(env_str("DB_CONN_MAX_AGE", "0")),
        )
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two editors saving at once: with write-ahead logging readers never block the writer,
    # and a transaction that will write takes the lock when it begins (IMMEDIATE) and waits
    # up to `timeout` seconds for it, rather than failing half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# dumpdata/loaddata that survive deleted records and keep generic relations (atlas/dumps).
SERIALIZATION_MODULES = {
    "json": "atlas.dumps.json",
    "jsonl": "atlas.dumps.jsonl",
    "yaml": "atlas.dumps.yaml",
}

# django-axes refuses a sign-in after AXES_FAILURE_LIMIT failures for one username (from any
# address, so rotating addresses does not help) or from one address (trying many usernames),
# until AXES_COOLOFF_TIME has passed without another failure. Each failure is logged as a
# warning with the username and the client's address; passwords never are.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "atlas.clients.client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Axes masks usernames and addresses in its log by default; they are what an operator needs to
# see an attack. Passwords it always masks.
AXES_SENSITIVE_PARAMETERS = []

# One cache for every process and every restart: rate limits and cached values kept in a
# process's own memory would be counted per gunicorn worker and forgotten on each restart.
# Short socket timeouts, so that a Redis that is down answers the health check with 503
# instead of hanging the request.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env_str("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "atlas"),
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Records and vocabularies keep a column per language (django-modeltranslation); English is
# the text of the papers' data, and stands in, marked as English, where a translation is missing.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "es", "fr")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Production hardening; each has an environment switch for the rare deployment behind a
# proxy that already does the job.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# A load balancer probes the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", default=False) else None
)
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The client's address: REMOTE_ADDR, unless the site runs behind this many proxies that each
# append the address they received from to X-Forwarded-For (which is otherwise ignored, as
# anyone can send it).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Requests per client (`<count>/<s|m|h|d>`), counted in Django's cache so that every worker
# shares them. Over the limit the answer is 429 with Retry-After.
ATLAS_RATE_LIMITS = {
    # /search/ and the lists' free-text `q`
    "search": env_rate("RATE_LIMIT_SEARCH", "60/m"),
    # every export (CSV, XLSX, JSON, GeoJSON), the map's GeoJSON and the citation files
    "export": env_rate("RATE_LIMIT_EXPORT", "30/m"),
    # the API: every request, and those asking for more than a default page
    "api": env_rate("RATE_LIMIT_API", "120/m"),
    "api_bulk": env_rate("RATE_LIMIT_API_BULK", "20/m"),
    # suggestions from the public
    "suggest": env_rate("RATE_LIMIT_SUGGEST", "5/h"),
}

# Where `verify_citations` and the provenance tests look for the papers' texts.
ATLAS_PAPERS_DIR = Path(env_str("ATLAS_PAPERS_DIR", str(BASE_DIR.parent / "shared" / "seeds")))

# Editors' bulk import and export (django-import-export).
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# Importing creates and changes cases, so it takes the permission to add them.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"

# Mail: the console in development; a deployment sets EMAIL_URL-style values below.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "atlas@localhost")
# Who hears of public suggestions: these addresses plus every active editor with an email.
ATLAS_EDITOR_EMAILS = env_list("ATLAS_EDITOR_EMAILS", [])

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.json_errors",
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttles.ClientRateThrottle",
        "api.throttles.BulkRateThrottle",
    ],
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "City Pathways Atlas API",
    "DESCRIPTION": (
        "Read-only access to the atlas: cases, places, networks, recommendations and the "
        "vocabularies, with the same filters as the web pages. Pages of 50 records; "
        "`page_size` up to 500. Errors are JSON with a message and the offending parameter."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The documentation page loads its assets from this site, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Swagger UI would otherwise show a badge from swagger.io's validator, which the CSP
    # blocks, and would tell swagger.io the schema's address.
    # Without deep links: Swagger UI puts each operation's link inside its expand button,
    # a control within a control that screen readers and keyboards cannot tell apart.
    "SWAGGER_UI_SETTINGS": {"deepLinking": False, "validatorUrl": None},
}

# The map's tile layer. The pages list every place in text too, so they stay useful when
# the tiles cannot load (offline, blocked, or a tile server that asks for a key).
ATLAS_MAP_TILES = env_str("ATLAS_MAP_TILES", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
ATLAS_MAP_ATTRIBUTION = env_str(
    "ATLAS_MAP_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)

# Security headers. The policy allows only this site's own files: no inline script or style
# anywhere (templates keep theirs in static/), so `unsafe-inline` and `unsafe-eval` stay out.
# Images may also come from the map's tile server and be data: URIs (Swagger UI's icons).
MAP_TILE_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(ATLAS_MAP_TILES)).replace("{s}", "*")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", MAP_TILE_ORIGIN],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# No page uses a device or a payment: the browser refuses every one, to us and to anything
# a page might embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer", "ambient-light-sensor", "autoplay", "bluetooth", "camera",
        "display-capture", "encrypted-media", "fullscreen", "geolocation", "gyroscope", "hid",
        "idle-detection", "magnetometer", "microphone", "midi", "payment",
        "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    ]
}  # fmt: skip

# Errors: every 500 is logged with its traceback and request id, and mailed to ADMINS
# (comma-separated addresses) when DEBUG is off.
ADMINS = [(address, address) for address in env_list("ADMINS", [])]
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# One JSON object a line on stderr, each with the request id (atlas/request_log.py).
LOG_LEVEL = env_str("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "atlas.request_log.JSONFormatter"}},
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "id_of_logged_request": {"()": "atlas.request_log.IdOfLoggedRequest"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Django's own loggers reach the console through the root logger.
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": LOG_LEVEL},
        "django.request": {"filters": ["id_of_logged_request"]},
    },
}
