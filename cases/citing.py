"""How to cite a case of the atlas: plain text, BibTeX and RIS."""

from atlas.citing import bibtex, ris


def case_text(case, url, version):
    sources = "; ".join(str(citation) for citation in case.citations.all())
    return (
        f"City Pathways Atlas. “{case.title}”. Case record, dataset version {version}. "
        f"{url}. Sources: {sources}."
    )


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
