from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter
from django.views.i18n import JavaScriptCatalog

from atlas.converters import CitationFormat, M49Code, Number

register_converter(CitationFormat, "citation_format")
register_converter(Number, "number")
register_converter(M49Code, "m49")

handler500 = "atlas.request_log.server_error"

urlpatterns = [
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url="/accounts/reset/done/"),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("api/", include("api.urls")),
    path("", include("atlas.urls")),
]
# The site in each language at its own address: English where it always was (/cases/…),
# Spanish and French under a prefix (/es/cases/…, /fr/cases/…), so that a shared link opens in
# the language it was shared in; the editors' admin too. The API (`?lang=`) and the health
# check stay unprefixed.
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("cases.urls")),
    path("", include("pathways.urls")),
    path("", include("portal.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    prefix_default_language=False,
)
