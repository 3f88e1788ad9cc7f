"""One feed instance answers every request: concurrent requests must not see each other's
filters. Run against a threaded live server, as a deployment with gthread workers runs it."""

import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

from tests.factories import CaseFactory, PlaceFactory

ATOM = "{http://www.w3.org/2005/Atom}"
PLACES, CASES_PER_PLACE, REQUESTS, THREADS = 10, 3, 120, 8


def fetch_feed(url):
    """The feed's status, title and entries' ids (its cases' URLs)."""
    try:
        with urlopen(url, timeout=60) as response:
            feed = ET.fromstring(response.read())
    except HTTPError as error:
        return error.code, None, set()
    entries = {entry.findtext(f"{ATOM}id") for entry in feed.iter(f"{ATOM}entry")}
    return 200, feed.findtext(f"{ATOM}title"), entries


# A transactional test flushes the database after itself; pytest-django runs such tests after
# all the others in a process, so the atlas the other tests read is gone only when unneeded.
@pytest.mark.django_db(transaction=True)
def test_concurrent_feed_requests_each_get_their_own_filter(live_server):
    expected = {}
    for _ in range(PLACES):
        place = PlaceFactory()
        cases = [CaseFactory() for _ in range(CASES_PER_PLACE)]
        place.cases.add(*cases)
        urls = {f"{live_server.url}{case.get_absolute_url()}" for case in cases}
        expected[place.slug] = (200, f"City Pathways Atlas: new cases (Place: {place})", urls)
    slugs = [list(expected)[n % PLACES] for n in range(REQUESTS)]

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        answers = list(
            pool.map(fetch_feed, [f"{live_server.url}/cases/feed.atom?place={s}" for s in slugs])
        )

    assert answers == [expected[slug] for slug in slugs]
