from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from atlas.errors import FixtureError
from portal.records import load_atlas


class Command(BaseCommand):
    help = (
        "Load the papers' data from fixtures/ — idempotently: creates what is new, updates what "
        "the fixtures changed, and never overwrites or deletes an editor's work."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", default=settings.BASE_DIR / "fixtures")
        parser.add_argument(
            "--recreate-deleted",
            action="store_true",
            help="also create again the records editors deleted since they were loaded",
        )

    def handle(self, *args, fixtures, recreate_deleted, **options):
        try:
            report = load_atlas(fixtures, recreate_deleted=recreate_deleted)
        except FixtureError as error:
            raise CommandError(f"Nothing was loaded: {error}") from None
        for conflict in report.conflicts:
            self.stderr.write(self.style.WARNING(f"conflict: {conflict}"))
        self.stdout.write(f"load_atlas: {report.summary()}")
        if report.skipped:
            self.stdout.write(
                f"skipped {len(report.skipped)} records deleted by editors: "
                + ", ".join(report.skipped)
            )
