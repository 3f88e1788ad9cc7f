"""`make audit` (.ci/audit.py) says plainly whether the lock was audited.

pip-audit runs for real, over the real lock file, against a vulnerability database served on
127.0.0.1 in the OSV format (the public one is out of reach from the test machines), or against
a port where nothing answers."""

import json
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.test_lock import ROOT, pins

LOCK = "requirements.lock"
ADVISORY = {
    "id": "GHSA-test-0001",
    "summary": "A test advisory",
    "affected": [
        {
            "package": {"name": "django", "ecosystem": "PyPI"},
            "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "9.9"}]}],
        }
    ],
}


def osv_database(advisories):
    """A vulnerability database answering OSV's /v1/query, holding `advisories` by package."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            found = advisories.get(query["package"]["name"])
            body = json.dumps({"vulns": found} if found else {}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return ThreadingHTTPServer(("127.0.0.1", 0), Handler)


@pytest.fixture
def database(request):
    server = osv_database(request.param)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/v1/query"
    server.shutdown()


def audit(osv_url):
    environment = {"AUDIT_SERVICE": "osv", "AUDIT_OSV_URL": osv_url, "PATH": ""}
    return subprocess.run(
        [sys.executable, ".ci/audit.py", LOCK],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("database", [{"django": [ADVISORY]}], indirect=True)
def test_audit_fails_naming_a_vulnerable_locked_package(database):
    result = audit(database)
    version = pins(LOCK)["django"]
    assert (result.returncode, result.stderr) == (
        1,
        f"django {version}: GHSA-test-0001 (fixed in 9.9)\n"
        f"1 of {len(pins(LOCK))} locked packages are vulnerable\n",
    )


@pytest.mark.parametrize("database", [{}], indirect=True)
def test_audit_passes_when_every_package_was_checked_and_none_is_vulnerable(database):
    result = audit(database)
    assert (result.returncode, result.stdout) == (
        0,
        f"audited {len(pins(LOCK))} locked packages: no known vulnerabilities\n",
    )


def test_audit_says_not_audited_when_the_database_is_unreachable():
    with socket.socket() as closed:  # a port nobody listens on once it is closed again
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result = audit(f"http://127.0.0.1:{port}/v1/query")
    assert result.returncode == 2
    assert result.stderr.startswith("vulnerability database unreachable: NOT audited")
    assert "no known vulnerabilities" not in (result.stdout + result.stderr).lower()
