from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from atlas.request_log import install_record_factory


class AtlasConfig(AppConfig):
    name = "atlas"
    verbose_name = _("Atlas")

    def ready(self):
        from atlas import checks  # noqa: F401  (registering checks belongs in ready())

        install_record_factory()
