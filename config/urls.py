from django.contrib import admin
from django.urls import include, path, register_converter

from atlas.converters import CitationFormat

register_converter(CitationFormat, "citation_format")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("cases.urls")),
    path("", include("pathways.urls")),
    path("", include("atlas.urls")),
]
