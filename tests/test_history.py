"""A revert restores the whole record: its own fields and its related rows, never its place in
the workflow."""

import pytest
from django.urls import reverse

from atlas.models import State
from cases.models import KeyFigure
from pathways.models import CityRole, FinancingMechanism, PathwayType
from tests.admin_forms import form_data, post_form
from tests.factories import cite, member
from tests.test_workflow import complete_case

pytestmark = pytest.mark.django_db


def related_rows(case):
    return {
        "roles": sorted((row.role.slug, row.basis) for row in case.case_roles.all()),
        "pathways": sorted((row.pathway_type.slug, row.basis) for row in case.case_pathways.all()),
        "citations": sorted((c.publication.slug, c.section) for c in case.citations.all()),
        "financing": sorted(case.financing_mechanisms.values_list("slug", flat=True)),
        "figures": sorted(str(figure) for figure in case.figures.all()),
        "places": sorted(case.places.values_list("slug", flat=True)),
    }


def save_in_admin(client, case, **changes):
    response = post_form(client, reverse("admin:cases_case_change", args=[case.pk]), **changes)
    assert response.status_code == 302, response.context["errors"] if response.context else ""


def revert(client, case, version):
    url = reverse("admin:cases_case_simple_history", args=[case.pk, version.history_id])
    response = client.post(url, form_data(client.get(url)))
    assert response.status_code == 302
    case.refresh_from_db()


@pytest.fixture
def publisher_client(client):
    client.force_login(member("Publishers"))
    return client


def test_a_revert_restores_roles_pathways_citations_figures_and_financing(publisher_client):
    case = complete_case(title="Version one")
    case.case_pathways.create(pathway_type=PathwayType.objects.get(slug="labour"), basis="stated")
    case.financing_mechanisms.add(FinancingMechanism.objects.first())
    KeyFigure.objects.create(case=case, label="People served", value="1,000", year=2020)
    save_in_admin(publisher_client, case)
    first = case.history.latest()
    before = related_rows(case)

    case.case_roles.all().delete()
    case.case_roles.create(role=CityRole.objects.get(slug="advocate"), basis="classified")
    case.case_pathways.all().delete()
    case.citations.all().delete()
    cite(case, "americas-pathways", "ONE-STOP SHOP MODELS")
    case.financing_mechanisms.clear()
    case.figures.all().delete()
    save_in_admin(publisher_client, case, title="Version two")
    assert related_rows(case) != before

    revert(publisher_client, case, first)
    assert case.title == "Version one"
    assert related_rows(case) == before


def test_each_version_holds_the_related_rows_the_editor_saved(publisher_client):
    case = complete_case()
    save_in_admin(publisher_client, case, title="Renamed")
    snapshot = case.history.latest().related
    assert snapshot["case_roles"] == [[row.role.slug, row.basis] for row in case.case_roles.all()]
    assert snapshot["places"] == sorted(case.places.values_list("slug", flat=True))
    assert [c["section"] for c in snapshot["citations"]] == [
        c.section for c in case.citations.all()
    ]


def test_a_revert_keeps_the_workflow_state_and_moves_the_version_on(publisher_client):
    case = complete_case(title="Published once", state=State.PUBLISHED)
    save_in_admin(publisher_client, case)
    published_version = case.history.latest()
    case.refresh_from_db()  # the admin saved it: this copy's version is stale
    case.state = State.DRAFT  # a publisher took it off the public site since
    case.save()
    version_before = case.version
    revert(publisher_client, case, published_version)
    assert case.state == State.DRAFT
    assert case.version > version_before
