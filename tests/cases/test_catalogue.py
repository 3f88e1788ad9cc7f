"""The case catalogue as a practitioner uses it: filters, facets, sorting, summary, pagination."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db.models import Q

from cases.models import Case, CaseRole, Place
from pathways.models import Citation
from tests.factories import CaseFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def slugs(response):
    """Every case slug the filtered list holds, across all its pages."""
    found = [case.slug for case in response.context["paginator"].object_list]
    return set(found)


def published(**lookups):
    return set(Case.objects.published().filter(**lookups).values_list("slug", flat=True))


def cited_by(publication):
    ids = Citation.objects.filter(content_type__model="case", publication__slug=publication)
    return published(pk__in=ids.values("object_id"))


FILTERS = [
    ("role=advocate", lambda: published(roles__slug="advocate")),
    ("pathway=humanitarian", lambda: published(pathway_types__slug="humanitarian")),
    ("category=one-stop-shops", lambda: published(program_category__slug="one-stop-shops")),
    ("region=150", lambda: published(places__region__code="150")),
    ("subregion=419", lambda: published(places__subregion__code="419")),
    ("country=CO", lambda: published(places__country="CO")),
    ("place=bogota-co", lambda: published(places__slug="bogota-co")),
    (
        "network=mayors-migration-council",
        lambda: published_q(
            Q(networks__slug="mayors-migration-council")
            | Q(actor_network__slug="mayors-migration-council")
        ),
    ),
    ("partner=iom", lambda: published(partners__slug="iom")),
    ("source=imrf-roundtable", lambda: cited_by("imrf-roundtable")),
    ("gcm=16", lambda: published(gcm_objectives__number=16)),
    ("status=ended", lambda: published(status="ended")),
    ("depth=mention", lambda: published(depth="mention")),
]


def published_q(q):
    return set(Case.objects.published().filter(q).values_list("slug", flat=True))


@pytest.mark.parametrize(("query", "expected"), FILTERS, ids=[q for q, _ in FILTERS])
def test_each_filter_alone_lists_exactly_its_cases(client, query, expected):
    want = expected()
    assert want, "a filter test needs cases to find"
    response = client.get(f"/cases/?{query}&page=1")
    assert response.context["paginator"].count == len(want)
    assert {c.slug for c in response.context["paginator"].object_list} == want


def test_values_of_one_filter_are_alternatives(client):
    listed = slugs(client.get("/cases/?role=advocate&role=incubator"))
    assert listed == published(roles__slug="advocate") | published(roles__slug="incubator")


def test_different_filters_all_apply(client):
    listed = slugs(client.get("/cases/?role=advocate&region=150&status=unknown"))
    expected = (
        published(roles__slug="advocate")
        & published(places__region__code="150")
        & published(status="unknown")
    )
    assert listed == expected
    assert expected


def test_basis_stated_keeps_only_roles_the_source_states(client):
    listed = slugs(client.get("/cases/?role=incubator&basis=stated"))
    stated = CaseRole.objects.filter(role__slug="incubator", basis="stated")
    assert listed == published(pk__in=stated.values("case"))
    assert listed < slugs(client.get("/cases/?role=incubator"))


def test_active_years_keep_cases_running_in_the_span(client):
    listed = slugs(client.get("/cases/?active_from=2017&active_to=2018"))
    assert "geneva-papyrus" in listed  # 000: implemented between 2017 and 2018
    for case in Case.objects.filter(slug__in=listed):
        assert case.start_year <= 2018
        assert case.end_year is None or case.end_year >= 2017


def test_search_finds_words_in_titles_places_and_partners(client):
    assert "heartland-visa" in slugs(client.get("/cases/?q=heartland"))
    assert "idnyc" in slugs(client.get("/cases/?q=new+york+identity"))
    by_place = slugs(client.get("/cases/?q=Guayaquil"))
    assert by_place == published(places__slug="guayaquil-ec") | published_q(
        Q(title__icontains="guayaquil")
        | Q(summary__icontains="guayaquil")
        | Q(description__icontains="guayaquil")
    )


def test_search_ranks_title_matches_first(client):
    cases = list(client.get("/cases/?q=visa").context["paginator"].object_list)
    in_title = ["visa" in case.title.lower() for case in cases]
    titled = Case.objects.published().filter(title__icontains="visa").count()
    assert 0 < titled < len(cases)
    assert in_title == [True] * titled + [False] * (len(cases) - titled)


def test_facet_counts_what_choosing_the_option_would_list(client):
    response = client.get("/cases/?region=150&status=unknown")
    facets = {name: options for name, _, options in response.context["facets"]}
    for option in facets["role"]:
        listed = client.get(f"/cases/?region=150&status=unknown&role={option.value}")
        assert option.count == listed.context["paginator"].count, option.label
    # A facet counts with the *other* filters only: its own selection does not shrink it.
    regions = {o.value: o.count for o in facets["region"]}
    only_status = client.get("/cases/?status=unknown&region=019")
    assert regions["019"] == only_status.context["paginator"].count


def test_facet_options_without_matches_are_not_offered(client):
    page = client.get("/cases/?country=NL").content.decode()
    assert 'name="country" value="NL" checked' in page
    # The country facet ignores its own choice, so other countries stay offered …
    assert 'name="country" value="UG"' in page
    # … while the place facet, narrowed by the country, offers no place outside it.
    assert 'name="place" value="utrecht-nl"' in page
    assert 'name="place" value="kampala-ug"' not in page


def offered(page, name):
    """A facet's options as the page offers them: (value, ticked, count), in page order."""
    pattern = rf'name="{name}" value="([^"]+)"( checked)?>[^<]*<span class="count">(\d+)</span>'
    return [(value, bool(ticked), int(count)) for value, ticked, count in re.findall(pattern, page)]


def test_facets_offer_the_selected_options_first_then_those_with_matches(client):
    aaa, mmm, zzz = (PlaceFactory(name=f"{name} Testtown", country="IS") for name in "AMZ")
    for place in (aaa, mmm, zzz):
        place.cases.add(CaseFactory())
    page = client.get(f"/cases/?country=IS&place={zzz.slug}&place=kampala-ug").content.decode()
    # Kampala is chosen but has no case in Iceland: still offered, first, so it can be unticked.
    assert offered(page, "place") == [
        ("kampala-ug", True, 0),
        (zzz.slug, True, 1),
        (aaa.slug, False, 1),
        (mmm.slug, False, 1),
    ]


def test_summary_says_what_is_filtered_in_words(client):
    response = client.get("/cases/?role=advocate&region=150")
    count = response.context["paginator"].count
    page = response.content.decode()
    assert f"<strong>{count} cases</strong> · City role: Advocate · World region: Europe" in page


def test_each_active_filter_can_be_removed_and_all_cleared(client):
    page = client.get("/cases/?role=advocate&region=150").content.decode()
    assert '<a href="?region=150">Remove City role: Advocate</a>' in page
    assert '<a href="?role=advocate">Remove World region: Europe</a>' in page
    assert '<a href="?">Clear all</a>' in page


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("title", lambda case: case.title),
        ("relevance", lambda case: case.title),  # relevance without a search is the title
        ("start_year", lambda case: (case.start_year is None, case.start_year or 0, case.title)),
    ],
)
def test_sorting_orders_the_list(client, sort, key):
    cases = list(client.get(f"/cases/?sort={sort}").context["paginator"].object_list)
    assert cases == sorted(cases, key=key)


def test_a_chosen_sort_wins_over_relevance_while_searching(client):
    by_title = list(client.get("/cases/?q=visa&sort=title").context["paginator"].object_list)
    assert by_title == sorted(by_title, key=lambda case: case.title)
    assert list(client.get("/cases/?q=visa").context["paginator"].object_list) != by_title


def test_sorting_by_recently_added_puts_the_newest_first(client):
    newest = Case.objects.published().order_by("-created_at", "title").first()
    assert client.get("/cases/?sort=recent").context["page_obj"][0] == newest


def test_sorting_by_country_groups_cases_by_their_first_country(client):
    cases = client.get("/cases/?sort=country&region=150").context["paginator"].object_list
    countries = [min(p.country.code for p in case.places.all()) for case in cases]
    assert countries == sorted(countries)


def test_pagination_keeps_the_filters(client):
    response = client.get("/cases/?region=019")
    assert response.context["paginator"].num_pages > 1
    assert 'href="?region=019&amp;page=2"' in response.content.decode()
    second = client.get("/cases/?region=019&page=2")
    assert all(
        any(p.region and p.region.code == "019" for p in case.places.all())
        for case in second.context["page_obj"]
    )


def test_links_on_a_filtered_list_carry_no_empty_parameter(client):
    # What a GET form submitted without JavaScript sends: every empty field too.
    page = client.get("/cases/?q=&sort=title&region=019&active_from=&role=").content.decode()
    hrefs = [unescape(href) for href in re.findall(r'href="([^"]*)"', page)]
    queries = [parse_qsl(urlsplit(href).query, keep_blank_values=True) for href in hrefs]
    assert [href for href, query in zip(hrefs, queries, strict=True) if not all(
        value for _, value in query
    )] == []  # fmt: skip
    for href in (
        "?sort=title&region=019&page=2",
        "?sort=title",
        "/cases/export.csv?sort=title&region=019",
        "/cases/export.csv?sort=title&region=019&bom=1",
        "/cases/feed.atom?sort=title&region=019",
        "/map/?sort=title&region=019",
        "/matrix/?sort=title&region=019",
    ):
        assert href in hrefs


def test_filter_form_works_without_javascript(client):
    page = client.get("/cases/").content.decode()
    assert '<form class="filters" method="get"' in page
    assert '<button type="submit">Apply filters</button>' in page


def test_place_and_country_pages_list_their_cases(client):
    place = Place.objects.get(slug="bogota-co")
    page = client.get(place.get_absolute_url()).content.decode()
    for case in Case.objects.published().filter(places=place):
        assert case.get_absolute_url() in page
    country = client.get("/countries/co/")
    assert country.status_code == 200
    assert "<h1>Colombia</h1>" in country.content.decode()
    assert client.get("/countries/XX/").status_code == 404
