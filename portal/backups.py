"""Back up the atlas's database to one file, and restore one, on PostgreSQL or SQLite.

PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore --clean --if-exists
--no-owner` in a single transaction, so a restore that fails leaves the database as it was.
SQLite: the online backup API of the `sqlite3` module, both ways. It copies a consistent
snapshot page by page while the site goes on reading and writing (WAL), which copying the file
would not: a copy taken mid-write, or without its `-wal` file, loses the latest commits.

A backup is written beside its final name and renamed when complete, so a file under that name
is never a half-written backup.
"""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.utils import timezone

SQLITE_HEADER = b"SQLite format 3\x00"
PG_CUSTOM_HEADER = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that did not happen; the message says why."""


def kind(database):
    engine = database["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"backups cover SQLite and PostgreSQL, not {engine}")


def default_path(database, directory):
    """A new file in `directory`, named after the database and the moment."""
    name = Path(str(database["NAME"])).stem
    suffix = {"sqlite": "sqlite3", "postgresql": "pgdump"}[kind(database)]
    return Path(directory) / f"atlas-{name}-{timezone.now():%Y%m%d-%H%M%S}.{suffix}"


def back_up(database, path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.unlink(missing_ok=True)
    if kind(database) == "sqlite":
        copy_sqlite(database["NAME"], partial)
        # The copy keeps the site's WAL mode; a backup is one self-contained file instead.
        with sqlite3.connect(partial) as backup:
            backup.execute("PRAGMA journal_mode=DELETE")
        backup.close()
    else:
        run(["pg_dump", "--format=custom", f"--file={partial}"], database)
    partial.replace(path)
    return path


def check_backup(database, path):
    """Refuse a file that is not a backup of this kind of database, before anything is
    touched."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"no backup file at {path}")
    wanted = {"sqlite": SQLITE_HEADER, "postgresql": PG_CUSTOM_HEADER}[kind(database)]
    with path.open("rb") as file:
        if file.read(len(wanted)) != wanted:
            raise BackupError(f"{path} is not a backup of a {kind(database)} database")


def restore(database, path):
    """Replace the database's content with the backup's."""
    check_backup(database, path)
    if kind(database) == "sqlite":
        copy_sqlite(path, database["NAME"])
    else:
        options = ["--clean", "--if-exists", "--no-owner", "--single-transaction"]
        run(["pg_restore", *options, f"--dbname={database['NAME']}", str(path)], database)


def copy_sqlite(source, target):
    # Read-only on the source, so a mistyped path is an error rather than a new empty file.
    origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    try:
        with destination:
            origin.backup(destination)
    except sqlite3.Error as error:
        raise BackupError(f"copying {source} to {target}: {error}") from None
    finally:
        origin.close()
        destination.close()


def run(command, database):
    """Run a PostgreSQL client with the connection settings Django uses, passed as the
    client's own environment variables (no password on a command line)."""
    settings = {"PGHOST": "HOST", "PGPORT": "PORT", "PGUSER": "USER", "PGPASSWORD": "PASSWORD"}
    environment = {**os.environ, "PGDATABASE": database["NAME"]}
    environment |= {var: str(database[key]) for var, key in settings.items() if database.get(key)}
    try:
        result = subprocess.run(command, env=environment, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client)") from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
