"""Checks that the atlas says only what its papers say: every citation's section heading, every
case's places, years and figures, and every claim of a source can be found in the text of the
paper cited."""

import re
from pathlib import Path

from atlas.text import normalise
from cases.models import Case
from pathways.models import Citation, Publication


def paper_texts(papers_dir):
    texts = {}
    for publication in Publication.objects.exclude(text_file=""):
        path = Path(papers_dir) / publication.text_file
        if path.exists():
            texts[publication.pk] = normalise(path.read_text(encoding="utf-8"))
    return texts


def find_problems(papers_dir):
    """Every way in which the database strays from the papers, as readable sentences."""
    texts = paper_texts(papers_dir)
    problems = []
    for citation in Citation.objects.select_related("publication", "content_type"):
        text = texts.get(citation.publication_id)
        if text is not None and normalise(citation.section) not in text:
            problems.append(
                f"{citation.content_type.model} #{citation.object_id}: section "
                f"{citation.section!r} does not occur in {citation.publication}"
            )
    cases = Case.objects.prefetch_related(
        "places", "named_places", "citations", "figures", "claims"
    )
    for case in cases:
        problems.extend(case_problems(case, texts))
        problems.extend(fact_problems(case, texts))
    return problems


def numbers(value):
    """The figures in a value as a paper could print them: "more than 49,000" → ["49,000"]."""
    return re.findall(r"\d(?:[\d,.]*\d)?", str(value))


def said(number, texts):
    pattern = re.compile(rf"(?<![\d,.]){re.escape(number)}(?![\d]|[,.]\d)")
    return any(pattern.search(text) for text in texts)


def fact_problems(case, texts):
    """Every year and figure of a case occurs in a paper it cites; every claim of a source
    occurs, with its section, in that source."""
    cited = [texts[c.publication_id] for c in case.citations.all() if c.publication_id in texts]
    if not cited:
        return []
    facts = [("start year", case.start_year), ("end year", case.end_year)]
    for figure in case.figures.all():
        facts += [(f"figure {figure.label!r}", figure.value), (f"year of {figure.label!r}",
                                                                 figure.year)]  # fmt: skip
    problems = [
        f"case {case.slug!r}: {what} {number!r} does not occur in its sources"
        for what, value in facts
        if value not in (None, "")
        for number in numbers(value)
        if not said(number, cited)
    ]
    for claim in case.claims.all():
        text = texts.get(claim.publication_id)
        if text is None:
            continue
        if normalise(claim.section) not in text:
            problems.append(
                f"case {case.slug!r}: claim section {claim.section!r} does not occur in "
                f"{claim.publication}"
            )
        if claim.field in ("start_year", "end_year") and not said(claim.value, [text]):
            problems.append(
                f"case {case.slug!r}: claimed {claim.field} {claim.value!r} does not occur in "
                f"{claim.publication}"
            )
    return problems


def case_problems(case, texts):
    cited = [texts[c.publication_id] for c in case.citations.all() if c.publication_id in texts]
    if not case.citations.all():
        return [f"case {case.slug!r} cites no source"]
    problems = []
    for place in [*case.places.all(), *case.named_places.all()] if cited else []:
        names = [normalise(name) for name in [place.name, *place.aliases]]
        if not any(name in text for name in names for text in cited):
            problems.append(f"case {case.slug!r}: place {place.name!r} is not named in its sources")
    return problems
