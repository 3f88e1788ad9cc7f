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

    def handle(self, *args, fixtures, **options):
        try:
            report = load_atlas(fixtures)
        except FixtureError as error:
            raise CommandError(f"Nothing was loaded: {error}") from None
        for conflict in report.conflicts:
            self.stderr.write(self.style.WARNING(f"conflict: {conflict}"))
        self.stdout.write(f"load_atlas: {report.summary()}")
