"""The corpus written as editors write: real POSTs to the admin's add forms (inlines too),
published by a publisher through the admin's action."""

from dataclasses import dataclass

from django.urls import reverse

from cases.models import Case, KeyFigure, Organisation, Place
from pathways.models import (
    Citation,
    CityRole,
    FinancingMechanism,
    GCMObjective,
    Network,
    PathwayType,
    Publication,
    Recommendation,
    RegionalFramework,
)
from tests.admin_forms import form_data, in_english
from tests.security.corpus import EVERYTHING, fit
from tests.test_workflow import act

CITATIONS = "pathways-citation-content_type-object_id"


def admin_add(client, model, fields, inlines=None):
    """Save a new record through its admin add form, as a browser would post it."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    page = client.get(url)
    data = form_data(page)
    data.update(in_english(page, fields))
    for prefix, rows in (inlines or {}).items():
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        for index, row in enumerate(rows):
            data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    return model.objects.get(slug=fields["slug"])


def errors_of(response):
    context = response.context
    errors = [context["adminform"].form.errors] if context else [response.status_code]
    return errors + [inline.formset.errors for inline in (context or {}).get(
        "inline_admin_formsets", [])]  # fmt: skip


def citation(publication, group, model):
    return {
        "publication": publication.pk,
        "section": fit(group, model, "section"),
        "locator": fit(group, model, "locator"),
        "note": EVERYTHING,
        "order": "0",
    }


@dataclass
class Written:
    case: Case
    place: Place
    organisation: Organisation
    publication: Publication
    network: Network
    recommendation: Recommendation
    mechanism: FinancingMechanism
    framework: RegionalFramework

    def records(self):
        return list(vars(self).values())


def write_corpus(client, editor, publisher, group, n):
    """Every record an editor may write, each text field holding the corpus (or a group of it,
    where the field is short), then published by a publisher."""
    client.force_login(editor)
    slug = f"xss-{n}"

    def named(model, **extra):
        return {"name": fit(group, model, "name"), "slug": f"{slug}-{model._meta.model_name}",
                **extra}  # fmt: skip

    place = admin_add(client, Place, named(Place, level="city", country="CO", latitude="4.6",
                                           longitude="-74.1", aliases=f'["{n}", "x"]'))  # fmt: skip
    organisation = admin_add(client, Organisation, named(
        Organisation, acronym=fit(group, Organisation, "acronym"), kind="other",
        url="https://example.org/?q=%22%3E%3Cscript%3E"))  # fmt: skip
    publication = admin_add(client, Publication, {
        "slug": f"{slug}-publication", "title": fit(group, Publication, "title"),
        "short_title": fit(group, Publication, "short_title"),
        "authors": fit(group, Publication, "authors"),
        "publisher": fit(group, Publication, "publisher"), "year": "2024", "kind": "article",
        "url": "https://example.org/paper", "summary": EVERYTHING})  # fmt: skip
    cited = {CITATIONS: [citation(publication, group, Citation)]}
    network = admin_add(client, Network, named(
        Network, acronym=fit(group, Network, "acronym"), scope="global",
        description=EVERYTHING), cited)  # fmt: skip
    recommendation = admin_add(client, Recommendation, {
        "slug": f"{slug}-recommendation", "headline": fit(group, Recommendation, "headline"),
        "kind": "recommendation", "text": EVERYTHING, "theme": fit(group, Recommendation, "theme"),
        "roles": [CityRole.objects.get(slug="advocate").pk]}, cited)  # fmt: skip
    mechanism = admin_add(client, FinancingMechanism, named(
        FinancingMechanism, description=EVERYTHING), cited)  # fmt: skip
    framework = admin_add(client, RegionalFramework, named(
        RegionalFramework, acronym=fit(group, RegionalFramework, "acronym"),
        description=EVERYTHING), cited)  # fmt: skip
    case = admin_add(client, Case, {
        "slug": f"{slug}-case", "title": fit(group, Case, "title"),
        "summary": fit(group, Case, "summary"), "description": EVERYTHING,
        "not_a_duplicate": "on", "places": [place.pk], "partners": [organisation.pk],
        "networks": [network.pk], "financing_mechanisms": [mechanism.pk],
        "frameworks": [framework.pk], "suggested_place": fit(group, Case, "suggested_place"),
    }, {
        "case_roles": [{"role": CityRole.objects.get(slug="advocate").pk, "basis": "stated"}],
        "case_pathways": [{"pathway_type": PathwayType.objects.get(slug="labour").pk,
                           "basis": "classified"}],
        "case_objectives": [{"objective": GCMObjective.objects.get(number=5).pk,
                             "primary": "on"}],
        "figures": [{"label": fit(group, KeyFigure, "label"),
                     "value": fit(group, KeyFigure, "value"),
                     "year": "2024", "order": "0"}],
        **cited,
    })  # fmt: skip

    client.force_login(publisher)
    for record in (network, recommendation, mechanism, framework, case):
        act(client, "publish", record)
        record.refresh_from_db()
        assert record.is_published, record
    client.logout()
    return Written(case, place, organisation, publication, network, recommendation, mechanism,
                   framework)  # fmt: skip
