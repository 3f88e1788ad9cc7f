"""What a browser would run in a page: read with a real HTML parser, not by substring."""

from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster",
                  "background", "srcset", "codebase", "cite"}  # fmt: skip
RUNNING_SCHEMES = ("javascript:", "vbscript:", "data:")
# The site never embeds frames or objects, nor sets a base URL or refresh; from a record,
# any of them is an attack.
NEVER = {"iframe", "frame", "object", "embed", "base", "applet"}


def runs_script(url):
    # Browsers drop ASCII whitespace and controls from a URL before reading its scheme.
    compact = "".join(char for char in url if char > " ").lower()
    return compact.startswith(RUNNING_SCHEMES)


def trusted_script(attrs):
    """The site's own scripts: files it serves itself, or JSON data (`json_script`)."""
    src = attrs.get("src") or ""
    if src:
        return src.startswith("/") and not src.startswith("//")
    return attrs.get("type") == "application/json"


class Page(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.dangers, self.texts, self._open = [], {}, []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self._open.append(tag)
        self.check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.check(tag, attrs)

    def handle_endtag(self, tag):
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data):
        for tag in self._open:
            self.texts.setdefault(tag, []).append(data)

    def check(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        found = [f"<{tag} {name}=…>" for name in values if name.startswith("on")]
        found += [f"<{tag} {name}={value!r}>" for name, value in values.items()
                  if name in URL_ATTRIBUTES and runs_script(value)]  # fmt: skip
        style = values.get("style", "").lower()
        if "expression(" in style or "javascript:" in style:
            found.append(f"<{tag} style={style!r}>")
        if "srcdoc" in values or tag in NEVER:
            found.append(f"<{tag}>")
        if tag == "script" and not trusted_script(values):
            found.append(f"<script {values}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            found.append(f"<meta refresh {values.get('content')!r}>")
        self.dangers += found

    def text_of(self, tag):
        return " ".join(" ".join(self.texts.get(tag, [])).split())


def would_run(html):
    """Everything in the page that a browser would execute or follow into script."""
    return Page(html).dangers
