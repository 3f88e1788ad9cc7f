"""What the benchmark scripts share: the server's environment (DEBUG off, limits raised),
a free port, gunicorn started and stopped, the machine and the database described."""

import os
import platform
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# The site's rate limits (config/settings.py, ATLAS_RATE_LIMITS), raised so that none is reached.
RAISED_LIMITS = {
    f"RATE_LIMIT_{name}": "1000000/m" for name in ("SEARCH", "EXPORT", "API", "API_BULK", "SUGGEST")
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment():
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp(prefix='bench-load-')}/db.sqlite3")
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    env["CACHE_KEY_PREFIX"] = f"bench-load-{secrets.token_hex(4)}"
    return (
        env
        | RAISED_LIMITS
        | {
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,testserver",
            "SECURE_SSL_REDIRECT": "false",
        }
    )


def get(url):
    with urllib.request.urlopen(url, timeout=300) as answer:
        return answer.status, answer.read()


def wait_until_healthy(base, server):
    for _ in range(300):
        if server.poll() is not None:
            sys.exit("gunicorn exited before it answered")
        try:
            if get(base + "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.5)
    sys.exit("gunicorn did not become healthy")


def start_gunicorn(env):
    """gunicorn as `make serve-prod` runs it, on a free port; returns (base URL, process)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = env | {"GUNICORN_BIND": f"127.0.0.1:{port}"}
    server = subprocess.Popen(
        [str(Path(PYTHON).with_name("gunicorn")), "-c", "gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_until_healthy(base, server)
    return base, server


def stop(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=60)


def workers(env):
    return (
        f"{env.get('WEB_CONCURRENCY', 2 * (os.cpu_count() or 1))} gthread workers "
        f"× {env.get('GUNICORN_THREADS', '4')} threads"
    )


def machine():
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    ram_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1])
    model = cpu[1].strip() if cpu else platform.machine()
    return f"{os.cpu_count()} cores, {model}, {ram_kb / 2**20:.0f} GiB"


def database(env):
    script = (
        "import django; django.setup(); from django.db import connection as c; "
        "c.ensure_connection(); print(c.vendor, getattr(c, 'pg_version', '') or "
        "c.Database.sqlite_version)"
    )
    result = subprocess.run(
        [PYTHON, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env | {"DJANGO_SETTINGS_MODULE": "config.settings"},
    )
    vendor, version = result.stdout.split()
    if vendor == "postgresql":
        version = f"{int(version) // 10000}.{int(version) % 10000}"
    return {"postgresql": "PostgreSQL", "sqlite": "SQLite"}[vendor] + " " + version


def run_wrk(base, chosen, connections, seconds):
    command = [
        "wrk",
        f"-t{os.cpu_count() or 2}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        str(ROOT / "bench/load.lua"),
        base,
        "--",
        *chosen,
    ]
    print(" ".join(command), flush=True)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    print(output)
    return output


def figures(output):
    def find(pattern):
        return re.search(pattern, output, re.M)

    errors = find(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
    return {
        "requests": int(find(r"(\d+) requests in")[1]),
        "per_second": float(find(r"Requests/sec:\s+([\d.]+)")[1]),
        "median": find(r"^\s+50%\s+(\S+)")[1],
        "p99": find(r"^\s+99%\s+(\S+)")[1],
        "non_2xx": int(find(r"^non-2xx: (\d+)")[1]),
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
    }
