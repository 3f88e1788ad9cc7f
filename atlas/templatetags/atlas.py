from django import template
from django.utils.safestring import mark_safe

from atlas.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    # Safe to mark: render_markdown sanitises with an allowlist.
    return mark_safe(render_markdown(text))  # noqa: S308
