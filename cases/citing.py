"""How to cite a case of the atlas: plain text, BibTeX and RIS."""

from django.utils.translation import gettext as _

from atlas.citing import bibtex, ris


def case_text(case, url, version):
    """The citation a reader copies, in the page's language; the papers' citations as given."""
    sources = "; ".join(str(citation) for citation in case.citations.all())
    return _(
        "City Pathways Atlas. “%(title)s”. Case record, dataset version %(version)s. %(url)s. "
        "Sources: %(sources)s."
    ) % {"title": case.title, "version": version, "url": url, "sources": sources}


def case_bibtex(case, url, version):
    return bibtex(
        "misc",
        f"atlas-{case.slug}",
        [
            ("title", case.title),
            ("author", "{City Pathways Atlas}"),
            ("year", version[:4]),
            ("howpublished", "City Pathways Atlas, case record"),
            ("url", url),
            ("note", f"Dataset version {version}. Sources: "
                     + "; ".join(str(c) for c in case.citations.all())),
        ],
    ).replace("\\{City Pathways Atlas\\}", "{City Pathways Atlas}")  # fmt: skip


def case_ris(case, url, version):
    return ris(
        [
            ("TY", "ELEC"),
            ("TI", case.title),
            ("AU", "City Pathways Atlas"),
            ("PY", version[:4]),
            ("UR", url),
            ("AB", case.summary),
            *[("N1", str(citation)) for citation in case.citations.all()],
        ]
    )
