"""Characters that files for other programs cannot carry, taken out of text as it is written.

Older records hold control characters (the admin and the import let them in once). XML 1.0
forbids every C0 control but tab, line feed and return, so one of them turned a whole feed into
a 500; openpyxl refuses the same set, and reference managers read them as garbage. Each output
format calls `writable` at its one choke point; JSON needs nothing, as it escapes them itself.
"""

import re

UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def writable(text):
    """The text without what XML 1.0 and spreadsheets cannot hold. A vertical tab, form feed
    or separator control stood between words, as a space does, so it becomes one."""
    return UNWRITABLE.sub(lambda match: " " if match.group().isspace() else "", text)


def one_line(text):
    """Writable text on a single line, for formats where a line break starts a new field."""
    return " ".join(writable(text).splitlines())
