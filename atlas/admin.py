from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("City Pathways Atlas — editors")
admin.site.site_title = _("City Pathways Atlas")
admin.site.index_title = _("Curate the atlas")
