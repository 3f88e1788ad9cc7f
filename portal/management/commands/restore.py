from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from portal.backups import BackupError, check_backup, restore


class Command(BaseCommand):
    help = (
        "Replace the database's content (DATABASE_URL) with a backup made by `backup`. The file "
        "must be named: there is no default, so nothing is restored by accident."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup_file", help="the file `manage.py backup` wrote")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, backup_file, database, **options):
        connection = connections[database]
        try:
            check_backup(connection.settings_dict, backup_file)
            connection.close()  # no connection of ours holds the database while it is replaced
            restore(connection.settings_dict, backup_file)
        except BackupError as error:
            raise CommandError(f"Nothing was restored: {error}") from None
        self.stdout.write(f"restored: {backup_file}")
