"""The case list, a case's page (and its citation files), and cases side by side."""

from urllib.parse import urlencode, urlsplit

from django.core.exceptions import TooManyFieldsSent
from django.core.validators import slug_re
from django.http import Http404, HttpResponsePermanentRedirect, QueryDict
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from atlas import citing
from atlas.limits import RateLimitMixin
from atlas.models import dataset_version
from atlas.parameters import without_empty
from atlas.views import FacetedListView, PreviewMixin
from cases import citing as case_citing
from cases.exports import CASES
from cases.filters import CaseFilter, CaseFilterForm
from cases.models import Case, CaseRedirect
from pathways.models import Recommendation


class CaseListView(FacetedListView):
    """The catalogue. A filter changed in a browser with JavaScript asks for the same URL with
    `HX-Request`, and gets only what changes (results, counts, filter fields) to swap in;
    every other request, htmx's own restoring of a page on "back" included, the whole page."""

    filterset_class = CaseFilter
    queryset = Case.objects.published().for_list()
    dataset, export_url = CASES, "cases:case-export"
    fragment_template = "cases/case_filter_fragment.html"

    def get_context_data(self, **kwargs):
        compare = self.request.GET.getlist("compare")[:3]
        back = list_url(self.request.GET)
        return super().get_context_data(
            compare_slugs=compare,
            feed_url=reverse("cases:case-feed"),
            case_query=f"?{urlencode({'back': back})}" if "?" in back else "",
            **kwargs,
        )

    def wants_fragment(self):
        htmx = self.request.htmx
        return bool(htmx) and not htmx.history_restore_request

    def get_template_names(self):
        if self.wants_fragment():
            return [self.fragment_template]
        return super().get_template_names()

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        # One URL, two answers: a cache must not hand the fragment to a full page load.
        patch_vary_headers(response, ["HX-Request", "HX-History-Restore-Request"])
        return response


BACK_LENGTH = 2000  # longer than any query the list's own links write


def list_url(query):
    """The case list's address with the list's own parameters of the query (its filters and
    page), without empty ones."""
    known = {*CaseFilter.base_filters, *CaseFilterForm.base_fields, "page"}
    kept = QueryDict(mutable=True)
    for name, values in without_empty(query).lists():
        if name in known:
            kept.setlist(name, values)
    return reverse("cases:case-list") + (f"?{kept.urlencode()}" if kept else "")


def checked_back(value):
    """The filtered list a case page was reached from (`?back=/cases/?role=…`), rebuilt from
    the filters' own parameters; None for anything else — another site, another page, a
    scheme — so that the link can never lead elsewhere."""
    if not value or len(value) > BACK_LENGTH or "\\" in value:
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.path != reverse("cases:case-list"):
        return None
    try:
        return list_url(QueryDict(parts.query))
    except TooManyFieldsSent:  # a refused back link, not a refused case page
        return None


class CaseDetailView(PreviewMixin, DetailView):
    model = Case
    queryset = Case.objects.for_detail()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # A merged duplicate's old address leads to the case it was merged into.
            moved = CaseRedirect.objects.filter(old_slug=kwargs["slug"]).select_related("case")
            if moved and moved[0].case.is_published:
                return HttpResponsePermanentRedirect(moved[0].case.get_absolute_url())
            raise

    def get_context_data(self, **kwargs):
        url = self.request.build_absolute_uri(self.object.get_absolute_url())
        return super().get_context_data(
            cite_text=case_citing.case_text(self.object, url, dataset_version()),
            related=self.object.related_cases(),
            recommendations=Recommendation.objects.concerning(self.object)[:8],
            back=checked_back(self.request.GET.get("back")),
            **kwargs,
        )


class CaseCitationView(RateLimitMixin, CaseDetailView):
    """“Cite this case” as a BibTeX or RIS file."""

    rate_scope = "export"

    def render_to_response(self, context, **kwargs):
        case, fmt = self.object, self.kwargs["format"]
        url = self.request.build_absolute_uri(case.get_absolute_url())
        write = {"bib": case_citing.case_bibtex, "ris": case_citing.case_ris}[fmt]
        text = write(case, url, dataset_version())
        return citing.download(text, f"atlas-{case.slug}.{fmt}", citing.FORMATS[fmt])

    def get_context_data(self, **kwargs):
        return kwargs  # a file, not a page: no related cases or recommendations needed


class CompareView(TemplateView):
    """Two to four cases side by side: `?cases=a,b,c` (or `?cases=a&cases=b`)."""

    template_name = "cases/compare.html"
    most = 4

    def get(self, request, *args, **kwargs):
        slugs = list(
            dict.fromkeys(
                slug.strip()
                for value in request.GET.getlist("cases")
                for slug in value.split(",")
                if slug.strip()
            )
        )
        # Only what could be a slug is looked up: PostgreSQL refuses a NUL byte outright.
        lookup = [slug for slug in slugs if slug_re.fullmatch(slug)]
        cases = {c.slug: c for c in Case.objects.published().for_detail().filter(slug__in=lookup)}
        messages = [
            _("There is no published case “%(slug)s”.") % {"slug": s}
            for s in slugs
            if s not in cases
        ]
        if len(slugs) > self.most:
            messages.append(_("Compare at most %(most)d cases at a time.") % {"most": self.most})
        errors = {"cases": messages} if messages else {}
        context = self.get_context_data(
            cases=[cases[slug] for slug in slugs if slug in cases], slugs=slugs, errors=errors
        )
        return self.render_to_response(context, status=400 if errors else 200)
