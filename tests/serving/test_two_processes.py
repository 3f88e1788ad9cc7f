"""Two gunicorn processes on one database and one Redis behave as one site: a login made on
one holds on the other, the suggestion limit counts across both, a value cached by one is
served by the other, and of two editors saving the same case, one on each, exactly one wins.

A module of its own with only transactional tests, for the reason test_concurrent_saves.py
gives: the processes see only committed data, and such tests empty the database when they end.
"""

import datetime
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from atlas.models import Publishable, State
from cases.models import Case
from tests.admin_forms import form_data
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db(transaction=True)

SECRET_KEY = secrets.token_urlsafe(50)
# Suggestions a client may make per hour, and sign-in failures before a lock, as the
# processes are configured here (the test settings raise the limits of this process only).
SUGGESTIONS_PER_HOUR = 5
LOGIN_FAILURES = 5
STALE = "This record was saved by someone else after you opened it"
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    """The test database, as a DATABASE_URL for the processes."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


class Site:
    """One gunicorn process of the site, as `make serve-prod` runs it, on a port of its own."""

    def __init__(self, name, environment, log_dir):
        self.name, self.port = name, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log_dir / f"{name}.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [str(GUNICORN), "-c", "gunicorn.conf.py", "config.wsgi"],
                cwd=settings.BASE_DIR,
                env={**environment, "GUNICORN_BIND": f"127.0.0.1:{self.port}"},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: the workers go with it
            )

    def wait_until_healthy(self, seconds=90):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=5) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        pytest.fail(f"{self.name} did not become healthy:\n{self.log.read_text()[-3000:]}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture
def sites(collected_static, fresh_cache, tmp_path):
    """Processes A and B, stopped however the test ends. Started for each test: a process
    that outlived a test would keep that test's content types in its memory, which the
    database forgets when the test ends.

    This test's process acts as a third process of the same site: it shares their cache
    (the test's key prefix) and their key (which signs the sessions it logs editors into)."""
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    environment |= {
        "DEBUG": "false",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.CACHES["default"]["LOCATION"],
        "CACHE_KEY_PREFIX": fresh_cache,
        "STATIC_ROOT": str(collected_static),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "4",
        "RATE_LIMIT_SUGGEST": f"{SUGGESTIONS_PER_HOUR}/h",
        "LOGIN_FAILURE_LIMIT": str(LOGIN_FAILURES),
    }
    started = []
    try:
        for name in ("A", "B"):
            started.append(Site(name, environment, tmp_path))
        for site in started:
            site.wait_until_healthy()
        with override_settings(SECRET_KEY=SECRET_KEY):
            yield started
    finally:
        for site in started:
            site.stop()


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One visitor's browser. Its cookies go to both processes, as they would to one site
    behind a load balancer; the cookies are marked Secure, so urllib's jar would drop them."""

    opener = urllib.request.build_opener(KeepRedirects)

    def __init__(self, cookies=None):
        self.cookies = dict(cookies or {})

    def open(self, url, data=None):
        body = None if data is None else urlencode(data, doseq=True).encode()
        request = urllib.request.Request(url, data=body)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as answer:  # 3xx, 4xx and 5xx: the status is the answer
            response = answer
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.getcode(), response.read().decode()

    def csrf_token(self, url):
        status, page = self.open(url)
        assert status == 200, page
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]


def staff_member(username, password):
    """A user whose password the processes can check (they hash with PBKDF2, not the
    suite's fast hasher)."""
    hasher = PBKDF2PasswordHasher()
    return User.objects.create(
        username=username,
        password=hasher.encode(password, hasher.salt()),
        is_staff=True,
        is_superuser=True,
    )


def sign_in(browser, site, username, password):
    token = browser.csrf_token(site.url + "/admin/login/")
    data = {"username": username, "password": password, "csrfmiddlewaretoken": token}
    return browser.open(site.url + "/admin/login/?next=/admin/", data)


def test_login_made_on_one_process_holds_on_the_other(sites):
    a, b = sites
    staff_member("ana", "a long pass phrase")
    browser = Browser()
    assert browser.open(b.url + "/admin/")[0] == 302  # not logged in yet
    assert sign_in(browser, a, "ana", "a long pass phrase")[0] == 302
    status, page = browser.open(b.url + "/admin/")
    assert status == 200
    assert "Curate the atlas" in page
    assert 'id="logout-form"' in page


def test_failed_sign_ins_count_across_both_processes(sites):
    a, b = sites
    staff_member("ben", "the right pass phrase")
    browser = Browser()
    statuses = []
    for attempt in range(LOGIN_FAILURES):
        site = (a, b)[attempt % 2]  # neither process alone sees five failures
        statuses.append(sign_in(browser, site, "ben", f"wrong guess {attempt}")[0])
    # The form again with its error, until the failure that reaches the limit locks the account.
    assert statuses == [200] * (LOGIN_FAILURES - 1) + [429]
    status, page = sign_in(Browser(), a, "ben", "the right pass phrase")
    assert status == 429
    assert 'id="logout-form"' not in page


SUGGESTION = {
    "place": "Testville, Colombia",
    "description": "The city gives every newcomer a free night bus pass for a year.",
    "source": "",
    "email": "",
    "website": "",
}


def test_suggestion_limit_counts_across_both_processes(sites):
    a, b = sites
    browser = Browser()
    token = browser.csrf_token(a.url + "/suggest/")
    statuses = []
    for number in range(SUGGESTIONS_PER_HOUR + 1):
        site = (a, b)[number % 2]  # alternately, so neither process alone reaches the limit
        data = {**SUGGESTION, "name": f"Night bus {number}", "csrfmiddlewaretoken": token}
        statuses.append(browser.open(site.url + "/suggest/", data)[0])
    assert statuses == [303] * SUGGESTIONS_PER_HOUR + [429]
    assert Case.objects.filter(is_suggestion=True).count() == SUGGESTIONS_PER_HOUR


def shown_version(site):
    status, page = Browser().open(site.url + "/data/")
    assert status == 200, page
    return re.search(r"Dataset version</dt><dd>(\S+)", page)[1]


def set_every_change_date(moment):
    """Bulk updates, which send no signal and so leave the cache alone."""
    for model in apps.get_models():
        if issubclass(model, Publishable):
            model.objects.update(updated_at=moment)


def test_value_cached_by_one_process_is_served_by_the_other(sites):
    a, b = sites
    case = CaseFactory(state=State.DRAFT)
    CaseFactory(state=State.PUBLISHED)
    set_every_change_date(datetime.datetime(2020, 1, 2, tzinfo=datetime.UTC))
    assert shown_version(a) == "2020-01-02"
    set_every_change_date(datetime.datetime(2021, 3, 4, tzinfo=datetime.UTC))
    assert shown_version(b) == "2020-01-02"  # what A cached
    case.summary = "An editor's change, from a third process"
    case.save()  # forgets the cached version for every process
    assert (shown_version(a), shown_version(b)) == ("2021-03-04", "2021-03-04")


class Editor:
    """An editor who opens the case's change form and saves it through one process."""

    def __init__(self, name, site):
        user = User.objects.create_user(name, is_staff=True)
        user.user_permissions.add(
            *Permission.objects.filter(codename__in=["view_case", "change_case"])
        )
        self.name, self.site, self.client = name, site, Client()
        self.client.force_login(user)

    def open(self, case, summary):
        self.path = reverse("admin:cases_case_change", args=[case.pk])
        page = self.client.get(self.path)
        self.data = form_data(page) | {
            "csrfmiddlewaretoken": page.context["csrf_token"],
            "summary_en": summary,
        }

    def save(self, barrier, results):
        browser = Browser({k: v.value for k, v in self.client.cookies.items()})
        barrier.wait()
        results[self.name] = browser.open(self.site.url + self.path, self.data)


def test_two_editors_saving_one_case_on_two_processes_exactly_one_wins(sites):
    a, b = sites
    case = CaseFactory(title="Saved on two processes", state=State.DRAFT)
    ann, bea = Editor("ann", a), Editor("bea", b)
    for round_ in range(3):
        for editor in (ann, bea):
            editor.open(case, f"Round {round_}: {editor.name}'s summary")
        barrier, results = threading.Barrier(2), {}
        threads = [threading.Thread(target=e.save, args=(barrier, results)) for e in (ann, bea)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

        assert sorted(status for status, _ in results.values()) == [200, 302], results.keys()
        winner = next(name for name, (status, _) in results.items() if status == 302)
        loser = "bea" if winner == "ann" else "ann"
        assert STALE in results[loser][1]
        case.refresh_from_db()
        assert (case.summary, case.version) == (f"Round {round_}: {winner}'s summary", round_ + 2)
