from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from atlas.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    # Safe to mark: render_markdown sanitises with an allowlist.
    return mark_safe(render_markdown(text))  # noqa: S308


def translation_of(record, field):
    """The record's text in the page's language, and the language it is really in: the English
    text stands in where a translation is missing (django-modeltranslation's fallback)."""
    language = get_language() or settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    own = getattr(record, f"{field}_{language}", None)
    if own or language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return getattr(record, field), language
    return getattr(record, field), settings.MODELTRANSLATION_DEFAULT_LANGUAGE


@register.simple_tag
def text_of(record, field):
    """A record's text; where it is the English standing in for a missing translation, it is
    marked as English (`lang="en"`, and a visible marker) — never passed off as translated."""
    value, language = translation_of(record, field)
    if language == get_language() or not value:
        return value
    return format_html('<span lang="{}" class="untranslated">{}</span>', language, value)


@register.simple_tag
def markdown_of(record, field):
    """Like `text_of`, for a Markdown text."""
    value, language = translation_of(record, field)
    html = render_markdown(value)
    if language == get_language() or not value:
        return mark_safe(html)  # noqa: S308 - sanitised by render_markdown
    return format_html('<div lang="{}" class="untranslated">{}</div>', language, mark_safe(html))  # noqa: S308
