"""The API documentation loads in a browser: every script and stylesheet its page names is
served, over real HTTP from a live server (which serves the static files as a deployment
does), and the start-up script is the one Swagger UI needs."""

from urllib.parse import urljoin
from urllib.request import urlopen

import pytest
from django.urls import reverse

from tests.test_security_headers import inline_code


# A transactional test flushes the database after itself; pytest-django runs such tests after
# all the others in a process (a file of them, after the other files), so the atlas the other
# tests read is gone only when unneeded.
@pytest.mark.django_db(transaction=True)
def test_api_docs_scripts_and_styles_are_served(live_server):
    page_url = f"{live_server.url}{reverse('api:docs')}"
    with urlopen(page_url, timeout=30) as response:
        html = response.read().decode()
    parser = inline_code(html)
    assert len(parser.scripts) == 3
    assert len(parser.links) == 3  # the icon, Swagger UI's stylesheet and ours
    for src in parser.scripts + parser.links:
        with urlopen(urljoin(page_url, src), timeout=30) as response:
            assert response.status == 200, src
            assert response.read(), src
    with urlopen(urljoin(page_url, parser.scripts[-1]), timeout=30) as response:
        assert response.headers["Content-Type"].startswith("application/javascript")
        script = response.read().decode()
    assert "SwaggerUIBundle(" in script
    # No badge from swagger.io's validator, which the CSP would block.
    assert '"validatorUrl": null' in script
