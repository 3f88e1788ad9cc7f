from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cases.models import (
    Case,
    CaseGCMObjective,
    CasePathwayType,
    CaseRole,
    CountryRegion,
    KeyFigure,
    Organisation,
    Place,
    WorldRegion,
)
from pathways.admin import HTTPS_LINKS, CitationInline, CitedAdmin


@admin.register(WorldRegion)
class WorldRegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name", "code"]


@admin.register(CountryRegion)
class CountryRegionAdmin(admin.ModelAdmin):
    list_display = ["country", "m49_code", "area"]
    list_filter = ["area__level", "area"]
    search_fields = ["country", "m49_code"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "country", "region", "subregion", "latitude", "longitude"]
    list_filter = ["level", "region", "subregion", "country"]
    search_fields = ["name", "slug", "aliases"]
    readonly_fields = ["region", "subregion", "intermediate_region", "created_at", "updated_at"]
    autocomplete_fields = ["networks"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_LINKS
    list_display = ["name", "acronym", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": ["name"]}


class CaseRoleInline(admin.TabularInline):
    model = CaseRole
    extra = 0
    verbose_name = _("city role")
    verbose_name_plural = _("city roles")


class CasePathwayTypeInline(admin.TabularInline):
    model = CasePathwayType
    extra = 0
    verbose_name = _("pathway type")
    verbose_name_plural = _("pathway types")


class CaseGCMObjectiveInline(admin.TabularInline):
    model = CaseGCMObjective
    extra = 0
    autocomplete_fields = ["objective"]
    verbose_name = _("GCM objective")
    verbose_name_plural = _("GCM objectives")


class KeyFigureInline(admin.TabularInline):
    model = KeyFigure
    extra = 0


@admin.register(Case)
class CaseAdmin(CitedAdmin):
    list_display = ["title", "program_category", "status", "depth", "start_year", "state"]
    list_filter = [
        "state",
        "status",
        "depth",
        "roles",
        "pathway_types",
        "program_category",
        "places__region",
        "citations__publication",
    ]
    search_fields = ["title", "summary", "description", "places__name", "partners__name"]
    autocomplete_fields = [
        "places",
        "actor_network",
        "program_category",
        "partners",
        "networks",
        "financing_mechanisms",
        "frameworks",
    ]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [
        CaseRoleInline,
        CasePathwayTypeInline,
        CaseGCMObjectiveInline,
        KeyFigureInline,
        CitationInline,
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "state", "summary", "description"]}),
        (_("Who and where"), {"fields": ["places", "actor_network", "partners", "networks"]}),
        (
            _("Classification"),
            {
                "fields": [
                    "program_category",
                    "frameworks",
                    "financing_mechanisms",
                    "status",
                    "depth",
                ]
            },
        ),
        (_("Years"), {"fields": ["start_year", "end_year"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("program_category")
