"""The audit's findings (issue 10): input that used to end in a server error, each answered
with a 400 that names the parameter — or, in a path, a 404."""

import pytest

pytestmark = pytest.mark.django_db

API_LISTS = [
    "/api/cases/",
    "/api/places/",
    "/api/networks/",
    "/api/recommendations/",
    "/api/publications/",
    "/api/pathway-types/",
    "/api/roles/",
    "/api/gcm-objectives/",
]
CASE_DATA = [
    "/cases/export.csv",
    "/cases/export.json",
    "/places/export.geojson",
    "/map/places.geojson",
    "/cases/feed.atom",
    "/api/cases/",
    "/api/places/",
]
HUGE = "12345678901234567890123"


def named(response):
    return [error["parameter"] for error in response.json()["errors"]]


def page_errors(response):
    return {name: list(messages) for name, messages in response.context["errors"].items()}


@pytest.mark.parametrize("path", API_LISTS)
@pytest.mark.parametrize("value", ["²", "١٢x", "0", "-3", HUGE * 200])
def test_an_api_page_size_that_is_not_a_whole_number_is_a_400(client, path, value):
    response = client.get(path, {"page_size": value})
    assert response.status_code == 400
    assert named(response) == ["page_size"]


def test_an_api_page_size_in_other_digits_or_above_the_maximum_is_read(client):
    assert len(client.get("/api/cases/", {"page_size": "١٢"}).json()["results"]) == 12
    assert len(client.get("/api/cases/", {"page_size": HUGE}).json()["results"]) == min(
        500, client.get("/api/cases/").json()["count"]
    )


@pytest.mark.parametrize("path", [*CASE_DATA, "/networks/export.csv"])
@pytest.mark.parametrize("text", ["visa\x01", "a\x00b", "\x1b[31m", "\x7f", "line\u0085break"])
def test_control_characters_in_a_search_are_a_400_naming_q(client, path, text):
    response = client.get(path, {"q": text})
    assert response.status_code == 400
    assert named(response) == ["q"]


@pytest.mark.parametrize("path", CASE_DATA)
def test_a_gcm_number_too_large_for_any_database_is_a_400(client, path):
    response = client.get(path, {"gcm": HUGE})
    assert response.status_code == 400
    assert named(response) == ["gcm"]


@pytest.mark.parametrize(
    "path", ["/cases/", "/matrix/", "/map/", "/cases/?region=" + HUGE, "/cases/?case=" + HUGE]
)
def test_a_gcm_number_too_large_is_a_400_on_the_pages_too(client, path):
    response = client.get(path, {"gcm": HUGE})
    assert response.status_code == 400
    assert "gcm" in page_errors(response)


@pytest.mark.parametrize(
    "url",
    [
        "/api/cases/%00/",
        "/api/networks/%00/",
        "/api/gcm-objectives/%00/",
        f"/api/gcm-objectives/{HUGE}/",
        f"/gcm/{HUGE}/",
        "/api/cases/caf%C3%A9/",
    ],
)
def test_a_path_that_names_no_record_is_a_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("text", ["a\x00b", "visa\x07"])
def test_control_characters_in_the_site_search_are_a_400_naming_q(client, text):
    response = client.get("/search/", {"q": text})
    assert response.status_code == 400
    assert list(page_errors(response)) == ["q"]
    assert "<code>q</code>" in response.content.decode()


def test_a_nul_byte_among_compared_cases_is_no_case(client):
    response = client.get("/cases/compare/", {"cases": "a\x00b"})
    assert response.status_code == 400
    assert "There is no published case" in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/cases/?page=999", "/cases/?page=0", "/cases/?page=-1", "/cases/?page=²"]
)
def test_a_page_of_a_list_that_does_not_exist_is_a_400_naming_page(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert list(page_errors(response)) == ["page"]
    assert "<code>page</code>" in response.content.decode()


@pytest.mark.parametrize("url", ["/networks/?page=abc", "/recommendations/?page=99"])
def test_a_page_of_the_other_lists_that_does_not_exist_is_a_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert list(page_errors(response)) == ["page"]


def test_a_page_of_changes_that_does_not_exist_is_a_400(client):
    response = client.get("/changes/?page=999")
    assert response.status_code == 400
    assert "<code>page</code>" in response.content.decode()


@pytest.mark.parametrize("path", ["/api/cases/", "/api/roles/"])
@pytest.mark.parametrize("page", ["999", "0", "x", HUGE])
def test_an_api_page_that_does_not_exist_is_a_400_naming_page(client, path, page):
    response = client.get(path, {"page": page})
    assert response.status_code == 400
    assert named(response) == ["page"]


@pytest.mark.parametrize("value", ["yes", "2", "²", "\x00"])
def test_a_bom_that_is_neither_0_nor_1_is_a_400(client, value):
    response = client.get("/cases/export.csv", {"bom": value})
    assert response.status_code == 400
    assert named(response) == ["bom"]


def test_bom_1_starts_the_csv_with_one(client):
    assert client.get("/cases/export.csv?bom=1").getvalue().startswith(b"\xef\xbb\xbf")
    assert not client.get("/cases/export.csv?bom=0").getvalue().startswith(b"\xef\xbb\xbf")


def test_a_search_of_ten_words_is_answered(client):
    response = client.get("/cases/", {"q": " ".join(["city"] * 10)})
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/cases/", "/networks/", "/recommendations/", "/search/"])
def test_a_search_of_more_than_ten_words_is_a_400_naming_q(client, path):
    response = client.get(path, {"q": " ".join("abcdefghijklmnopqrstuvwxyz")})
    assert response.status_code == 400
    assert list(page_errors(response)) == ["q"]
    assert "at most 10 words" in response.content.decode()


def test_a_search_of_more_than_ten_words_is_a_400_in_the_api(client):
    response = client.get("/api/cases/", {"q": "a " * 100})
    assert response.status_code == 400
    assert named(response) == ["q"]
