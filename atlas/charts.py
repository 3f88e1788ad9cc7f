"""Bar charts drawn on the server: each bar is a count of records and a link to the list that
holds them. Generic: what is counted and which list it links to is the caller's business."""

from dataclasses import dataclass, field

from django.utils.http import urlencode


@dataclass
class Bar:
    value: str | None  # the filter's value; None for a bar that no filter can list
    label: str
    count: int
    percent: int  # of the chart's largest bar, for drawing
    query: str = ""  # the list's query string that finds exactly these records
    colour: str = ""  # a class keyed by the term's slug (`role-advocate`), or none

    @property
    def rest(self):
        """What is left of the scale above a column (an SVG rect's y)."""
        return 100 - self.percent


@dataclass
class Chart:
    title: str
    param: str  # the list's filter parameter the bars set
    bars: list = field(default_factory=list)
    heading: str = ""  # the heading of the table's first column: what a bar is
    note: str = ""  # what the chart leaves out, said under it

    def __iter__(self):
        """A chart unpacks as its title, parameter and bars."""
        return iter((self.title, self.param, self.bars))


def chart(title, param, counted, *, heading="", within=None, coloured=False):
    """A chart of `(value, label, count)` rows, each bar scaled to the largest and linked to
    the list filtered by `within` (a dict of parameters) and its own value. A row whose value
    is None gets no link: no filter lists it."""
    top = max((count for _, _, count in counted), default=0) or 1
    base = list((within or {}).items())
    bars = [
        Bar(
            value,
            str(label),
            count,
            round(100 * count / top),
            urlencode([*base, (param, value)]) if value is not None else "",
            f"{param}-{value}" if coloured and value is not None else "",
        )
        for value, label, count in counted
    ]
    return Chart(title, param, bars, heading)


def terms_chart(title, param, terms, *, heading="", unclassified=None, within=None, coloured=False):
    """A chart of vocabulary terms annotated with `case_count`, keyed by slug (or code); with
    `unclassified`, a last `(label, count)` bar for the records that carry no term."""
    counted = [
        (getattr(term, "slug", None) or term.code, term.name, term.case_count) for term in terms
    ]
    if unclassified:
        counted.append((None, *unclassified))
    return chart(title, param, counted, heading=heading, within=within, coloured=coloured)


def years_chart(title, param, counts, *, heading="", within=None):
    """A timeline: `{year: count}` as one bar a year from the first to the last, the years
    between with no records drawn as empty bars so that gaps show."""
    years = range(min(counts), max(counts) + 1) if counts else []
    counted = [(year, year, counts.get(year, 0)) for year in years]
    return chart(title, param, counted, heading=heading, within=within)
