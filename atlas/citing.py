"""Citations as files a reference manager reads: BibTeX and RIS, written from fields."""

import re

from django.http import HttpResponse

from atlas.controls import one_line, writable

BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")


def bibtex_escape(text):
    return BIBTEX_SPECIAL.sub(r"\\\1", writable(str(text)))


def bibtex(kind, key, fields):
    body = ",\n".join(f"  {name} = {{{bibtex_escape(value)}}}" for name, value in fields if value)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def ris(fields):
    # RIS is one tag a line: a line break inside a value would start a tag (or record) of its own.
    lines = [f"{tag}  - {one_line(str(value))}" for tag, value in fields if value not in (None, "")]
    return "\n".join([*lines, "ER  - "]) + "\n"


def download(text, filename, content_type):
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


FORMATS = {"bib": "application/x-bibtex", "ris": "application/x-research-info-systems"}
