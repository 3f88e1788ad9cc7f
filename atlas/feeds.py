"""Atom as the atlas writes it: plain-text summaries and only characters XML can carry."""

from django.utils.feedgenerator import Atom1Feed
from django.utils.xmlutils import SimplerXMLGenerator

from atlas.controls import writable


class WritableXMLGenerator(SimplerXMLGenerator):
    """Every string of the feed passes here, element text and attributes alike, so this is
    the one place that takes out what XML 1.0 forbids (Django's generator raises instead, and
    one old record turned the whole feed into a 500)."""

    def characters(self, content):
        super().characters(writable(content) if content else content)

    def startElement(self, name, attrs):  # noqa: N802 — the SAX handler's name
        attrs = {key: writable(str(value)) for key, value in (attrs or {}).items()}
        super().startElement(name, attrs)


class PlainTextAtomFeed(Atom1Feed):
    """Summaries are `type="text"`. Django's Atom writes them as `type="html"`, so a reader
    would run markup in them; ours are plain text (the site escapes them on every page), so
    text is what they are, and a reader shows `<img onerror=…>` as the characters it is.
    Sanitised HTML would add nothing: there is no markup in a summary to keep."""

    def write(self, outfile, encoding):
        handler = WritableXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
