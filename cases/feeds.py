"""Saved searches as feeds: any filtered case list, newest first, in Atom."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from atlas.feeds import PlainTextAtomFeed
from atlas.views import FilteredMixin
from cases.filters import CaseFilter
from cases.models import Case


class CaseEntries:
    """What a feed says of each case: its title, its summary, and when it was published and
    last changed (`published_at`, when the queryset annotates it, else its creation)."""

    feed_type = PlainTextAtomFeed
    limit = 50

    def item_title(self, case):
        return case.title

    def item_description(self, case):
        return case.summary

    def item_pubdate(self, case):
        return getattr(case, "published_at", case.created_at)

    def item_updateddate(self, case):
        return case.updated_at


class CaseFeed(CaseEntries, FilteredMixin, Feed):
    """One instance answers every request, so a request's filters are the feed's object
    (`get_object`, which syndication hands to `title`, `link` and `items`), never kept on it."""

    filterset_class = CaseFilter
    queryset = Case.objects.published()

    def __call__(self, request, *args, **kwargs):
        return self.answering(super().__call__, request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.bind(request)

    def title(self, filters):
        words = " · ".join(active.words for active in filters.active())
        return _("City Pathways Atlas: new cases") + (f" ({words})" if words else "")

    def link(self, filters):
        query = filters.data.urlencode()
        return reverse("cases:case-list") + (f"?{query}" if query else "")

    def subtitle(self):
        return _("The newest published city practices matching these filters.")

    def items(self, filters):
        return filters.qs.order_by("-created_at", "title")[: self.limit]
