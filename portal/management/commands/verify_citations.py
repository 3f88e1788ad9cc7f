from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.provenance import find_problems


class Command(BaseCommand):
    help = (
        "Check provenance: every citation's section heading, and every case's places, occur in "
        "the text of the paper cited. Exits non-zero on the first run that finds a problem."
    )

    def add_arguments(self, parser):
        parser.add_argument("--papers", default=settings.ATLAS_PAPERS_DIR)

    def handle(self, *args, papers, **options):
        if not Path(papers).is_dir():
            raise CommandError(f"No papers folder at {papers}; pass --papers DIR.")
        problems = find_problems(papers)
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"{len(problems)} provenance problems found.")
        self.stdout.write(self.style.SUCCESS("verify_citations: every citation checks out."))
