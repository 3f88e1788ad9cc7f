"""The XSS corpus (`xss_payloads.txt`) and how it is dealt into fields of limited length."""

import re
from pathlib import Path

from atlas.exports import FORMULA_STARTS
from atlas.plaintext import single_line

ONE_LINE = re.compile(r"[\t\r\n]")
ESCAPES = {"\\t": "\t", "\\r": "\r", "\\n": "\n"}


def load_payloads():
    lines = (Path(__file__).parent / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
    payloads = [line for line in lines if line and line != "#" and not line.startswith("# ")]
    for code, character in ESCAPES.items():
        payloads = [payload.replace(code, character) for payload in payloads]
    return payloads


PAYLOADS = load_payloads()
# Every text field of a record holds the whole corpus when it can (Markdown sees each payload
# as a paragraph of its own); a field of limited length holds one group of payloads.
EVERYTHING = "\n\n".join(PAYLOADS)


def deal(payloads, limit=240):
    """Groups of payloads, each at most `limit` characters once joined by spaces; each formula
    payload starts a group, so that each one starts a spreadsheet cell somewhere."""
    formulas = [payload for payload in payloads if payload.startswith(FORMULA_STARTS)]
    others = [payload for payload in payloads if payload not in formulas]
    count = max(len(formulas), 1)
    while True:
        groups = [[formula] for formula in formulas] + [[] for _ in range(count - len(formulas))]
        for payload in sorted(others, key=len, reverse=True):
            min(groups, key=lambda group: len(" ".join(group))).append(payload)
        if all(len(" ".join(group)) <= limit for group in groups):
            return [" ".join(group) for group in groups]
        count += 1


GROUPS = deal(PAYLOADS)


def fit(text, model, field):
    """The text as an editor's paste into the field would be: cut to what it holds, and on one
    line where the field is a line (a browser's one-line box drops line breaks, and the field
    refuses tabs and other control characters)."""
    model_field = model._meta.get_field(field)
    if single_line in model_field.validators:
        text = ONE_LINE.sub(" ", text)
    return text[: model_field.max_length]
