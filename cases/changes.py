"""What’s new: published cases by when they were published or last changed, as a page and a feed."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from atlas.views import CheckedPageMixin, ParametersMixin
from cases.feeds import CaseEntries
from cases.models import Case
from pathways.models import Publication


def recent_changes():
    """Published cases an editor published or changed, the latest first, with both moments.

    Only editorial events count: loading the papers' data is not news, and a record loaded
    from them is dated by its papers (see `papers_data`), not by the day it was loaded.
    """
    edited_at = models.Case(models.When(updated_by__isnull=False, then=F("updated_at")))
    return (
        Case.objects.filter(Q(state_changed_at__isnull=False) | Q(updated_by__isnull=False))
        .published()
        .for_list()
        .annotate(edited_at=edited_at)
        .annotate(published_at=Coalesce("state_changed_at", "edited_at"))
        .annotate(changed_at=Greatest("published_at", Coalesce("edited_at", "published_at")))
        .order_by("-changed_at", "title")
    )


def papers_data():
    """The papers the atlas was built from, each with the number of cases citing it."""
    cites_a_case = Q(citations__content_type=ContentType.objects.get_for_model(Case))
    return Publication.objects.exclude(text_file="").annotate(
        case_count=Count("citations__object_id", filter=cites_a_case, distinct=True)
    )


class ChangesView(CheckedPageMixin, ParametersMixin, ListView):
    template_name = "cases/changes.html"
    context_object_name = "cases"
    paginate_by = 25

    def get_queryset(self):
        return recent_changes()

    def get_context_data(self, **kwargs):
        return super().get_context_data(papers=papers_data(), **kwargs)


class ChangesFeed(CaseEntries, Feed):
    title = _("City Pathways Atlas: what’s new")
    subtitle = _("City practices published or changed lately, the latest first.")
    link = reverse_lazy("cases:changes")

    def items(self):
        return recent_changes()[: self.limit]
