"""Browser tests: Debian's Chromium, driven by Playwright, against the site served over real
HTTP by pytest-django's live server, on the test database with the five papers loaded.

Without a Chromium on the machine these tests are skipped with one line saying so; CI
installs it (`.ci/run`). Playwright never downloads a browser of its own here."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from cases.models import Case
from config.env import env_bool
from tests.conftest import load_the_atlas_again

CHROMIUM = next(
    (path for path in ("/usr/bin/chromium", "/usr/lib/chromium/chromium") if Path(path).exists()),
    shutil.which("chromium"),
)
AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
SCREENSHOTS = settings.BASE_DIR / "build" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    if env_bool("CI", default=False):
        raise pytest.UsageError("CI runs the browser tests: install chromium (see .ci/run).")
    skip = pytest.mark.skip(reason="no Chromium here: apt-get install chromium to run them")
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(skip)


# Playwright and its browser live for one test module at a time, not the whole run (as
# pytest-playwright has it): Playwright's sync API leaves an event loop marked running in the
# test process while it is started, and Django then refuses the database calls of every test
# that comes after in this worker (SynchronousOnlyOperation).
@pytest.fixture(scope="module")
def playwright():
    with sync_playwright() as started:
        yield started


@pytest.fixture(scope="module")
def browser_type(playwright, browser_name):
    return getattr(playwright, browser_name)


@pytest.fixture(scope="module")
def launch_browser(browser_type_launch_args, browser_type):
    return lambda **kwargs: browser_type.launch(**{**browser_type_launch_args, **kwargs})


@pytest.fixture(scope="module")
def browser(launch_browser):
    browser = launch_browser()
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, django_db_setup):
    # The test database is set up before Playwright starts its event loop (see database_open).
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        # As root Chromium needs --no-sandbox; the network is closed, so no background calls.
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }


@pytest.fixture(scope="session")
def site(django_db_setup, django_db_blocker):
    """The site over HTTP, shared by the browser tests of a worker.

    pytest-django's `live_server` fixture empties the database after every test (it is a
    transactional test), and loading the papers again takes twenty seconds; this is the same
    server object, kept on the data `django_db_setup` loaded and committed. Tests that change
    records undo their changes themselves (see `scratch_records`)."""
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def transactional_db():
    """pytest-django creates the test database only when a collected test asks for it, by a
    `django_db` mark or by one of its fixtures' names; run on their own the browser tests
    would find no database. They ask by this name, and get none of pytest-django's own
    handling: they share the data `django_db_setup` committed (see `site`), as the server does."""


@pytest.fixture(autouse=True)
def database_open(django_db_blocker, monkeypatch):
    """The server's threads read the database while the test runs (pytest-django blocks
    database access process-wide outside database tests). A transactional test earlier in
    this worker may have emptied it: the papers are loaded again first.

    Playwright's sync API runs an event loop in the test's thread; Django refuses database
    calls from such a thread unless told that it is safe, which a test's thread is. Told for
    the test only: a variable set for the whole run would reach the processes other tests
    start, such as `check --deploy`, which rightly refuses it."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with django_db_blocker.unblock():
        if not Case.objects.exists():
            load_the_atlas_again()
        yield


@pytest.fixture
def browser_context_args():
    # Not pytest-playwright's (session-wide: it would keep Playwright started, see above).
    return {"viewport": DESKTOP, "locale": "en-GB"}


@pytest.fixture
def page(page, site):
    """A page that reaches only the site: map tiles and anything else off-site are refused
    at once rather than left to time out on a closed network."""
    page.route(
        lambda url: not url.startswith(site.url),
        lambda route: route.abort(),
    )
    page.set_default_timeout(10_000)
    return page


def visit(page, site, path):
    """Open a page of the site as a reader would; it must answer 200."""
    response = page.goto(site.url + path)
    assert response.status == 200, f"{path} answered {response.status}"
    return response


def axe_violations(page, *, context=None):
    """WCAG 2.1 A and AA violations axe-core finds on the page as it is now."""
    # Evaluated through the DevTools protocol: a <script> tag would be refused by our CSP.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    result = page.evaluate(
        """async (context) => await axe.run(context || document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        })""",
        context,
    )
    return [
        f"{violation['id']}: {violation['help']} — "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
