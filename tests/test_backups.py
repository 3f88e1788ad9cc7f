"""`make backup` and `make restore` (manage.py backup / restore): the loaded atlas with an
editor's change, backed up and restored into a new empty database, serves byte-identical
exports — on SQLite, and on PostgreSQL when the tests run there (pg_dump and pg_restore).

Every database here is one of the test's own (tests/scratch.py), written by the commands in
processes of their own, as on a server; the test database is only read, for the atlas. (The
tests are marked as using the database so that they run before any transactional test, which
empties it when it ends.)"""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.scratch import database_of_the_tests, manage, run, scratch_database
from tests.site_client import EXPORTS, exports_of

pytestmark = pytest.mark.django_db

EDIT = "Changed by an editor just before the backup."


def test_backup_restored_into_an_empty_database_serves_the_same_exports(tmp_path):
    first, backup = tmp_path / "loaded", tmp_path / "edited"
    with scratch_database(tmp_path) as site, scratch_database(tmp_path) as empty:
        manage(database_of_the_tests(), "backup", "--output", str(first))
        manage(site, "restore", str(first))
        run(site, "-m", "tests.site_client", "edit", EDIT)
        assert manage(site, "backup", "--output", str(backup)) == f"backup: {backup}\n"

        assert manage(empty, "restore", str(backup)) == f"restored: {backup}\n"

        before = exports_of(site, tmp_path / "site")
        after = exports_of(empty, tmp_path / "restored")
    assert [path for path in EXPORTS if before[path] != after[path]] == []
    assert EDIT.encode() in after["/cases/export.csv"]


def test_backup_goes_to_a_new_timestamped_file_in_backup_dir(tmp_path):
    folder = tmp_path / "backups"
    written = manage(database_of_the_tests(), "backup", BACKUP_DIR=str(folder))
    [backup] = folder.iterdir()
    assert written == f"backup: {backup}\n"
    assert backup.name.startswith("atlas-") and backup.stat().st_size > 100_000


def test_restore_refuses_without_a_file_or_with_a_file_that_is_no_backup(tmp_path):
    with pytest.raises(CommandError, match="the following arguments are required: backup_file"):
        call_command("restore")
    export = tmp_path / "cases.json"
    export.write_text("[]")
    with pytest.raises(CommandError, match=r"Nothing was restored: .*cases.json is not a backup"):
        call_command("restore", str(export))
