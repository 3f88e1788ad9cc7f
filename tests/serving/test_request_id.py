"""Every response, error page and log record carries the request's id, so that a visitor who
quotes it from an error page leads us to the log lines of that request."""

import json
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from atlas.request_log import JSONFormatter
from cases.models import Case

pytestmark = pytest.mark.django_db

QUOTE = "please quote this id: <code>{}</code>"


def records_of(caplog, logger):
    return [record for record in caplog.records if record.name == logger]


def test_not_found_page_quotes_the_id_in_its_header_and_log(client, caplog):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert QUOTE.format(request_id) in response.content.decode()
    [record] = records_of(caplog, "django.request")
    assert record.request_id == request_id
    assert json.loads(JSONFormatter().format(record))["request_id"] == request_id


def test_id_from_the_proxy_is_kept_when_it_is_a_plain_token(client):
    response = client.get("/cases/", HTTP_X_REQUEST_ID="b7c9e0f2-proxy.42")
    assert response["X-Request-ID"] == "b7c9e0f2-proxy.42"


@pytest.mark.parametrize("given", ["short", "two words here", "x" * 65, "a\u00e9b123456789"])
def test_id_from_the_proxy_is_replaced_when_it_is_not_a_plain_token(client, given):
    response = client.get("/cases/", HTTP_X_REQUEST_ID=given)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


@override_settings(ROOT_URLCONF="tests.serving.failing_urls")
def test_server_error_page_quotes_the_id_and_the_error_is_logged_with_it(caplog):
    client = Client(raise_request_exception=False)
    response = client.get("/broken/", HTTP_X_REQUEST_ID="req-500-abcdef")
    assert response.status_code == 500
    assert response["X-Request-ID"] == "req-500-abcdef"
    assert QUOTE.format("req-500-abcdef") in response.content.decode()
    [record] = records_of(caplog, "django.request")
    assert record.levelname == "ERROR"
    line = json.loads(JSONFormatter().format(record))
    assert line["request_id"] == "req-500-abcdef"
    assert line["status"] == 500
    assert "RuntimeError: a deliberately broken page" in line["traceback"]


def test_bad_request_page_quotes_the_id(client):
    response = client.get("/cases/", HTTP_HOST="not-our-site.example")
    assert response.status_code == 400
    assert QUOTE.format(response["X-Request-ID"]) in response.content.decode()


def test_a_refused_form_says_why_and_quotes_the_id():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/suggest/", {"name": "No token"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "The form could not be sent" in page
    assert QUOTE.format(response["X-Request-ID"]) in page


def test_forbidden_page_quotes_the_id(client):
    # Staff, but without any permission on cases.
    client.force_login(User.objects.create_user("visitor", is_staff=True))
    case = Case.objects.first()
    response = client.get(f"/admin/cases/case/{case.pk}/change/")
    assert response.status_code == 403
    assert QUOTE.format(response["X-Request-ID"]) in response.content.decode()


@override_settings(
    ROOT_URLCONF="tests.serving.failing_urls", ADMINS=[("Ops", "ops@example.org")], DEBUG=False
)
def test_server_error_is_mailed_to_the_admins_with_its_traceback(mailoutbox):
    Client(raise_request_exception=False).get("/broken/")
    [message] = mailoutbox
    assert message.to == ["ops@example.org"]
    assert "Internal Server Error: /broken/" in message.subject
    assert "RuntimeError at /broken/\na deliberately broken page" in message.body
    assert "Traceback" in message.body
