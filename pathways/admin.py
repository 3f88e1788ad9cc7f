from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models
from django.utils.translation import gettext_lazy as _

from pathways.models import (
    Addressee,
    Citation,
    CityRole,
    FinancingMechanism,
    GCMObjective,
    Network,
    PathwayExample,
    PathwayType,
    ProgramCategory,
    Publication,
    Recommendation,
    RegionalFramework,
)


class CitationInline(GenericTabularInline):
    model = Citation
    extra = 0
    min_num = 0
    autocomplete_fields = ["publication"]
    fields = ["publication", "section", "locator", "note", "order"]


class CitedAdmin(admin.ModelAdmin):
    """For records that carry citations and a publication state."""

    inlines = [CitationInline]
    list_filter = ["state", "citations__publication"]
    readonly_fields = ["created_at", "updated_at"]
    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish the selected records"))
    def publish(self, request, queryset):
        queryset.update(state="published")

    @admin.action(description=_("Return the selected records to draft"))
    def unpublish(self, request, queryset):
        queryset.update(state="draft")


# Editors paste links without a scheme; https is the safe guess.
HTTPS_LINKS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_LINKS
    list_display = ["short_title", "year", "kind", "publisher"]
    list_filter = ["kind", "year"]
    search_fields = ["title", "short_title", "authors", "publisher"]
    prepopulated_fields = {"slug": ["short_title"]}


class VocabularyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "definition"]
    prepopulated_fields = {"slug": ["name"]}


class PathwayExampleInline(admin.TabularInline):
    model = PathwayExample
    extra = 0


@admin.register(PathwayType)
class PathwayTypeAdmin(VocabularyAdmin):
    inlines = [PathwayExampleInline]


admin.site.register([CityRole, ProgramCategory, Addressee], VocabularyAdmin)


@admin.register(GCMObjective)
class GCMObjectiveAdmin(admin.ModelAdmin):
    list_display = ["number", "title"]
    search_fields = ["title", "=number"]


@admin.register(Network)
class NetworkAdmin(CitedAdmin):
    list_display = ["name", "acronym", "scope", "region", "structure", "founded_year", "state"]
    list_filter = ["state", "scope", "region", "structure", "citations__publication"]
    search_fields = ["name", "acronym", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Recommendation)
class RecommendationAdmin(CitedAdmin):
    list_display = ["headline", "kind", "number", "program_category", "theme", "state"]
    list_filter = ["state", "kind", "addressees", "program_category", "citations__publication"]
    search_fields = ["headline", "text", "theme"]
    autocomplete_fields = ["parent", "addressees", "program_category", "roles", "pathway_types"]
    prepopulated_fields = {"slug": ["headline"]}


@admin.register(FinancingMechanism)
class FinancingMechanismAdmin(CitedAdmin):
    list_display = ["name", "state"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(RegionalFramework)
class RegionalFrameworkAdmin(CitedAdmin):
    list_display = ["name", "acronym", "state"]
    search_fields = ["name", "acronym", "description"]
    prepopulated_fields = {"slug": ["name"]}
