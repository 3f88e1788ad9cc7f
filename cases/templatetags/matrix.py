from django import template

from cases.matrix import term_key

register = template.Library()


@register.simple_tag(takes_context=True)
def cell_query(context, matrix, row, column):
    """The current filters, with a matrix cell's row and column as the only values of theirs."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    query[matrix.row_param] = term_key(row)
    query[matrix.column_param] = term_key(column)
    return query.urlencode()
