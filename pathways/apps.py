from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PathwaysConfig(AppConfig):
    name = "pathways"
    verbose_name = _("Reference knowledge")
