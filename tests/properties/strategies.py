"""Hostile query strings: the parameters the site knows, with the values an audit (or a bot)
sends — digits of other scripts, control characters, NUL, numbers too large for any
database, long text, many words, repeated parameters — and some real values, so that the
answers are not all refusals."""

from urllib.parse import urlencode

from hypothesis import strategies as st

from cases.filters import CaseFilter
from pathways.filters import NetworkFilter, RecommendationFilter

FILTERSETS = [CaseFilter, NetworkFilter, RecommendationFilter]
# Read by views rather than FilterSets: pages, the API's page size, the CSV's byte order
# mark, the cases compared, the cases ticked for comparison, DRF's format override.
OTHER_PARAMETERS = ["page", "page_size", "bom", "cases", "compare", "format"]
PARAMETERS = sorted(
    {name for filterset in FILTERSETS for name in filterset.base_filters}
    | {name for filterset in FILTERSETS for name in filterset._meta.form.base_fields}
    | set(OTHER_PARAMETERS)
)

REAL = [
    "advocate", "labour", "incubator", "150", "419", "CO", "DE", "5", "1", "2", "2015",
    "title", "-title", "recent", "relevance", "stated", "active", "europe", "global", "0",
    "visa", "city", "json", "csv", "api", "1", "idnyc", "plan-einstein", "aguascalientes-mx",
    "amman-jo",
]  # fmt: skip
OTHER_DIGITS = ["²", "١٢", "٣", "⅕", "𝟗", "߁", "๓", "½", "Ⅻ", "①"]
HUGE = ["12345678901234567890123", "-9223372036854775809", "9223372036854775808", "1e309",
        "99999999999999999999999999999999", "0x10", "1_000", " 7 ", "+3", "-0"]  # fmt: skip

# Any character a client can send: UTF-8 has no lone surrogates.
sendable = st.characters(codec="utf-8")
control_characters = st.characters(categories=["Cc"])
words = st.text(st.characters(categories=["L"]), min_size=1, max_size=3)

values = st.one_of(
    st.sampled_from(REAL),
    st.sampled_from(OTHER_DIGITS),
    st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=4),
    st.sampled_from(HUGE),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.builds("".join, st.lists(st.one_of(control_characters, st.sampled_from("ab\x00")))),
    st.just("\x00"),
    st.text(sendable, max_size=30),
    st.builds(lambda char, count: char * count, sendable, st.integers(190, 1000)),
    st.lists(words, min_size=8, max_size=100).map(" ".join),
)
parameter = st.one_of(st.sampled_from(PARAMETERS), st.text(sendable, max_size=8))


@st.composite
def query_strings(draw):
    """A query string of up to six parameters, some of them repeated."""
    pairs = draw(st.lists(st.tuples(parameter, values), max_size=6))
    repeated = draw(st.lists(st.sampled_from(pairs), max_size=3)) if pairs else []
    return pairs + repeated


def encoded(pairs):
    return urlencode(pairs)


path_values = st.one_of(values, st.text(sendable, min_size=1, max_size=12))
