import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from portal.backups import BackupError, back_up, default_path


class Command(BaseCommand):
    help = (
        "Back up the database (DATABASE_URL) to one file: pg_dump's custom format on PostgreSQL, "
        "SQLite's online backup on SQLite; safe while the site runs. Writes --output (or "
        "BACKUP_FILE), else a new timestamped file in BACKUP_DIR (default backups/)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default=os.environ.get("BACKUP_FILE") or None)
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, output, database, **options):
        database = connections[database].settings_dict
        directory = os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "backups"
        try:
            path = back_up(database, output or default_path(database, directory))
        except BackupError as error:
            raise CommandError(f"No backup was made: {error}") from None
        self.stdout.write(f"backup: {path}")
