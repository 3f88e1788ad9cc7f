import os
import sys
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.records import load_atlas
from portal.synthetic import generate

# A database whose name says it is for this, so the site's own data is never filled.
ALLOWED_WORDS = ("synthetic", "bench")


def database_name(config):
    name = str(config.get("NAME") or "")
    return Path(name).name if config.get("ENGINE", "").endswith("sqlite3") else name


def refusal(url):
    """Why the target may not be filled, or None."""
    if not url:
        return (
            "Give the database to fill explicitly: --database-url URL or DATABASE_URL, naming a "
            "database whose name contains 'synthetic' or 'bench'. The default database is never "
            "filled with synthetic data."
        )
    name = database_name(dj_database_url.parse(url))
    if name.lower().startswith("test") or not any(w in name.lower() for w in ALLOWED_WORDS):
        return (
            f"Refusing to fill the database {name!r}: its name must contain 'synthetic' or "
            "'bench' (and not begin with 'test'), so that the site's data and the test "
            "databases are never filled with synthetic records."
        )
    return None


class Command(BaseCommand):
    help = (
        "Fill a separate database (named *synthetic* or *bench*) with the papers' data and a "
        "deterministic synthetic catalogue of --cases cases, for the benchmarks in bench/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--database-url",
            help="the database to fill (else DATABASE_URL); its name must contain "
            "'synthetic' or 'bench'",
        )

    def handle(self, *args, cases, seed, database_url, **options):
        url = database_url or os.environ.get("DATABASE_URL")
        problem = refusal(url)
        if problem:
            raise CommandError(problem)
        if database_url and database_url != os.environ.get("DATABASE_URL"):
            # The settings read DATABASE_URL once: run again with it set to the target.
            manage = Path(settings.BASE_DIR) / "manage.py"
            argv = [sys.executable, str(manage), "generate_synthetic"]
            argv += ["--cases", str(cases), "--seed", str(seed)]
            os.execve(sys.executable, argv, os.environ | {"DATABASE_URL": database_url})
        self.stdout.write(f"migrating {database_name(settings.DATABASES['default'])}")
        call_command("migrate", verbosity=0, interactive=False)
        self.stdout.write("loading the papers' data (load_atlas)")
        load_atlas(Path(settings.BASE_DIR) / "fixtures")
        try:
            report = generate(cases, seed, progress=self.stdout.write)
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"generate_synthetic: {report.summary()}")
