from difflib import SequenceMatcher

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportMixin
from import_export.formats import base_formats
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname
from simple_history.admin import SimpleHistoryAdmin

from atlas.admin import LabelledControls, VersionedForm, WorkflowAdmin
from atlas.models import SaveRefused
from atlas.workflow import may_publish
from cases.merging import merge_cases
from cases.models import (
    Case,
    CaseGCMObjective,
    CasePathwayType,
    CaseRedirect,
    CaseRole,
    CountryRegion,
    KeyFigure,
    Organisation,
    Place,
    SourceClaim,
    WorldRegion,
)
from cases.resources import CaseResource
from pathways.admin import HTTPS_LINKS, CitationInline


@admin.register(WorldRegion)
class WorldRegionAdmin(TranslationAdmin):
    list_display = ["name", "code", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name", "code"]


@admin.register(CountryRegion)
class CountryRegionAdmin(admin.ModelAdmin):
    list_display = ["country", "m49_code", "area"]
    list_filter = ["area__level", "area"]
    search_fields = ["country", "m49_code"]


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "level", "country", "region", "subregion", "latitude", "longitude"]
    list_filter = ["level", "region", "subregion", "country"]
    search_fields = ["name", "slug", "aliases"]
    readonly_fields = ["region", "subregion", "intermediate_region", "created_at", "updated_at"]
    autocomplete_fields = ["networks"]
    prepopulated_fields = {"slug": ["name"]}

    def get_deleted_objects(self, objs, request):
        """Deleting a place silently unlinks it from its cases; the last place of a published
        case is kept, as publishing needs one. The delete page and the bulk action both list
        such cases as what protects the place, whoever deletes it."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        stranded = Case.objects.published().left_without_place(objs)
        protected = [*protected, *(
            _("published case “%(case)s”, which has no other place") % {"case": case}
            for case in stranded
        )]  # fmt: skip
        return deleted, counts, perms_needed, protected


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    formfield_overrides = HTTPS_LINKS
    list_display = ["name", "acronym", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(CaseRedirect)
class CaseRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "case", "created_at"]
    search_fields = ["old_slug", "case__title"]
    autocomplete_fields = ["case"]


class CaseRoleInline(LabelledControls, admin.TabularInline):
    model = CaseRole
    extra = 0
    verbose_name = gettext_lazy("city role")
    verbose_name_plural = gettext_lazy("city roles")


class CasePathwayTypeInline(LabelledControls, admin.TabularInline):
    model = CasePathwayType
    extra = 0
    verbose_name = gettext_lazy("pathway type")
    verbose_name_plural = gettext_lazy("pathway types")


class CaseGCMObjectiveInline(LabelledControls, admin.TabularInline):
    model = CaseGCMObjective
    extra = 0
    autocomplete_fields = ["objective"]
    verbose_name = gettext_lazy("GCM objective")
    verbose_name_plural = gettext_lazy("GCM objectives")


class KeyFigureInline(LabelledControls, admin.TabularInline):
    model = KeyFigure
    extra = 0


class SourceClaimInline(LabelledControls, admin.TabularInline):
    model = SourceClaim
    extra = 0
    verbose_name_plural = gettext_lazy("where the sources differ")


NOT_A_DUPLICATE_HINT = gettext_lazy(
    "If it is a different practice, tick “This is not a duplicate” and save."
)


def similar(a, b):
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= 0.6


class CaseForm(VersionedForm):
    """The box "This is not a duplicate" is shown only beside the warning that names the
    possible duplicates (and stays once ticked); until then it is a hidden field."""

    not_a_duplicate = forms.BooleanField(
        required=False,
        widget=forms.HiddenInput,
        label=gettext_lazy("This is not a duplicate"),
        help_text=gettext_lazy("Tick after checking the possible duplicates shown above."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("not_a_duplicate"):
            self.show_not_a_duplicate()
        elif self.instance.pk is None:
            duplicates = self.possible_duplicates(cleaned)
            if duplicates:
                self.show_not_a_duplicate()
                links = format_html_join(
                    ", ",
                    '<a href="{}">{}</a>',
                    (
                        (reverse("admin:cases_case_change", args=[c.pk]), c.title)
                        for c in duplicates
                    ),
                )
                raise ValidationError(
                    format_html(
                        "{} {}. {}",
                        _("This case may duplicate"),
                        links,
                        NOT_A_DUPLICATE_HINT,
                    )
                )
        return cleaned

    def show_not_a_duplicate(self):
        self.fields["not_a_duplicate"].widget = forms.CheckboxInput()

    @staticmethod
    def possible_duplicates(cleaned):
        # The default language's title: the one every case has, and the duplicates' names.
        english = build_localized_fieldname("title", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
        title, places = cleaned.get(english) or "", cleaned.get("places")
        if not title or not places:
            return []
        same_place = Case.objects.filter(places__in=places).distinct()
        return [case for case in same_place if similar(case.title, title)]


@admin.register(Case)
class CaseAdmin(ImportMixin, WorkflowAdmin):
    form = CaseForm
    resource_classes = [CaseResource]
    import_formats = [base_formats.CSV, base_formats.XLSX]
    list_display = [
        "title",
        "kind",
        "program_category",
        "status",
        "depth",
        "state",
        "last_verified",
    ]
    list_filter = [
        "state",
        "is_suggestion",
        "kind",
        "status",
        "depth",
        "roles",
        "pathway_types",
        "program_category",
        "places__region",
        "citations__publication",
    ]
    search_fields = ["title", "slug", "summary", "description", "places__name", "partners__name"]
    autocomplete_fields = [
        "places",
        "named_places",
        "actor_network",
        "program_category",
        "partners",
        "networks",
        "financing_mechanisms",
        "frameworks",
        "recommendations",
    ]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [
        CaseRoleInline,
        CasePathwayTypeInline,
        CaseGCMObjectiveInline,
        KeyFigureInline,
        SourceClaimInline,
        CitationInline,
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "summary", "description",
                           "not_a_duplicate"]}),
        (gettext_lazy("Who and where"), {"fields": ["places", "named_places", "actor_network",
                                                     "partners", "networks"]}),
        (
            gettext_lazy("Classification"),
            {"fields": ["program_category", "frameworks", "financing_mechanisms",
                        "recommendations", "status", "depth"]},
        ),
        (gettext_lazy("Years"), {"fields": ["start_year", "end_year"]}),
        (
            gettext_lazy("Suggested by the public"),
            {
                "classes": ["collapse"],
                "fields": ["is_suggestion", "suggested_place", "suggested_source",
                           "suggester_email"],
            },
        ),
        (
            gettext_lazy("Record"),
            {"fields": ["last_verified", "seen_version", *WorkflowAdmin.workflow_fields]},
        ),
    ]  # fmt: skip

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("program_category")

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.has_perm("cases.merge_case"):
            actions.pop("merge_into", None)
        return actions

    @admin.action(description=gettext_lazy("Merge the selected duplicates into one case"))
    def merge_into(self, request, queryset):
        if not request.user.has_perm("cases.merge_case"):
            self.message_user(request, _("Only publishers may merge cases."), messages.ERROR)
            return None
        cases = list(queryset.order_by("title"))
        if len(cases) < 2:
            self.message_user(request, _("Select two or more cases to merge."), messages.ERROR)
            return None
        # A merge deletes the duplicates and changes the case kept: for published cases that
        # is the publishers' decision, as deleting or changing them alone would be.
        if any(case.is_published for case in cases) and not may_publish(request.user, Case):
            message = _("Only publishers may merge published cases.")
            self.message_user(request, message, messages.ERROR)
            return None
        keep = request.POST.get("keep")
        if "apply" in request.POST and keep:
            into = next((case for case in cases if str(case.pk) == keep), None)
            if into is not None:
                try:
                    merge_cases(duplicates=cases, into=into, user=request.user)
                except SaveRefused as refusal:  # saved by someone else meanwhile
                    self.message_user(request, str(refusal), messages.ERROR)
                    return None
                self.message_user(
                    request,
                    _("Merged %(count)d cases into “%(title)s”; old addresses redirect there.")
                    % {"count": len(cases) - 1, "title": into.title},
                )
                return None
        context = {
            **self.admin_site.each_context(request),
            "cases": cases,
            "opts": self.model._meta,
            "action_name": "merge_into",
            "title": _("Merge duplicate cases"),
        }
        return TemplateResponse(request, "admin/cases/case/merge.html", context)

    actions = [*WorkflowAdmin.actions, "merge_into"]
