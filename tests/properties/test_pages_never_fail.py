"""Specification: no query string, however hostile, makes a page of the site answer with a
server error; a page that refuses its parameters says which, on the page, with a 400."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.properties.checks import assert_answered, request_drawn
from tests.properties.endpoints import REAL_VALUES, is_data, public_endpoints

ENDPOINTS = public_endpoints()
PAGES = [endpoint for endpoint in ENDPOINTS if not is_data(endpoint)]


def test_every_public_endpoint_of_the_urlconf_is_tested_with_real_path_values():
    for endpoint in ENDPOINTS:
        for route in endpoint.routes:
            parameters = set(endpoint.parameters(route)) - {"format"}
            assert parameters <= set(REAL_VALUES.get(endpoint.name, {})), endpoint.name
    assert set(REAL_VALUES) <= {endpoint.name for endpoint in ENDPOINTS}
    data = [endpoint for endpoint in ENDPOINTS if is_data(endpoint)]
    assert len(PAGES) >= 20 and len(data) >= 20  # the split in two files leaves none out


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", PAGES, ids=lambda endpoint: endpoint.name)
@given(data=st.data())
def test_no_query_string_makes_a_page_fail(endpoint, data):
    assert_answered(*request_drawn(endpoint, data))
