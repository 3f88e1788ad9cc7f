"""Merging duplicate cases: one practice, one record, and nothing an editor saved is lost."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from cases.models import Basis, Case, CaseRedirect

FILLED_FROM_DUPLICATE = ["summary", "description", "start_year", "end_year", "program_category",
                         "actor_network", "last_verified"]  # fmt: skip
RELATIONS = ["places", "partners", "networks", "frameworks", "financing_mechanisms"]


@transaction.atomic
def merge_cases(*, duplicates, into, user):
    """Move everything of the duplicates into one case, leave redirects from their slugs,
    and delete them. Stated classifications win over classified ones."""
    case_type = ContentType.objects.get_for_model(Case)
    for duplicate in duplicates:
        if duplicate.pk == into.pk:
            continue
        for citation in duplicate.citations.all():
            citation.object_id = into.pk
            citation.content_type = case_type
            citation.save()
        for relation in RELATIONS:
            getattr(into, relation).add(*getattr(duplicate, relation).all())
        _merge_rows(duplicate.case_roles.all(), into.case_roles, "role")
        _merge_rows(duplicate.case_pathways.all(), into.case_pathways, "pathway_type")
        for row in duplicate.case_objectives.all():
            mine = into.case_objectives.filter(objective=row.objective).first()
            if mine is None:
                into.case_objectives.create(objective=row.objective, primary=row.primary)
            elif row.primary and not mine.primary:
                mine.primary = True
                mine.save()
        duplicate.figures.update(case=into)
        for field in FILLED_FROM_DUPLICATE:
            if getattr(into, field) in (None, "") and getattr(duplicate, field) not in (None, ""):
                setattr(into, field, getattr(duplicate, field))
        CaseRedirect.objects.filter(case=duplicate).update(case=into)
        CaseRedirect.objects.create(old_slug=duplicate.slug, case=into)
        duplicate.delete()
    into.updated_by = user
    into._change_reason = "merged duplicates"
    into.save()
    return into


def _merge_rows(rows, target, term):
    for row in rows:
        mine = target.filter(**{term: getattr(row, term)}).first()
        if mine is None:
            target.create(**{term: getattr(row, term), "basis": row.basis})
        elif row.basis == Basis.STATED and mine.basis != Basis.STATED:
            mine.basis = Basis.STATED
            mine.save()
