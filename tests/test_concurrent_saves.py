"""Two editors save the same case at the same moment, ten times over, through a live server
with a thread per request: one save wins each time, the other is told who changed what, and
nothing is lost or half-written, on SQLite (WAL, from a file) and on PostgreSQL.

A module of its own, with only transactional tests: such a test empties the database when it
ends, so it must come after every test that relies on the loaded atlas (pytest-django orders
transactional tests last, and with xdist's --dist loadfile a module is scheduled by its first
test)."""

import threading
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test import Client
from django.urls import reverse

from atlas.models import State
from tests.admin_forms import form_data
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db(transaction=True)

STALE = "This record was saved by someone else after you opened it"
ROUNDS = 10


class Editor:
    """An editor's browser: a logged-in session that opens the change form in the test's
    thread and posts it to the live server from a thread of its own."""

    def __init__(self, name, live_server):
        user = User.objects.create_user(name, password="x", is_staff=True)
        # Permissions, not the groups: a transactional test cannot rely on data that an
        # earlier transactional test may have flushed.
        user.user_permissions.add(
            *Permission.objects.filter(codename__in=["view_case", "change_case"])
        )
        self.name, self.client, self.server = name, Client(), live_server
        self.client.force_login(user)

    def open(self, case):
        self.path = reverse("admin:cases_case_change", args=[case.pk])
        page = self.client.get(self.path)
        self.data = form_data(page) | {"csrfmiddlewaretoken": page.context["csrf_token"]}

    def post(self, barrier, results):
        cookies = "; ".join(f"{k}={v.value}" for k, v in self.client.cookies.items())
        request = urllib.request.Request(
            self.server.url + self.path,
            data=urlencode(self.data, doseq=True).encode(),
            headers={"Cookie": cookies},
        )
        barrier.wait()
        try:
            with NO_REDIRECTS.open(request, timeout=60) as response:
                results[self.name] = (response.status, response.read().decode())
        except urllib.error.HTTPError as answer:  # 3xx and 5xx alike: the status is the answer
            results[self.name] = (answer.code, answer.read().decode())


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


NO_REDIRECTS = urllib.request.build_opener(KeepRedirects)


def save_together(editors):
    barrier, results = threading.Barrier(len(editors)), {}
    threads = [threading.Thread(target=e.post, args=(barrier, results)) for e in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_two_editors_saving_at_the_same_moment_lose_nothing(live_server):
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db(), "the live server would share our connection"
    case = CaseFactory(title="Saved by two", state=State.DRAFT)
    ann, bea = Editor("ann", live_server), Editor("bea", live_server)
    for round_ in range(ROUNDS):
        for editor in (ann, bea):
            editor.open(case)
            editor.data["summary_en"] = f"Round {round_}: {editor.name}'s summary"

        results = save_together([ann, bea])

        statuses = sorted(status for status, _ in results.values())
        assert statuses == [200, 302], f"round {round_}: {statuses}"
        winner = next(name for name, (status, _) in results.items() if status == 302)
        loser = next(name for name in results if name != winner)
        assert STALE in results[loser][1]
        assert f"{winner} changed summary" in results[loser][1]
        case.refresh_from_db()
        assert (case.summary, case.version) == (f"Round {round_}: {winner}'s summary", round_ + 2)
        assert case.history.count() == round_ + 2
