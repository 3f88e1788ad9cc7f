"""What’s new: published cases by when they were published or last changed, as a page and a feed."""

from django.contrib.syndication.views import Feed
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from atlas.views import CheckedPageMixin, ParametersMixin
from cases.feeds import CaseEntries
from cases.models import Case


def recent_changes():
    """Published cases, the latest published or changed first, each with both moments.

    A case loaded from the fixtures was never moved to published by an editor, so for it the
    moment it was created stands for the moment it was published.
    """
    return (
        Case.objects.published()
        .prefetch_related("places")
        .annotate(published_at=Coalesce("state_changed_at", "created_at"))
        .annotate(changed_at=Greatest("published_at", "updated_at"))
        .order_by("-changed_at", "title")
    )


class ChangesView(CheckedPageMixin, ParametersMixin, ListView):
    template_name = "cases/changes.html"
    context_object_name = "cases"
    paginate_by = 25

    def get_queryset(self):
        return recent_changes()


class ChangesFeed(CaseEntries, Feed):
    title = _("City Pathways Atlas: what’s new")
    subtitle = _("City practices published or changed lately, the latest first.")
    link = reverse_lazy("cases:changes")

    def items(self):
        return recent_changes()[: self.limit]
