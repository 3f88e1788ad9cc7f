"""Editors' accounts for the browser tests: made in the database the server reads, logged in
through the admin's own login form, and deleted when the test ends."""

from uuid import uuid4

from django.contrib.auth.models import User

from tests.factories import member


def account(request, group):
    user = member(group, name=f"{group.lower()}-{uuid4().hex[:8]}")
    request.addfinalizer(lambda: User.objects.filter(pk=user.pk).delete())
    return user


def log_in(page, site, user):
    page.goto(f"{site.url}/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("x")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site.url}/admin/")


def choose(page, select_id, text):
    """Pick an option of an autocomplete field as an editor does: open the box, type, click."""
    page.locator(f"#{select_id} ~ .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()
