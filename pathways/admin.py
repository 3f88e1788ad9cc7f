from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from atlas.admin import LabelledControls, WorkflowAdmin
from pathways.models import (
    Addressee,
    Citation,
    CityRole,
    FinancingMechanism,
    GCMObjective,
    Network,
    NetworkCount,
    PathwayExample,
    PathwayType,
    ProgramCategory,
    Publication,
    Recommendation,
    RegionalFramework,
)

# Editors paste links without a scheme; https is the safe guess.
HTTPS_LINKS = {models.URLField: {"assume_scheme": "https"}}


class CitationInline(LabelledControls, GenericTabularInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["publication"]
    fields = ["publication", "section", "heading", "locator", "note", "order"]
    formfield_overrides = {
        models.TextField: {"widget": admin.widgets.AdminTextareaWidget(attrs={"rows": 2})}
    }


class CitedAdmin(WorkflowAdmin):
    """For records that carry citations and go through the workflow."""

    inlines = [CitationInline]
    list_filter = ["state", "citations__publication"]


@admin.register(Publication)
class PublicationAdmin(SimpleHistoryAdmin):
    """Editors add reports, articles and web pages; the five papers stay as they are."""

    formfield_overrides = HTTPS_LINKS
    list_display = ["short_title", "year", "kind", "publisher", "is_seed_paper"]
    list_filter = ["kind", "year"]
    search_fields = ["title", "short_title", "authors", "publisher"]
    prepopulated_fields = {"slug": ["short_title"]}
    fields = ["title", "short_title", "slug", "authors", "publisher", "year", "month", "kind",
              "url", "accessed", "summary", "text_file"]  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_seed_paper:
            return self.fields
        return ["text_file"]

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None and obj.is_seed_paper else self.prepopulated_fields

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_seed_paper:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(boolean=True, description=_("one of the five papers"))
    def is_seed_paper(self, publication):
        return publication.is_seed_paper


class VocabularyAdmin(TranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "definition"]
    prepopulated_fields = {"slug": ["name"]}


class PathwayExampleInline(LabelledControls, TranslationTabularInline):
    model = PathwayExample
    extra = 0


@admin.register(PathwayType)
class PathwayTypeAdmin(VocabularyAdmin):
    inlines = [PathwayExampleInline]


admin.site.register([CityRole, ProgramCategory, Addressee], VocabularyAdmin)


@admin.register(GCMObjective)
class GCMObjectiveAdmin(TranslationAdmin):
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
    autocomplete_fields = [
        "parent",
        "addressees",
        "program_category",
        "roles",
        "pathway_types",
        "networks",
    ]
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


@admin.register(NetworkCount)
class NetworkCountAdmin(TranslationAdmin):
    """003's Table 1, cell by cell: editors correct a reading or link the networks of a cell."""

    list_display = ["region", "scope", "printed", "reading"]
    list_filter = ["scope"]
    search_fields = ["region"]
    autocomplete_fields = ["networks"]
    inlines = [CitationInline]
