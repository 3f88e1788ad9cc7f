"""Editors curate the atlas in the admin; nobody else gets in."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib import admin
from django.urls import reverse

from cases.models import Case, CaseRedirect

pytestmark = pytest.mark.django_db

# The loaded atlas, the groups its migration makes and the admin user hold a record of every
# kind the admin edits, but these.
MADE_FOR_THE_TEST = {
    CaseRedirect: lambda: CaseRedirect.objects.create(
        old_slug="old-address", case=Case.objects.first()
    ),
    AccessAttempt: lambda: AccessAttempt.objects.create(
        username="ana", ip_address="192.0.2.1", failures_since_start=1
    ),
    AccessFailureLog: lambda: AccessFailureLog.objects.create(
        username="ana", ip_address="192.0.2.1"
    ),
}


def test_admin_sends_anonymous_visitors_to_log_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m._meta.label)
def test_admin_lists_search_and_edit_every_model(admin_client, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "city"}).status_code == 200
    obj = MADE_FOR_THE_TEST.get(model, model.objects.first)()
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    assert admin_client.get(change).status_code == 200


def test_admin_case_page_links_to_the_public_page_and_shows_citations(admin_client):
    case = Case.objects.published().first()
    page = admin_client.get(reverse("admin:cases_case_change", args=[case.pk])).content.decode()
    assert "View on site" in page
    assert "Citations" in page


def test_admin_autocomplete_finds_places(admin_client):
    response = admin_client.get(
        "/admin/autocomplete/",
        {"term": "Bogo", "app_label": "cases", "model_name": "case", "field_name": "places"},
    )
    assert response.status_code == 200
    assert any("Bogotá" in result["text"] for result in response.json()["results"])
