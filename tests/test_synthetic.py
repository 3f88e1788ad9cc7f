"""The synthetic catalogue the benchmarks run on (`generate_synthetic`, portal/synthetic.py):
it fills only a database meant for it, is the same for the same seed, has the shape asked for,
derives what `save()` would derive, and the site serves it."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count

from atlas.models import State
from cases.models import Case, Organisation, Place
from pathways.models import Citation, Network
from portal.synthetic import HOUSING_SENTENCE, PREFIX, SYNTHETIC_NOTE, generate

SIZE = 200


@pytest.fixture
def synthetic(db):
    return generate(SIZE, seed=1)


def synthetic_cases():
    return Case.objects.filter(slug__startswith=PREFIX)


@pytest.mark.parametrize(
    "url",
    [
        None,
        "sqlite:///db.sqlite3",
        "postgres://postgres@127.0.0.1:5432/atlas",
        "postgres://postgres@127.0.0.1:5432/test_atlas_synthetic",
    ],
)
def test_the_command_refuses_a_database_not_named_for_synthetic_data(url, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    arguments = ["--database-url", url] if url else []
    with pytest.raises(CommandError, match="synthetic"):
        call_command("generate_synthetic", "--cases", "1", *arguments)


def snapshot():
    cases = synthetic_cases().order_by("slug")
    return [
        (
            case.slug,
            case.title_en,
            case.title_es,
            case.search_text,
            case.state,
            case.status,
            case.start_year,
            case.program_category_id,
            sorted(case.places.values_list("slug", flat=True)),
            sorted(case.case_roles.values_list("role__slug", "basis")),
            sorted(case.case_pathways.values_list("pathway_type__slug", flat=True)),
        )
        for case in cases
    ] + list(
        Place.objects.filter(slug__startswith=PREFIX)
        .order_by("slug")
        .values_list("slug", "name", "country", "latitude")
    )


def generated(seed, size=50):
    with transaction.atomic():
        generate(size, seed=seed)
        found = snapshot()
        transaction.set_rollback(True)
    return found


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    first = generated(seed=7)
    assert len(first) == 50 + 5100
    assert generated(seed=7) == first
    assert generated(seed=8) != first


def test_the_catalogue_has_the_shape_of_a_global_repository(synthetic):
    places = Place.objects.filter(slug__startswith=PREFIX)
    assert places.count() == 5100
    assert places.values("country").distinct().count() == 63
    assert places.filter(region__code="150").count() > places.count() / 2  # mostly Europe
    assert Network.objects.filter(slug__startswith=PREFIX).count() == 560
    assert Organisation.objects.filter(slug__startswith=PREFIX).count() == 1000
    cases = synthetic_cases()
    assert cases.count() == SIZE
    for state in (State.DRAFT, State.ARCHIVED):
        assert 0.01 * SIZE <= cases.filter(state=state).count() <= 0.2 * SIZE
    counted = cases.annotate(roles_n=Count("case_roles", distinct=True)).annotate(
        pathways_n=Count("case_pathways", distinct=True)
    )
    assert {case.roles_n for case in counted} <= {1, 2, 3}
    assert {case.pathways_n for case in counted} <= {1, 2, 3}
    housing = cases.filter(description_en__contains=HOUSING_SENTENCE).count()
    assert 0.08 * SIZE <= housing <= 0.3 * SIZE
    assert cases.exclude(title_es="").exclude(title_es=None).exists()


def test_every_synthetic_case_says_it_is_synthetic_in_its_citations(synthetic):
    for case in synthetic_cases().prefetch_related("citations"):
        notes = {citation.note for citation in case.citations.all()}
        assert notes == {SYNTHETIC_NOTE}
    assert not Citation.objects.filter(note=SYNTHETIC_NOTE).exclude(section="Synthetic").exists()


def test_derived_columns_are_what_save_would_derive(synthetic):
    for case in synthetic_cases().order_by("pk")[:40]:
        bulk = (case.search_title, case.search_text)
        case.save()
        case.refresh_from_db()
        assert bulk == (case.search_title, case.search_text)
        assert case.search_text
    for place in Place.objects.filter(slug__startswith=PREFIX).order_by("pk")[::170]:
        derived = ("search_name", "region_id", "subregion_id", "intermediate_region_id")
        bulk = [getattr(place, name) for name in derived]
        place.save()
        place.refresh_from_db()
        assert bulk == [getattr(place, name) for name in derived]
        assert place.region_id is not None


def test_the_site_serves_the_synthetic_catalogue(synthetic, client):
    case = synthetic_cases().filter(state=State.PUBLISHED, program_category__isnull=False)
    case = case.order_by("pk").first()
    role = case.case_roles.first().role.slug
    region = case.places.first().region.code
    filtered = f"/cases/?role={role}&region={region}&category={case.program_category.slug}"
    answer = client.get(filtered)
    assert answer.status_code == 200
    assert case.title.encode() in answer.content
    assert client.get(case.get_absolute_url()).status_code == 200
    searched = client.get("/cases/?q=housing")
    assert searched.status_code == 200
    export = client.get("/cases/export.csv?q=housing")
    assert export.status_code == 200
    rows = b"".join(export.streaming_content).decode()
    assert "synthetic-case-" in rows
    draft = synthetic_cases().filter(state=State.DRAFT).first()
    assert client.get(draft.get_absolute_url()).status_code == 404
