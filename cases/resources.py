"""Bulk import of cases from a file laid out like the public export (`/cases/export.csv|xlsx`).

The admin's import (django-import-export) reads it through `CaseResource`: rows are matched by
slug, a new case starts as a draft whatever the file says, and the columns the export computes
(url, countries, citations, …) are ignored, so an export imports as it is. A row that would
change nothing is skipped, and one invalid row rolls the whole import back. A row that changes
a published case sends it to review unless the importing user may publish, and a published
case that stays published must keep what publishing needs.
"""

import re

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from atlas.exports import FORMULA_STARTS
from atlas.headers import identifiers, language_of
from atlas.history import record_related
from atlas.models import SaveRefused, State
from atlas.translating import under_field_names
from atlas.workflow import check_still_publishable, lacking, review_edit
from cases.fields import CASE
from cases.models import Basis, Case, Organisation, Place
from pathways import models as reference

SEPARATOR = "; "


def unneutralised(value):
    """A cell as it was before the export guarded it against running as a formula."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def unknown(model, key, names):
    return _("Unknown %(what)s %(key)s: %(names)s.") % {
        "what": model._meta.verbose_name,
        "key": key,
        "names": ", ".join(f"“{name}”" for name in names),
    }


def cell_text(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet may hand back 2015 as 2015.0
    return "" if value is None else str(value).strip()


class ListWidget(widgets.ManyToManyWidget):
    """Records named by `field`, '; '-separated; a name no record has is an error."""

    def __init__(self, model, field="slug"):
        super().__init__(model, separator=";", field=field)

    def names(self, value):
        parts = (part.strip() for part in cell_text(value).split(self.separator))
        return list(dict.fromkeys(part for part in parts if part))

    def clean(self, value, row=None, **kwargs):
        names = self.names(value)
        found = {}
        for record in self.model.objects.filter(**{f"{self.field}__in": names}):
            found.setdefault(str(getattr(record, self.field)), []).append(record)
        if missing := [name for name in names if name not in found]:
            raise ValueError(unknown(self.model, self.field, missing))
        if ambiguous := [name for name in names if len(found[name]) > 1]:
            raise ValueError(
                _("More than one %(what)s is called %(names)s.")
                % {"what": self.model._meta.verbose_name, "names": ", ".join(ambiguous)}
            )
        return [found[name][0] for name in names]

    def render(self, value, obj=None, **kwargs):
        records = value.all() if hasattr(value, "all") else value or []
        return SEPARATOR.join(str(getattr(record, self.field)) for record in records)


class NumberListWidget(ListWidget):
    def names(self, value):
        names = super().names(value)
        if wrong := [name for name in names if not (name.isascii() and name.isdigit())]:
            raise ValueError(_("Not a number: %(names)s.") % {"names": ", ".join(wrong)})
        return [str(int(name)) for name in names]


class SlugWidget(widgets.ForeignKeyWidget):
    """One record named by its slug; a slug no record has is an error."""

    def __init__(self, model):
        super().__init__(model, field="slug")

    def clean(self, value, row=None, **kwargs):
        if not (slug := cell_text(value)):
            return None
        try:
            return self.model.objects.get(slug=slug)
        except self.model.DoesNotExist:
            raise ValueError(unknown(self.model, "slug", [slug])) from None


class YearWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        year = cell_text(value)
        if not year:
            return None
        if not re.fullmatch(r"[0-9]{4}", year):
            raise ValueError(_("“%(value)s” is not a year (four digits).") % {"value": year})
        return int(year)


class ChoiceWidget(widgets.CharWidget):
    def __init__(self, choices):
        super().__init__()
        self.choices = choices

    def clean(self, value, row=None, **kwargs):
        choice = cell_text(value)
        if choice and choice not in self.choices.values:
            raise ValueError(
                _("Unknown value “%(value)s”: use one of %(choices)s.")
                % {"value": choice, "choices": ", ".join(self.choices.values)}
            )
        return choice


class ManyField(fields.Field):
    """A plain many-to-many relation of the case, written whole from its column."""

    def current(self, case):
        return {record.pk for record in getattr(case, self.attribute).all()}

    def wanted(self, case, cleaned):
        if self.column_name not in cleaned:
            return None
        return {record.pk for record in cleaned[self.column_name]}

    def write(self, case, wanted):
        getattr(case, self.attribute).set(wanted)


class KindField(fields.Field):
    """The terms of a through relation that have one kind: the roles the source states, say.

    It has no attribute: its `Through` writes it together with the other kinds' columns."""

    def __init__(self, kind, widget):
        super().__init__(widget=widget)
        self.kind = kind
        self.through = None

    def get_value(self, instance):
        return self.through.of_kind(instance, self.kind) if instance.pk else None


class Through:
    """A case's roles, pathway types or GCM objectives: rows of a through model, each a term
    with its kind (stated or classified; primary or secondary), one column per kind.

    `columns` come strongest first: a term named in two columns takes the first one's kind, so
    a role both stated and classified is stated. A column absent from the file keeps the
    terms of its kind as they are."""

    def __init__(self, relation, term, kind, *columns):
        self.relation, self.term, self.kind, self.columns = relation, term, kind, columns
        for column in columns:
            column.through = self

    def rows(self, case):
        return getattr(case, self.relation).select_related(self.term)

    def of_kind(self, case, kind):
        return [
            getattr(row, self.term) for row in self.rows(case) if getattr(row, self.kind) == kind
        ]

    def current(self, case):
        return {getattr(row, f"{self.term}_id"): getattr(row, self.kind) for row in self.rows(case)}

    def wanted(self, case, cleaned):
        names = [column.column_name for column in self.columns]
        if not any(name in cleaned for name in names):
            return None
        wanted = {}
        for name, column in zip(names, self.columns, strict=True):
            terms = cleaned[name] if name in cleaned else column.get_value(case) or []
            for term in terms:
                wanted.setdefault(term.pk, column.kind)
        return wanted

    def write(self, case, wanted):
        stored = {getattr(row, f"{self.term}_id"): row for row in self.rows(case)}
        getattr(case, self.relation).exclude(**{f"{self.term}__in": list(wanted)}).delete()
        for pk, kind in wanted.items():
            row = stored.get(pk)
            if row is None:
                getattr(case, self.relation).create(**{f"{self.term}_id": pk, self.kind: kind})
            elif getattr(row, self.kind) != kind:
                setattr(row, self.kind, kind)
                row.save()


class CaseResource(resources.ModelResource):
    place_slugs = ManyField(attribute="places", widget=ListWidget(Place))
    named_place_slugs = ManyField(attribute="named_places", widget=ListWidget(Place))
    actor_network = fields.Field(attribute="actor_network", widget=SlugWidget(reference.Network))
    roles_stated = KindField(Basis.STATED, ListWidget(reference.CityRole))
    roles_classified = KindField(Basis.CLASSIFIED, ListWidget(reference.CityRole))
    pathway_types_stated = KindField(Basis.STATED, ListWidget(reference.PathwayType))
    pathway_types_classified = KindField(Basis.CLASSIFIED, ListWidget(reference.PathwayType))
    program_category = fields.Field(
        attribute="program_category", widget=SlugWidget(reference.ProgramCategory)
    )
    gcm_objectives = KindField(True, NumberListWidget(reference.GCMObjective, "number"))
    gcm_objectives_secondary = KindField(False, NumberListWidget(reference.GCMObjective, "number"))
    partners = ManyField(attribute="partners", widget=ListWidget(Organisation, "name"))
    networks = ManyField(attribute="networks", widget=ListWidget(reference.Network))
    frameworks = ManyField(attribute="frameworks", widget=ListWidget(reference.RegionalFramework))
    financing_mechanisms = ManyField(
        attribute="financing_mechanisms", widget=ListWidget(reference.FinancingMechanism)
    )
    start_year = fields.Field(attribute="start_year", widget=YearWidget())
    end_year = fields.Field(attribute="end_year", widget=YearWidget())
    status = fields.Field(
        attribute="status", widget=ChoiceWidget(Case.Status), default=Case.Status.UNKNOWN
    )
    depth = fields.Field(
        attribute="depth", widget=ChoiceWidget(Case.Depth), default=Case.Depth.PRACTICE
    )
    kind = fields.Field(
        attribute="kind", widget=ChoiceWidget(Case.Kind), default=Case.Kind.PRACTICE
    )

    # How the relation columns are written; `import_instance` hands each relation the records
    # its columns name, by column name.
    relations = [
        place_slugs,
        named_place_slugs,
        partners,
        networks,
        frameworks,
        financing_mechanisms,
        Through("case_roles", "role", "basis", roles_stated, roles_classified),
        Through("case_pathways", "pathway_type", "basis", pathway_types_stated,
                pathway_types_classified),
        Through("case_objectives", "objective", "primary", gcm_objectives,
                gcm_objectives_secondary),
    ]  # fmt: skip

    class Meta:
        model = Case
        # The declared importable columns, in the export's order; the export's other columns
        # are computed and ignored here.
        fields = ["slug", *CASE.imported_columns()]
        import_id_fields = ["slug"]
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def import_data(self, dataset, *args, **kwargs):
        # All or nothing: a row that fails validation rolls the other rows back too.
        kwargs.setdefault("rollback_on_validation_errors", True)
        # A Spanish export brings Spanish texts: with its language active they are written as
        # the Spanish translation (django-modeltranslation), the English text left alone.
        with translation.override(language_of(dataset.headers, self._meta.fields)):
            return super().import_data(dataset, *args, **kwargs)

    def before_import(self, dataset, **kwargs):
        # An export made for Excel (`bom=1`) and read as plain UTF-8 has a BOM in its first header.
        if dataset.headers and str(dataset.headers[0]).startswith("\ufeff"):
            dataset.headers = [dataset.headers[0][1:], *dataset.headers[1:]]
        # A Spanish or French export comes back with its columns headed in its language.
        known = identifiers(self._meta.fields)
        dataset.headers = [known.get(str(name), name) for name in dataset.headers]

    def before_import_row(self, row, **kwargs):
        # A spreadsheet's empty cell arrives as None where a CSV's is empty text; read both
        # alike, so an empty description is empty text, not a NULL the column refuses.
        for column, value in row.items():
            row[column] = "" if value is None else unneutralised(value)

    def after_init_instance(self, instance, new, row, **kwargs):
        instance.wanted_relations = {}
        instance.lacked_before = lacking(instance)  # as stored, before the row changes it
        if new:
            instance.state = State.DRAFT  # an import never publishes anything

    def validate_instance(self, instance, *args, **kwargs):
        try:
            super().validate_instance(instance, *args, **kwargs)
        except ValidationError as error:
            raise ValidationError(under_field_names(error.update_error_dict({}), Case)) from None

    def import_instance(self, instance, row, **kwargs):
        """Set the case's own fields, and note what its relations should become."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        cleaned = {}
        for field in self.relation_fields():
            if field.column_name in row:
                try:
                    cleaned[field.column_name] = field.clean(row)
                except ValueError as error:
                    errors[field.column_name] = [str(error)]
        if errors:
            raise ValidationError(errors)
        wanted = {relation: relation.wanted(instance, cleaned) for relation in self.relations}
        instance.wanted_relations = {
            relation: value for relation, value in wanted.items() if value is not None
        }

    def relation_fields(self):
        return [f for f in self.get_import_fields() if isinstance(f.widget, ListWidget)]

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Skip a row that would change nothing, comparing its relations too."""
        if not self._meta.skip_unchanged or import_validation_errors:
            return False
        if original is None or original.pk is None:
            return False
        relation_fields = self.relation_fields()
        own_fields = [f for f in self.get_import_fields() if f not in relation_fields]
        if any(field.get_value(instance) != field.get_value(original) for field in own_fields):
            return False
        return all(
            relation.current(original) == wanted
            for relation, wanted in instance.wanted_relations.items()
        )

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        if user is not None and user.is_authenticated:
            if instance.pk is None:
                instance.created_by = user
            instance.updated_by = user
            instance._history_user = user  # django-simple-history's hook outside a request
        if instance.pk is not None:
            # A row that changes a published case is held to the workflow like the change form.
            review_edit(instance, user=user)

    def save_m2m(self, instance, row, **kwargs):
        if self._is_dry_run(kwargs) and not self._is_using_transactions(kwargs):
            return
        for relation, wanted in instance.wanted_relations.items():
            relation.write(instance, wanted)
        try:
            check_still_publishable(instance, lacked_before=instance.lacked_before)
        except SaveRefused as refusal:  # the row is invalid, and the import rolls back
            raise ValidationError(str(refusal)) from None
        record_related(instance)
