"""Checks that the atlas says only what its papers say: every citation's section heading and
every case's places can be found in the text of the paper cited."""

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
    for case in Case.objects.prefetch_related("places", "citations"):
        problems.extend(case_problems(case, texts))
    return problems


def case_problems(case, texts):
    cited = [texts[c.publication_id] for c in case.citations.all() if c.publication_id in texts]
    if not case.citations.all():
        return [f"case {case.slug!r} cites no source"]
    problems = []
    for place in case.places.all() if cited else []:
        names = [normalise(name) for name in [place.name, *place.aliases]]
        if not any(name in text for name in names for text in cited):
            problems.append(f"case {case.slug!r}: place {place.name!r} is not named in its sources")
    return problems
