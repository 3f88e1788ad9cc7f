"""Specification: every operation of the API, called with what its own OpenAPI schema allows
(and what schemathesis derives from it: wrong types, edge values, missing parameters),
never answers with a server error. The schema is the one /api/schema/ serves; the calls go
in-process through the site's WSGI application, against the test database."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import settings
from schemathesis.checks import not_a_server_error


def served_schema():
    """What /api/schema/ answers, built without a request (collection may not use the database)."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(schema))


schema = schemathesis.openapi.from_dict(served_schema())
schema.app = get_wsgi_application()


@pytest.fixture(scope="module", autouse=True)
def one_connection_for_the_test():
    """A request that ends closes the database connection — and with it the test's
    transaction. Django's test client keeps it open; the WSGI calls must too."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_the_schema_tested_is_the_one_served(client):
    assert client.get("/api/schema/?format=json").json() == served_schema()


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=200)
def test_no_api_operation_answers_with_a_server_error(case):
    case.call_and_validate(checks=[not_a_server_error])
