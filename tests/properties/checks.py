"""What every answer to a hostile request must be: anything but a server error, and a 400
that names what was wrong with the parameters sent."""

import json

from django.test import Client
from hypothesis import strategies as st

from tests.properties.strategies import encoded, path_values, query_strings

CROSS_FIELD = "__all__"  # `active_from` later than `active_to`: both are at fault


def request_drawn(endpoint, data):
    """Draw a route of the endpoint, a value for each of its path parameters (the real one
    now and then: a hostile one is a 404 from the URLconf, which costs nothing) and a query
    string, and ask for it."""
    route = data.draw(st.sampled_from(endpoint.routes), label="route")
    real = endpoint.real_values()
    values = {}
    for name in endpoint.parameters(route):
        values[name] = data.draw(st.one_of(st.just(real[name]), path_values), label=name)
    query = data.draw(query_strings(), label="query")
    url = endpoint.path(route, values) + (f"?{encoded(query)}" if query else "")
    return Client().get(url), {name for name, _ in query}


def named_in_the_answer(response):
    """The parameters a 400 names: from the JSON errors, or the page's list of errors."""
    if response["Content-Type"].startswith("application/json"):
        return [error["parameter"] for error in json.loads(response.content)["errors"]]
    if isinstance(getattr(response, "data", None), dict):  # the API, browsable: its JSON shown
        names = [error["parameter"] for error in response.data["errors"]]
        page = response.content.decode()
        assert all(f"&quot;{name}&quot;" in page for name in names), page[-3000:]
        return names
    names = list(response.context["errors"])
    page = response.content.decode()
    assert all(f"<code>{name}</code>" in page for name in names if name != CROSS_FIELD)
    return names


def assert_answered(response, sent):
    assert response.status_code < 500, response.content[:2000]
    if response.status_code == 400:
        names = named_in_the_answer(response)
        assert names, "a 400 must name the parameter it refuses"
        allowed = sent | ({CROSS_FIELD} if {"active_from", "active_to"} <= sent else set())
        assert set(names) <= allowed, (names, sent)
