"""Whatever a visitor types into the address bar gets a clear answer, never a server error."""

import pytest

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "role=astronaut",
    "pathway=labour&pathway=%00",
    "region=999",
    "region=Europe",
    "country=XX",
    "country=colombia",
    "gcm=24",
    "gcm=fifteen",
    "status=sleeping",
    "active_from=abc",
    "active_from=1492",
    "active_from=2020&active_to=2010",
    "active_to=2019.5",
    "sort=random",
    "source=%27%3B%20DROP%20TABLE%20cases_case%3B--",
    "q=" + "x" * 500,
    "place=../../etc/passwd",
    "network=%3Cscript%3Ealert(1)%3C/script%3E",
    "basis=maybe",
    "case=no-such-case",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
@pytest.mark.parametrize("path", ["/cases/", "/matrix/", "/map/"])
def test_bad_case_filters_get_a_400_that_says_why(client, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400, query
    page = response.content.decode()
    assert "These filters cannot be applied" in page
    assert "<script>alert(1)" not in page


@pytest.mark.parametrize("query", BAD_QUERIES[:11])
def test_bad_filters_of_the_geojson_get_a_json_400(client, query):
    response = client.get(f"/map/places.geojson?{query}")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid filter"


DATA = ["/cases/export.csv", "/places/export.json", "/map/places.geojson", "/cases/feed.atom"]


@pytest.mark.parametrize("path", [*DATA, "/api/cases/", "/api/places/"])
def test_bad_filters_get_the_same_json_400_wherever_the_answer_is_data(client, path):
    response = client.get(f"{path}?role=advocate&gcm=99")
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid filter",
        "errors": [
            {
                "parameter": "gcm",
                "message": "Select a valid choice. 99 is not one of the available choices.",
            }
        ],
    }


@pytest.mark.parametrize("path", ["/cases/", "/matrix/", "/map/"])
def test_an_empty_choice_is_no_choice(client, path):
    response = client.get(f"{path}?role=&pathway=labour")
    assert response.status_code == 200
    assert [active.words for active in response.context["active_filters"]] == [
        "Pathway type: Labour"
    ]


def test_an_empty_choice_is_no_choice_in_the_geojson(client):
    response = client.get("/map/places.geojson?role=&pathway=labour")
    assert response.status_code == 200
    assert response.json() == client.get("/map/places.geojson?pathway=labour").json()


@pytest.mark.parametrize(
    "url",
    [
        "/networks/?scope=planet",
        "/networks/?region=mars",
        "/networks/?source=nope",
        "/recommendations/?addressee=aliens",
        "/recommendations/?kind=wish",
        "/recommendations/?category=nope",
    ],
)
def test_bad_filters_of_the_other_lists_get_a_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "These filters cannot be applied" in response.content.decode()


def test_a_missing_record_is_a_404_with_a_message(client):
    response = client.get("/cases/nope/")
    assert response.status_code == 404
    assert "Not found" in response.content.decode()


def test_unknown_parameters_are_ignored(client):
    plain = client.get("/cases/")
    with_noise = client.get("/cases/?utm_source=newsletter&colour=blue")
    assert with_noise.status_code == 200
    assert with_noise.context["paginator"].count == plain.context["paginator"].count
