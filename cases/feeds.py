"""Saved searches as feeds: any filtered case list, newest first, in Atom."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from atlas.views import invalid_filter_response
from cases.filters import CaseFilter
from cases.models import Case


class CaseFeed(Feed):
    feed_type = Atom1Feed
    limit = 50

    def __call__(self, request, *args, **kwargs):
        self.filterset = CaseFilter(
            request.GET or None, queryset=Case.objects.published(), request=request
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            return invalid_filter_response(self.filterset)
        self.query = request.GET.urlencode()
        return super().__call__(request, *args, **kwargs)

    def title(self):
        words = " · ".join(active.words for active in self.filterset.active())
        return _("City Pathways Atlas: new cases") + (f" ({words})" if words else "")

    def link(self):
        return reverse("cases:case-list") + (f"?{self.query}" if self.query else "")

    def subtitle(self):
        return _("The newest published city practices matching these filters.")

    def items(self):
        return self.filterset.qs.order_by("-created_at", "title")[: self.limit]

    def item_title(self, case):
        return case.title

    def item_description(self, case):
        return case.summary

    def item_pubdate(self, case):
        return case.created_at

    def item_updateddate(self, case):
        return case.updated_at
