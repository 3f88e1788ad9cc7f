"""Text compared as a reader would: regardless of case, accents, markup and typography."""

import re
import unicodedata

MARKUP = re.compile(r"<[^>]+>|[*#_`\\]|\[|\]\([^)]*\)")
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise(text):
    """Lower case, no accents, no Markdown or HTML markup, single spaces."""
    text = MARKUP.sub("", text.translate(TYPOGRAPHY))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.lower().split())
