"""`manage.py dumpdata --natural-foreign --natural-primary` of every app, after editors deleted
records, loads into a new empty database that then serves the same exports and dumps the
same data again.

Deleting a record leaves its history behind, and history rows still name it; a record's
citations name it by primary key (a generic relation), so do its history's rows."""

import json

import pytest
from django.core.management import call_command

from atlas.models import State
from cases.models import Case, Place
from pathways.models import CityRole
from tests.admin_forms import delete_in_the_admin
from tests.factories import CaseFactory, PlaceFactory, cite
from tests.scratch import manage, scratch_database
from tests.site_client import exports_here, exports_of

pytestmark = pytest.mark.django_db

NATURAL = ["--natural-foreign", "--natural-primary"]


def unordered(records):
    return sorted(json.dumps(record, sort_keys=True) for record in records)


def test_dump_with_natural_keys_after_deletions_loads_into_an_empty_database(
    client, publisher, tmp_path
):
    draft = CaseFactory(state=State.DRAFT)  # with rows of its own that history remembers
    draft.figures.create(value="12", label="families")
    draft.case_roles.create(role=CityRole.objects.first(), basis="stated")
    cite(draft)
    client.force_login(publisher)
    delete_in_the_admin(client, draft)
    delete_in_the_admin(client, PlaceFactory())
    Case.objects.published().order_by("pk").first().delete()  # leaves a gap in the numbering
    dump = tmp_path / "atlas.json"

    call_command("dumpdata", *NATURAL, "--output", str(dump), verbosity=0)

    with scratch_database(tmp_path) as empty:
        manage(empty, "migrate", "--no-input", "--verbosity", "0")
        assert "Installed" in manage(empty, "loaddata", str(dump))
        again = json.loads(manage(empty, "dumpdata", *NATURAL))
        restored = exports_of(empty, tmp_path / "restored")
    # The same records; their order may differ, as the new database numbers its content types
    # in migration order, which an older database need not follow.
    assert unordered(again) == unordered(json.loads(dump.read_text(encoding="utf-8")))
    assert restored == exports_here(tmp_path / "here")
    assert Place.history.filter(history_type="-").exists()
