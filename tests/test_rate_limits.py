"""Search, exports and the API have a per-client limit: over it the answer is 429 with
Retry-After and a message that says so, and after Retry-After seconds the client may go on.
Each test counts from an address of its own (`client_address`), with small limits."""

import time

import pytest
from django.test import RequestFactory, override_settings

from atlas.clients import client_ip, client_key
from cases.models import Case

pytestmark = pytest.mark.django_db

# Per hour: a limit's window starts at a moment of its own for each client, and a test that
# counts requests must not see a window end between them (one a minute did, now and then).
SMALL = {"search": "3/h", "export": "2/h", "api": "5/h", "api_bulk": "2/h", "suggest": "5/h"}
HOUR = 3600


@pytest.fixture
def visitor(client, client_address):
    client.defaults["REMOTE_ADDR"] = client_address
    with override_settings(ATLAS_RATE_LIMITS=SMALL):
        yield client


def assert_refused(response, period=HOUR):
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= period
    assert "Too many requests from your address" in response.content.decode()


def test_search_is_limited_per_client(visitor):
    for _ in range(3):
        assert visitor.get("/search/?q=visa").status_code == 200
    response = visitor.get("/search/?q=visa")
    assert_refused(response)
    assert response["Content-Type"].startswith("text/html")  # a page, in the site's layout
    # Someone else is not held back by this visitor.
    assert visitor.get("/search/?q=visa", REMOTE_ADDR="192.0.2.200").status_code == 200


@pytest.mark.parametrize("url", ["/cases/", "/networks/", "/recommendations/", "/map/"])
def test_free_text_on_a_list_counts_as_search_and_other_filters_do_not(visitor, url):
    for _ in range(5):
        assert visitor.get(url).status_code == 200
    for _ in range(3):
        assert visitor.get(url, {"q": "city"}).status_code == 200
    assert_refused(visitor.get(url, {"q": "city"}))
    assert visitor.get(url).status_code == 200


def case_slug():
    return Case.objects.published().first().slug


EXPORTS = [
    "/cases/export.csv",
    "/cases/export.xlsx",
    "/cases/export.json",
    "/cases/export.geojson",
    "/places/export.csv",
    "/networks/export.xlsx",
    "/recommendations/export.json",
    "/publications/cite.ris",
    "/cases/{slug}/cite.bib",
]


@pytest.mark.parametrize("url", EXPORTS)
def test_every_export_is_limited_per_client(visitor, url):
    url = url.format(slug=case_slug())
    for _ in range(2):
        assert visitor.get(url).status_code == 200
    response = visitor.get(url)
    assert_refused(response)
    assert response.json()["error"] == "too many requests"


def test_exports_share_one_limit(visitor):
    assert visitor.get("/cases/export.csv").status_code == 200
    assert visitor.get("/networks/export.json").status_code == 200
    assert_refused(visitor.get("/recommendations/export.csv"))


def test_api_is_limited_per_client(visitor):
    for _ in range(5):
        assert visitor.get("/api/cases/").status_code == 200
    response = visitor.get("/api/roles/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= HOUR
    assert "throttled" in response.json()["error"]


def test_api_pages_larger_than_the_default_count_as_bulk(visitor):
    assert visitor.get("/api/cases/", {"page_size": "50"}).status_code == 200
    for _ in range(2):
        assert visitor.get("/api/cases/", {"page_size": "500"}).status_code == 200
    response = visitor.get("/api/places/", {"page_size": "200"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert visitor.get("/api/places/").status_code == 200


def requests_until_refused(client, url, most=10):
    for _ in range(most):
        response = client.get(url)
        if response.status_code == 429:
            return response
        assert response.status_code == 200
    raise AssertionError(f"{url} was never refused")


# Each scope's quickest answer: at two a second, three requests must fit in one second even on
# a loaded machine.
@pytest.mark.parametrize("url", ["/search/?q=visa", "/cases/export.csv", "/api/roles/"])
def test_after_retry_after_the_client_may_go_on(client, client_address, url):
    client.defaults["REMOTE_ADDR"] = client_address
    with override_settings(
        ATLAS_RATE_LIMITS={**SMALL, "search": "2/s", "export": "2/s", "api": "2/s"}
    ):
        refused = requests_until_refused(client, url)
        time.sleep(int(refused["Retry-After"]))
        assert client.get(url).status_code == 200


def test_a_forged_forwarded_for_header_does_not_give_a_fresh_limit(visitor):
    for number in range(3):
        visitor.get("/search/?q=visa", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    assert_refused(visitor.get("/search/?q=visa", HTTP_X_FORWARDED_FOR="203.0.113.9"))


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_each_client_has_its_own_limit(client, client_address):
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    with override_settings(ATLAS_RATE_LIMITS=SMALL):
        for _ in range(3):
            client.get("/search/?q=visa", HTTP_X_FORWARDED_FOR=client_address, **proxy)
        assert_refused(client.get("/search/?q=visa", HTTP_X_FORWARDED_FOR=client_address, **proxy))
        other = f"1.2.3.4, {client_address}9"  # what the client sent, then what our proxy saw
        assert client.get("/search/?q=visa", HTTP_X_FORWARDED_FOR=other, **proxy).status_code == 200


def request_from(remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_client_address_is_remote_addr_unless_proxies_are_trusted(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("192.0.2.1", "203.0.113.5")) == "192.0.2.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.1", "6.6.6.6, 203.0.113.5")) == "203.0.113.5"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from("10.0.0.1", "6.6.6.6, 203.0.113.5, 10.0.0.2")) == "203.0.113.5"
    # Fewer entries than proxies, or nonsense: the request did not come through our proxies.
    assert client_ip(request_from("10.0.0.1", "203.0.113.5")) == "10.0.0.1"
    assert client_ip(request_from("10.0.0.1", "not-an-address, 10.0.0.2")) == "10.0.0.1"


def test_an_ipv6_client_counts_as_its_whole_64(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_key(request_from("2001:db8:1:2::a")) == client_key(
        request_from("2001:db8:1:2::b")
    )
    assert client_key(request_from("2001:db8:1:2::a")) == "2001:db8:1:2::/64"
    assert client_key(request_from("2001:db8:1:3::a")) != client_key(
        request_from("2001:db8:1:2::a")
    )
    assert client_key(request_from("192.0.2.1")) == "192.0.2.1"
