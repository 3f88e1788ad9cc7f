"""Benchmark: stream N synthetic cases to CSV; report rows/second and the process's peak memory.

    .venv/bin/python bench/export_csv.py 10000 50000 100000

Each size gets its own SQLite database (the synthetic catalogue of `manage.py
generate_synthetic`, portal/synthetic.py), built in one process and exported in a fresh one, so
that the peak resident memory measured is the export's alone. The target (issue 4): memory
stays flat — peak RSS under 200 MB — as the export grows from 10k to 100k rows.
"""

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(database):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()


def build(size, database):
    """A database holding the papers' data plus `size` synthetic cases (`generate_synthetic`'s
    catalogue: 85% of them published, each with 1-3 places, roles and pathway types)."""
    setup_django(database)
    from django.core.management import call_command

    from portal.records import load_atlas
    from portal.synthetic import generate

    call_command("migrate", verbosity=0)
    load_atlas(ROOT / "fixtures")
    generate(size, seed=1)


def export(database):
    setup_django(database)
    from django.test import RequestFactory

    from cases.views.exports import CaseExportView

    request = RequestFactory().get("/cases/export.csv", HTTP_HOST="127.0.0.1")
    started = time.perf_counter()
    response = CaseExportView.as_view()(request, format="csv")
    # Each streamed chunk is one CSV row (a row may span lines: descriptions hold newlines).
    lines = sum(1 for _ in response.streaming_content)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{lines - 1} {seconds:.2f} {peak_mb:.0f}")


def main(sizes):
    rows = []
    for size in sizes:
        database = Path(f"/tmp/atlas-bench-{size}.sqlite3")
        database.unlink(missing_ok=True)
        subprocess.run([sys.executable, __file__, "--build", str(size), str(database)], check=True)
        out = subprocess.run(
            [sys.executable, __file__, "--export", str(database)],
            check=True, capture_output=True, text=True,
        ).stdout.split()  # fmt: skip
        exported, seconds, peak = int(out[0]), float(out[1]), out[2]
        rows.append((size, exported, seconds, exported / seconds, peak))
        database.unlink()
    print("| cases in the database | rows exported | seconds | rows/second | peak RSS (MB) |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for size, exported, seconds, rate, peak in rows:
        print(f"| {size:,} | {exported:,} | {seconds:.1f} | {rate:,.0f} | {peak} |")


if __name__ == "__main__":
    if sys.argv[1] == "--build":
        build(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1] == "--export":
        export(sys.argv[2])
    else:
        main([int(size) for size in sys.argv[1:]])
