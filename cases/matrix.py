"""Cross-tabulations of the filtered cases. Each cell counts the distinct cases that carry
both terms, exactly as the case list does when filtered by the two, so a cell's number is
the length of the list its link opens."""

from collections import defaultdict
from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from cases.models import Basis, Case, CasePathwayType, CaseRole, WorldRegion
from pathways.models import CityRole, PathwayType, ProgramCategory

NO_FILTERS = QueryDict()  # immutable


@dataclass
class Matrix:
    row_param: str
    column_param: str
    rows: list  # [(row term, [(column term, count), …]), …]
    columns: list
    query: QueryDict  # the filters the cells' links keep
    # The share the cells cannot show, so that it is said rather than hidden: how many cases
    # were cross-tabulated, and how many carry no row term or no column term at all.
    case_count: int = 0
    without_row: int = 0
    without_column: int = 0
    row_missing: str = ""  # what a case without a row term lacks, e.g. "a city role"
    column_missing: str = ""

    @property
    def total(self):
        return sum(count for _, cells in self.rows for _, count in cells)

    def linked_rows(self):
        """The rows with each cell's count and the query of the case list it counts."""
        return [
            (row, [(column, count, self.cell_query(row, column)) for column, count in cells])
            for row, cells in self.rows
        ]

    def cell_query(self, row, column):
        query = self.query.copy()
        query.pop("page", None)
        query[self.row_param] = term_key(row)
        query[self.column_param] = term_key(column)
        return query


def role_pathway_matrix(matching, stated_only=False, rows=(), columns=(), query=NO_FILTERS):
    roles = CaseRole.objects.filter(case__in=matching)
    pathways = CasePathwayType.objects.filter(case__in=matching)
    if stated_only:
        roles, pathways = roles.filter(basis=Basis.STATED), pathways.filter(basis=Basis.STATED)
    row_terms = _chosen(CityRole.objects.all(), "slug", rows)
    column_terms = _chosen(PathwayType.objects.all(), "slug", columns)
    row_cases = _cases_by(roles.values_list("case_id", "role__slug"))
    column_cases = _cases_by(pathways.values_list("case_id", "pathway_type__slug"))
    cells = _cross(row_terms, row_cases, column_terms, column_cases)
    return Matrix(
        "role",
        "pathway",
        cells,
        column_terms,
        query,
        row_missing=_("a city role"),
        column_missing=_("a pathway type"),
        **_shares(matching, row_cases, column_cases),
    )


def category_region_matrix(matching, rows=(), columns=(), query=NO_FILTERS):
    categories = Case.objects.filter(pk__in=matching).values_list("pk", "program_category__slug")
    regions = Case.places.through.objects.filter(case__in=matching).values_list(
        "case_id", "place__region__code"
    )
    row_terms = _chosen(ProgramCategory.objects.all(), "slug", rows)
    column_terms = _chosen(
        WorldRegion.objects.filter(level=WorldRegion.Level.REGION), "code", columns
    )
    row_cases, column_cases = _cases_by(categories), _cases_by(regions)
    cells = _cross(row_terms, row_cases, column_terms, column_cases)
    return Matrix(
        "category",
        "region",
        cells,
        column_terms,
        query,
        row_missing=_("a program category"),
        column_missing=_("a world region (a network acts, or no place is known)"),
        **_shares(matching, row_cases, column_cases),
    )


def _shares(matching, row_cases, column_cases):
    cases = set(Case.objects.filter(pk__in=matching).values_list("pk", flat=True))
    with_row = set().union(*row_cases.values())
    with_column = set().union(*column_cases.values())
    return {
        "case_count": len(cases),
        "without_row": len(cases - with_row),
        "without_column": len(cases - with_column),
    }


def term_key(term):
    return getattr(term, "slug", None) or term.code


def _chosen(terms, key, values):
    """All terms, or only the chosen ones when a filter chooses some."""
    return list(terms.filter(**{f"{key}__in": values}) if values else terms)


def _cases_by(pairs):
    cases = defaultdict(set)
    for case_id, key in pairs:
        if key is not None:
            cases[key].add(case_id)
    return cases


def _cross(row_terms, row_cases, column_terms, column_cases):
    return [
        (
            row,
            [
                (column, len(row_cases[term_key(row)] & column_cases[term_key(column)]))
                for column in column_terms
            ],
        )
        for row in row_terms
    ]
