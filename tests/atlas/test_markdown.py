"""Editors' Markdown reaches the public only sanitised."""

import pytest

from atlas.markdown import render_markdown


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("[click](javascript:alert(1))", "javascript:"),
        ('<a href="https://x.org" onclick="steal()">x</a>', "onclick"),
        ('<img src="x" onerror="alert(1)">', "<img"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ('<p style="position:fixed">x</p>', "style="),
    ],
)
def test_render_markdown_removes_dangerous_html(source, forbidden):
    assert forbidden not in render_markdown(source)


def test_render_markdown_keeps_formatting_and_safe_links():
    html = render_markdown("**Bold** and [a source](https://example.org)\n\n- one\n- two")
    assert "<strong>Bold</strong>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">a source</a>' in html
    assert "<li>one</li>" in html


def test_render_markdown_of_nothing_is_empty():
    assert render_markdown("") == ""
