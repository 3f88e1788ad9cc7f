"""How to cite a case of the atlas, and the papers it rests on: plain text, BibTeX and RIS."""

import re

from django.http import HttpResponse

BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")


def bibtex_escape(text):
    return BIBTEX_SPECIAL.sub(r"\\\1", str(text))


def bibtex(kind, key, fields):
    body = ",\n".join(f"  {name} = {{{bibtex_escape(value)}}}" for name, value in fields if value)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def ris(fields):
    lines = [f"{tag}  - {value}" for tag, value in fields if value not in (None, "")]
    return "\n".join([*lines, "ER  - "]) + "\n"


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


def publication_key(publication):
    return publication.slug.replace("-", "") + str(publication.year)


def publication_bibtex(publication):
    return bibtex(
        "techreport",
        publication_key(publication),
        [
            ("title", publication.title),
            ("author", publication.authors.replace("; ", " and ")),
            ("institution", publication.publisher),
            ("year", publication.year),
            ("month", publication.month),
            ("url", publication.url),
        ],
    )


def publication_ris(publication):
    authors = [("AU", name) for name in publication.authors.split("; ") if name]
    return ris(
        [
            ("TY", "RPRT"),
            ("TI", publication.title),
            *authors,
            ("PB", publication.publisher),
            ("PY", publication.year),
            ("UR", publication.url),
        ]
    )


def download(text, filename, content_type):
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


FORMATS = {"bib": "application/x-bibtex", "ris": "application/x-research-info-systems"}
