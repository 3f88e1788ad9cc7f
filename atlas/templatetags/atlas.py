from django import template
from django.utils.safestring import mark_safe

from atlas.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    # Safe to mark: render_markdown sanitises with an allowlist.
    return mark_safe(render_markdown(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (e.g. the page number)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def query_without(context, name, value=None):
    """The current query string without one filter value (or the whole filter), and on page 1."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    if value is None:
        query.pop(name, None)
    else:
        query.setlist(name, [v for v in query.getlist(name) if v != str(value)])
    return query.urlencode()
