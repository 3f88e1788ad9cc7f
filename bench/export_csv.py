"""Benchmark: stream N synthetic cases to CSV; report rows/second and the process's peak memory.

    .venv/bin/python bench/export_csv.py 10000 50000 100000

Each size gets its own SQLite database, built in one process and exported in a fresh one, so
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
    """A database holding the papers' data plus `size` synthetic published cases."""
    setup_django(database)
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    from cases.models import Case, CasePathwayType, CaseRole, Place
    from pathways.models import Citation, CityRole, PathwayType, Publication
    from portal.records import load_atlas

    call_command("migrate", verbosity=0)
    load_atlas(ROOT / "fixtures")
    places = list(Place.objects.values_list("pk", flat=True))
    roles = list(CityRole.objects.values_list("pk", flat=True))
    pathways = list(PathwayType.objects.values_list("pk", flat=True))
    publication = Publication.objects.first()
    case_type = ContentType.objects.get_for_model(Case)
    for start in range(0, size, 5000):
        batch = Case.objects.bulk_create(
            Case(
                slug=f"synthetic-{n}",
                title=f"Synthetic practice {n}",
                summary="A generated case for the export benchmark.",
                description="Generated. " * 20,
                state="published",
                start_year=2000 + n % 25,
            )
            for n in range(start, min(start + 5000, size))
        )
        Case.places.through.objects.bulk_create(
            Case.places.through(case_id=c.pk, place_id=places[c.pk % len(places)]) for c in batch
        )
        CaseRole.objects.bulk_create(
            CaseRole(case_id=c.pk, role_id=roles[c.pk % 3], basis="classified") for c in batch
        )
        CasePathwayType.objects.bulk_create(
            CasePathwayType(case_id=c.pk, pathway_type_id=pathways[c.pk % 6], basis="stated")
            for c in batch
        )
        Citation.objects.bulk_create(
            Citation(
                content_type=case_type, object_id=c.pk, publication=publication, section="Bench"
            )
            for c in batch
        )


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
