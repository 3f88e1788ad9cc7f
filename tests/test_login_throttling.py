"""Guessing an editor's password is stopped: after five failures for one account (from any
address) or from one address (for any accounts), the admin refuses to sign in, even with the
right password, until the cool-off has passed. Every failure is logged, never its password."""

import logging
import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-right-password"
REFUSED = "Sign-in refused for now"


@pytest.fixture
def ana():
    return User.objects.create_user("ana", password=PASSWORD, is_staff=True)


def sign_in(client, password, username="ana", address="192.0.2.10"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_right_password_signs_in(client, ana):
    assert signed_in(sign_in(client, PASSWORD))


def test_after_five_failures_the_right_password_is_refused(client, ana):
    for _ in range(5):
        response = sign_in(client, "wrong")
        assert response.status_code in {200, 429}
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert REFUSED in response.content.decode()
    assert "There were 5 failed sign-ins" in response.content.decode()
    assert client.get("/admin/").status_code == 302  # not signed in


def test_four_failures_then_the_right_password_signs_in_and_starts_afresh(client, ana):
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200
    assert signed_in(sign_in(client, PASSWORD))
    client.logout()
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200
    assert signed_in(sign_in(client, PASSWORD))


def test_an_attacker_changing_address_is_still_stopped(client, ana):
    for number in range(5):
        sign_in(client, "wrong", address=f"198.51.100.{number}")
    response = sign_in(client, PASSWORD, address="203.0.113.99")
    assert response.status_code == 429
    assert REFUSED in response.content.decode()


def test_an_address_trying_many_accounts_is_stopped(client, ana):
    for number in range(5):
        sign_in(client, "wrong", username=f"guess{number}", address="198.51.100.7")
    assert sign_in(client, PASSWORD, address="198.51.100.7").status_code == 429
    # Ana, from her own address, is not locked out by someone else's guessing.
    assert signed_in(sign_in(client, PASSWORD, address="192.0.2.10"))


@override_settings(AXES_COOLOFF_TIME=timedelta(seconds=2))
def test_after_the_cool_off_the_right_password_signs_in(client, ana):
    for _ in range(5):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 429
    time.sleep(2.5)
    assert signed_in(sign_in(client, PASSWORD))


def test_an_administrator_can_lift_a_lockout(client, ana):
    for _ in range(5):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 429
    call_command("axes_reset_username", "ana")
    call_command("axes_reset_ip", "192.0.2.10")
    assert signed_in(sign_in(client, PASSWORD))


def test_each_failure_is_logged_with_username_and_address_but_no_password(client, ana, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        for number in range(3):
            sign_in(client, f"secret-guess-{number}", address="198.51.100.23")
    failures = [r for r in caplog.records if "login failure" in r.getMessage()]
    assert len(failures) == 3
    for record in failures:
        assert record.levelno == logging.WARNING
        assert "ana" in record.getMessage()
        assert "198.51.100.23" in record.getMessage()
    assert "secret-guess" not in caplog.text
    # Nor is it kept with the attempt the admin lists.
    attempt = AccessAttempt.objects.get(username="ana")
    assert attempt.failures_since_start == 3
    assert "secret-guess" not in attempt.post_data


def test_lockout_is_logged(client, ana, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        for _ in range(5):
            sign_in(client, "wrong")
    assert any("Locking out" in r.getMessage() and "ana" in r.getMessage() for r in caplog.records)


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_forwarded_client_is_locked_out_not_the_proxy(client, ana):
    def through_proxy(password, client_address):
        return client.post(
            "/admin/login/?next=/admin/",
            {"username": f"guess-{client_address}", "password": password},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=client_address,
        )

    for _ in range(5):
        through_proxy("wrong", "198.51.100.50")
    assert through_proxy("wrong", "198.51.100.50").status_code == 429
    # Another visitor behind the same proxy can still sign in.
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "ana", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.10",
    )
    assert signed_in(response)
