"""The case list, a case's page (and its citation files), and cases side by side."""

from django.core.validators import slug_re
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from atlas import citing
from atlas.limits import RateLimitMixin
from atlas.models import dataset_version
from atlas.views import FacetedListView, PreviewMixin
from cases import citing as case_citing
from cases.exports import CASES
from cases.filters import CaseFilter
from cases.models import Case, CaseRedirect
from pathways.models import Recommendation


class CaseListView(FacetedListView):
    filterset_class = CaseFilter
    queryset = Case.objects.published().for_list()
    dataset, export_url = CASES, "cases:case-export"

    def get_context_data(self, **kwargs):
        compare = self.request.GET.getlist("compare")[:3]
        return super().get_context_data(
            compare_slugs=compare, feed_url=reverse("cases:case-feed"), **kwargs
        )


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
