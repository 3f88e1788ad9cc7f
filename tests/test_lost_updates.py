"""No lost update: a save writes only over the version it was made from, and says so when it
cannot. (Two saves at the same moment, through a live server: tests/test_concurrent_saves.)"""

import pytest
from django.urls import reverse

from atlas.models import StaleRecord
from cases.models import Case
from tests.admin_forms import form_data
from tests.factories import member
from tests.test_workflow import complete_case

pytestmark = pytest.mark.django_db


def test_a_save_that_does_not_say_which_version_it_was_opened_at_is_refused(client):
    case = complete_case(title="Kept as it was")
    url = reverse("admin:cases_case_change", args=[case.pk])
    client.force_login(member("Editors"))
    data = form_data(client.get(url))
    del data["seen_version"]
    data["title_en"] = "Saved blind"

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "This form does not say which version of the record it was opened at, so saving it "
        "could overwrite someone else's changes. Nothing was saved: reload the page and apply "
        "your changes again."
    ]
    case.refresh_from_db()
    assert (case.title, case.version) == ("Kept as it was", 1)


def test_a_stale_copy_of_a_record_is_not_saved_over_a_newer_one():
    case = complete_case(title="Original")
    stale = Case.objects.get(pk=case.pk)
    case.title = "Saved first"
    case.save()
    stale.title = "Saved from a stale copy"

    with pytest.raises(StaleRecord):
        stale.save()

    case.refresh_from_db()
    assert (case.title, case.version) == ("Saved first", 2)
