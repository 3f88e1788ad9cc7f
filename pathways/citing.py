"""How to cite the papers the atlas rests on: BibTeX and RIS."""

from atlas.citing import bibtex, ris


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
