"""The catalogue's rules hold in the database itself."""

import pytest
from django.db import IntegrityError, transaction

from cases.models import Case, CountryRegion, Place
from pathways.models import GCMObjective, Publication
from tests.factories import CaseFactory, PlaceFactory, cite

pytestmark = pytest.mark.django_db


def test_case_end_year_before_start_year_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseFactory(start_year=2020, end_year=2019)


def test_case_may_run_a_single_year():
    case = CaseFactory(start_year=2020, end_year=2020)
    assert case.end_year == case.start_year


def test_case_slug_is_unique():
    CaseFactory(slug="one-slug")
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseFactory(slug="one-slug")


def test_place_coordinates_outside_the_globe_are_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        PlaceFactory(latitude=91, longitude=0)


def test_place_with_only_one_coordinate_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        PlaceFactory(latitude=10, longitude=None)


def test_place_takes_its_world_regions_from_the_m49_table():
    place = PlaceFactory(country="CO")
    assert (place.region.name, place.subregion.name, place.intermediate_region.name) == (
        "Americas",
        "Latin America and the Caribbean",
        "South America",
    )


def test_place_in_a_country_without_intermediate_region_has_none():
    place = PlaceFactory(country="NL")
    assert (place.region.name, place.subregion.name, place.intermediate_region) == (
        "Europe",
        "Western Europe",
        None,
    )


def test_place_regions_follow_a_change_of_country():
    place = PlaceFactory(country="CO")
    place.country = "PH"
    place.save()
    assert (place.region.name, place.subregion.name) == ("Asia", "South-eastern Asia")


def test_m49_table_covers_every_country_of_every_place():
    countries = set(Place.objects.values_list("country", flat=True))
    mapped = set(CountryRegion.objects.values_list("country", flat=True))
    assert countries - mapped == set()


def test_gcm_objective_numbers_stop_at_23():
    with pytest.raises(IntegrityError), transaction.atomic():
        GCMObjective.objects.create(number=24, title="Not an objective")


def test_publication_month_must_be_a_month():
    with pytest.raises(IntegrityError), transaction.atomic():
        Publication.objects.create(slug="p", title="P", short_title="P", year=2020, month=13)


def test_published_excludes_drafts():
    draft = CaseFactory(state="draft")
    published = CaseFactory()
    assert published in Case.objects.published()
    assert draft not in Case.objects.published()


def test_natural_keys_find_the_same_record():
    case = CaseFactory()
    assert Case.objects.get_by_natural_key(*case.natural_key()) == case
    objective = GCMObjective.objects.get(number=15)
    assert GCMObjective.objects.get_by_natural_key(*objective.natural_key()) == objective


def test_citation_reads_as_a_reference():
    citation = cite(CaseFactory(), section="D. RECOMMENDATIONS")
    citation.locator = "Recommendation 2"
    assert str(citation) == "Brokering Solutions (2025), D. RECOMMENDATIONS, Recommendation 2"


def test_deleting_a_case_deletes_its_citations():
    case = CaseFactory()
    cite(case)
    case.delete()
    assert (
        not Publication.objects.get(slug="brokering-solutions")
        .citations.filter(object_id=case.pk, content_type__model="case")
        .exists()
    )
