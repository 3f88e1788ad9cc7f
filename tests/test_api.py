"""The read-only API: the lists' filters, pagination, a valid OpenAPI schema, JSON errors."""

import pytest
from openapi_spec_validator import validate

from cases.models import Case
from pathways.models import GCMObjective

pytestmark = pytest.mark.django_db


def test_api_root_lists_every_resource(client):
    data = client.get("/api/").json()
    assert list(data) == [
        "cases", "places", "networks", "recommendations", "publications", "pathway-types",
        "roles", "gcm-objectives",
    ]  # fmt: skip


def test_api_paginates_with_a_documented_maximum(client):
    data = client.get("/api/cases/?page_size=10").json()
    assert data["count"] == Case.objects.published().count()
    assert len(data["results"]) == 10
    assert "page=2" in data["next"]
    assert len(client.get("/api/cases/?page_size=100000").json()["results"]) == min(
        500, Case.objects.published().count()
    )


def test_api_case_fields_are_stable(client):
    # In the codebook's order (the declaration's), like the CSV columns.
    case = client.get("/api/cases/idnyc/").json()
    assert list(case) == [
        "slug", "url", "title", "kind", "summary", "description", "places", "named_places",
        "actor_network", "roles", "pathway_types", "program_category", "gcm_objectives",
        "partners", "networks", "frameworks", "financing_mechanisms", "start_year", "end_year",
        "status", "depth", "recommendations", "claims", "key_figures", "citations",
        "created_at", "updated_at",
    ]  # fmt: skip
    assert case["url"] == "http://testserver/cases/idnyc/"


def test_api_hides_drafts(client):
    Case.objects.filter(slug="idnyc").update(state="draft")
    assert client.get("/api/cases/idnyc/").status_code == 404
    slugs = [c["slug"] for c in client.get("/api/cases/?q=IDNYC").json()["results"]]
    assert "idnyc" not in slugs


def test_api_vocabularies(client):
    assert client.get("/api/gcm-objectives/").json()["count"] == GCMObjective.objects.count()
    labour = client.get("/api/pathway-types/labour/").json()
    assert "Seasonal or Temporary Worker Visas" in labour["examples"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("role=astronaut", "role"),
        ("gcm=0", "gcm"),
        ("country=ZZ", "country"),
        ("active_from=soon", "active_from"),
        ("active_from=2020&active_to=2000", "__all__"),
        ("sort=chaos", "sort"),
        ("page_size=-5", "page_size"),
        ("page_size=ten", "page_size"),
        ("q=" + "a" * 300, "q"),
    ],
)
def test_api_answers_bad_parameters_with_a_json_400(client, query, parameter):
    response = client.get(f"/api/cases/?{query}")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors[0]["parameter"] in (parameter, "non_field_errors")
    assert errors[0]["message"]


def test_api_missing_page_is_a_json_400_and_missing_record_a_404(client):
    last = -(-Case.objects.published().count() // 50)
    assert client.get("/api/cases/?page=999").json() == {
        "error": "invalid filter",
        "errors": [{"parameter": "page", "message": f"A page number from 1 to {last}."}],
    }
    assert client.get("/api/networks/nope/").status_code == 404


def test_openapi_schema_validates(client):
    schema = client.get("/api/schema/?format=json").json()
    validate(schema)
    assert "/api/cases/" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/cases/"]["get"]["parameters"]}
    assert {"role", "pathway", "region", "country", "source", "q", "page_size"} <= parameters


def test_api_documentation_loads_without_a_cdn(client):
    page = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in page
    assert "cdn." not in page and "unpkg" not in page and "jsdelivr" not in page
