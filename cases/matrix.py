"""Cross-tabulations of the filtered cases. Each cell counts the distinct cases that carry
both terms, exactly as the case list does when filtered by the two, so a cell's number is
the length of the list its link opens."""

from collections import defaultdict
from dataclasses import dataclass

from django.http import QueryDict

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
    cells = _cross(
        row_terms,
        _cases_by(roles.values_list("case_id", "role__slug")),
        column_terms,
        _cases_by(pathways.values_list("case_id", "pathway_type__slug")),
    )
    return Matrix("role", "pathway", cells, column_terms, query)


def category_region_matrix(matching, rows=(), columns=(), query=NO_FILTERS):
    categories = Case.objects.filter(pk__in=matching).values_list("pk", "program_category__slug")
    regions = Case.places.through.objects.filter(case__in=matching).values_list(
        "case_id", "place__region__code"
    )
    row_terms = _chosen(ProgramCategory.objects.all(), "slug", rows)
    column_terms = _chosen(
        WorldRegion.objects.filter(level=WorldRegion.Level.REGION), "code", columns
    )
    cells = _cross(row_terms, _cases_by(categories), column_terms, _cases_by(regions))
    return Matrix("category", "region", cells, column_terms, query)


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
