"""The fields of the reference knowledge's record types, declared once: networks and
recommendations (exported, in the API), and the papers, vocabularies, regional frameworks and
financing mechanisms the loader writes.

Export columns, the codebook, the API's field lists and the loader derive from these
(`atlas.records`).
"""

from django.utils.translation import gettext_lazy as _

from atlas.fields import (
    Computed,
    Countries,
    Integer,
    OptionalText,
    Reference,
    Text,
    Translations,
    identity,
)
from atlas.models import State
from atlas.records import RecordType
from atlas.relations import Citations, ManyReferences, Rows

SOURCES = _("Sources: 'short title (year), section, locator'.")
CHANGED = _("When it last changed (ISO 8601).")


def published():
    # The papers' records are published as they load; editors' new records start as drafts.
    return Text("state", default=State.PUBLISHED, column=None)


NETWORK = RecordType(
    [
        *identity(_("Stable identifier of the network."), _("The network's page.")),
        Text("name", _("Name.")),
        Text("acronym", _("Acronym, where the sources give one.")),
        Text("scope", _("Scope.")),
        Text("region", _("World region, for regional and national networks.")),
        Countries("countries", _("ISO codes, for national networks.")),
        Text("structure", _("Structure, only where a source says.")),
        Integer("founded_year", _("Founding year, only where a source says."), source="founded"),
        Text("description", _("In our words (Markdown).")),
        published(),
        ManyReferences("members", _("Member places named in the sources."), shown="name",
                       keys_column="member_slugs", keys_description=_("Their identifiers.")),
        Citations(SOURCES),
        Translations(),
        Computed("updated_at", CHANGED, lambda network: network.updated_at, "datetime"),
    ]
)  # fmt: skip

RECOMMENDATION = RecordType(
    [
        *identity(_("Stable identifier."), _("The recommendation's page.")),
        Integer("number", _("Its number in the source.")),
        Text("kind", _("Headline recommendation or recommended action."),
             default="recommendation"),
        Reference("parent", _("For an action: the recommendation it belongs to (slug).")),
        Text("headline", _("Headline, in the source's terms.")),
        Text("text", _("In our words.")),
        ManyReferences("addressees", _("Who it speaks to (slugs).")),
        Reference("program_category", _("Program category (slug)."), source="category"),
        Text("theme", _("The source's theme heading.")),
        ManyReferences("roles", _("City roles it concerns (slugs).")),
        ManyReferences("pathway_types", _("Pathway types it concerns (slugs)."),
                       source="pathways"),
        ManyReferences("cases", _("Practices the source says it concerns (slugs).")),
        ManyReferences("networks", _("Networks the source says it concerns (slugs).")),
        ManyReferences("places", _("Places the source says it concerns (slugs).")),
        published(),
        Citations(SOURCES),
        Translations(),
        Computed("updated_at", CHANGED, lambda recommendation: recommendation.updated_at,
                 "datetime"),
    ]
)  # fmt: skip

PUBLICATION = RecordType(
    [Text(name) for name in ("title", "short_title", "authors", "publisher")]
    + [Integer("year"), Integer("month")]
    + [Text(name) for name in ("kind", "url", "summary", "text_file")]
)


def vocabulary(*extra):
    return RecordType(
        [Text("name"), Text("definition"), Integer("order", default=0), Translations(), *extra]
    )


TERM = vocabulary()
# An example's translations stand beside it in vocabulary.yaml: examples are not records.
PATHWAY_TYPE = vocabulary(
    Rows(
        "examples",
        columns={
            "name": Text("name"),
            "name_es": OptionalText("name_es"),
            "name_fr": OptionalText("name_fr"),
        },
    )
)
GCM_OBJECTIVE = RecordType([Text("title"), Translations()])
REGIONAL_FRAMEWORK = RecordType(
    [Text("name"), Text("acronym"), Countries("countries"), Text("description"), published(),
     Citations(), Translations()]
)  # fmt: skip
NETWORK_COUNT = RecordType(
    [
        Text("slug", _("Stable identifier of the cell."), loaded=False),
        Text("region", _("World region, as Table 1 prints it.")),
        Text("scope", _("global, regional, national or total.")),
        Integer("printed", _("The figure as printed; empty where the cell is blank.")),
        Integer("reading", _("Our reading: the figure the row and column totals imply.")),
        Text("reading_note", _("How we read a blank cell, or the row of all regions.")),
        Integer("order", default=0, column=None),
        ManyReferences("networks", _("Networks of this cell held in the atlas (slugs).")),
        Citations(SOURCES),
        Translations(),
    ]
)
FINANCING_MECHANISM = RecordType(
    [
        Text("name"),
        Text("description"),
        published(),
        ManyReferences("examples"),
        Citations(),
        Translations(),
    ]
)
