"""The role × pathway and category × region matrices of the filtered cases."""

from cases.matrix import category_region_matrix, role_pathway_matrix
from cases.views.map import CaseFilteredView


class MatrixView(CaseFilteredView):
    template_name = "cases/matrix.html"

    def get_context_data(self, **kwargs):
        # A cell's link replaces its row and column filters, so its count is taken over the
        # cases the *other* filters leave; chosen rows and columns are shown alone.
        filters = kwargs["filter"]
        chosen = {name: filters.values(name) for name in ("role", "pathway", "category", "region")}
        return super().get_context_data(
            role_pathway=role_pathway_matrix(
                filters.queryset_without("role", "pathway").values("pk"),
                filters.stated_only(),
                rows=chosen["role"],
                columns=chosen["pathway"],
                query=filters.data,
            ),
            category_region=category_region_matrix(
                filters.queryset_without("category", "region").values("pk"),
                rows=chosen["category"],
                columns=chosen["region"],
                query=filters.data,
            ),
            **kwargs,
        )
