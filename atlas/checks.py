"""Deployment checks that `manage.py check --deploy` runs besides Django's own."""

from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.checks import Error, Tags, register


@register(Tags.staticfiles, deploy=True)
def static_manifest_exists(app_configs, **kwargs):
    """Under a manifest storage every `{% static %}` looks its file up in the manifest that
    `collectstatic` writes; without it every HTML page, the admin and even the 404 page
    answer 500, while Django's own deploy checks pass."""
    storage = staticfiles_storage
    if not isinstance(storage, ManifestFilesMixin):
        return []
    if storage.manifest_storage.exists(storage.manifest_name):
        return []
    return [
        Error(
            f"The static files manifest {storage.manifest_name} is missing from "
            f"{storage.manifest_storage.location}: every page would fail with a server error.",
            hint="Run `manage.py collectstatic --no-input` before starting the site.",
            id="atlas.E001",
        )
    ]
