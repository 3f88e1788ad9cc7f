"""The catalogue in pictures: published cases counted by city role, pathway type, world region
and start year, one query a chart, each bar linked to the case list that finds the same cases.

`cases` is a queryset of published cases (all of them, or those of one role, pathway type or
region) and `within` the case list's parameters that find the same set, so that a role's
chart of pathway types links to `/cases/?role=advocate&pathway=labour`."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from atlas.charts import terms_chart, years_chart
from cases.models import Case, WorldRegion
from pathways.models import CityRole, PathwayType


def _counted(terms, relation, cases):
    among = Q(**{f"{relation}__in": cases.values("pk")})
    return terms.annotate(case_count=Count(relation, filter=among, distinct=True))


def by_role(cases, within=None):
    roles = _counted(CityRole.objects.all(), "cases", cases)
    title, heading = _("Cases by city role"), _("City role")
    return terms_chart(title, "role", roles, heading=heading, within=within, coloured=True)


def by_pathway(cases, within=None):
    pathways = _counted(PathwayType.objects.all(), "cases", cases)
    title, heading = _("Cases by pathway type"), _("Pathway type")
    return terms_chart(title, "pathway", pathways, heading=heading, within=within, coloured=True)


def by_region(cases, within=None, *, unplaced=None):
    """With `unplaced`, a last bar, without a link, for the cases acting in no place."""
    regions = WorldRegion.objects.filter(level=WorldRegion.Level.REGION)
    regions = _counted(regions, "region_places__cases", cases)
    unclassified = (_("No world region: a network acts, or no place is known"), unplaced)
    return terms_chart(
        _("Cases by world region"),
        "region",
        regions,
        heading=_("World region"),
        within=within,
        unclassified=unclassified if unplaced else None,
    )


def by_subregion(cases, region, within=None):
    subregions = WorldRegion.objects.filter(level=WorldRegion.Level.SUBREGION, parent=region)
    subregions = _counted(subregions, "subregion_places__cases", cases).filter(case_count__gt=0)
    title, heading = _("Cases by sub-region"), _("Sub-region")
    return terms_chart(title, "subregion", subregions, heading=heading, within=within)


def by_start_year(cases, within=None):
    """The timeline; its note says how many cases it leaves out, their start year unknown."""
    rows = (
        Case.objects.filter(pk__in=cases.values("pk"))
        .values_list("start_year")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = dict(rows)
    undated = counts.pop(None, 0)
    title, heading = _("Cases by the year they started"), _("Year")
    timeline = years_chart(title, "started", counts, heading=heading, within=within)
    if undated:
        timeline.note = ngettext(
            "Not shown: %(count)d case whose start year the sources do not state.",
            "Not shown: %(count)d cases whose start year the sources do not state.",
            undated,
        ) % {"count": undated}
    return timeline
