"""Specification: no query string, however hostile, makes an export, a feed, the GeoJSON or
the API answer with a server error; one that refuses its parameters answers a 400 whose JSON
names each (`{"error": "invalid filter", "errors": [{"parameter", "message"}]}`)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.properties.checks import assert_answered, request_drawn
from tests.properties.endpoints import is_data, public_endpoints

DATA = [endpoint for endpoint in public_endpoints() if is_data(endpoint)]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", DATA, ids=lambda endpoint: endpoint.name)
@given(data=st.data())
def test_no_query_string_makes_data_fail(endpoint, data):
    assert_answered(*request_drawn(endpoint, data))
