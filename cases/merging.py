"""Merging duplicate cases: one practice, one record, and nothing an editor saved is lost."""

from django.db import transaction

from cases.fields import CASE
from cases.models import CaseRedirect


@transaction.atomic
def merge_cases(*, duplicates, into, user):
    """Move everything of the duplicates into one case, leave redirects from their slugs,
    and delete them. Every declared field merges its own way: relations are joined (a stated
    classification wins over a classified one), figures and citations move, empty fields are
    filled."""
    for duplicate in duplicates:
        if duplicate.pk == into.pk:
            continue
        CASE.merge(into=into, duplicate=duplicate)
        CaseRedirect.objects.filter(case=duplicate).update(case=into)
        CaseRedirect.objects.create(old_slug=duplicate.slug, case=into)
        duplicate.delete()
    into.updated_by = user
    into._change_reason = "merged duplicates"
    into.save()
    return into
