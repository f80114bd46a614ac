"""Rich text keeps its structure and loses everything executable."""

import pytest

from newsroom.sanitize import sanitize_html

KEPT = [
    "<h2>Заглавие</h2>",
    "<h3>Подзаглавие</h3>",
    "<p>Параграф с <strong>удебелен</strong> и <em>наклонен</em> текст.</p>",
    "<ul><li>едно</li><li>две</li></ul>",
    "<ol><li>първо</li></ol>",
    "<blockquote><p>Цитат</p></blockquote>",
]


@pytest.mark.parametrize("html", KEPT)
def test_structure_is_kept(html):
    assert sanitize_html(html) == html


def test_links_are_kept_and_made_safe():
    out = sanitize_html('<a href="https://www.starazagora.bg/">Община</a>')
    assert 'href="https://www.starazagora.bg/"' in out
    assert 'rel="noopener noreferrer"' in out
    assert ">Община</a>" in out


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        '<img src=x onerror="alert(1)">',
        '<p onclick="alert(1)">x</p>',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href="&#x6A;&#x61;vascript&colon;alert(1)">x</a>',
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{display:none}</style>",
        '<p style="background:url(javascript:alert(1))">x</p>',
        '<svg onload="alert(1)"><circle/></svg>',
    ],
)
def test_nothing_executable_survives(payload):
    out = sanitize_html(payload).lower()
    for needle in ("<script", "onerror", "onclick", "onload", "javascript:", "data:", "<iframe",
                   "<style", "style=", "<svg", "alert(1)</script"):  # fmt: skip
        assert needle not in out, f"{needle!r} survived in {out!r}"


def test_script_content_is_dropped_not_shown_as_text():
    assert sanitize_html("<p>a</p><script>steal()</script>") == "<p>a</p>"


def test_iframe_is_removed_but_surrounding_text_stays():
    assert sanitize_html('<p>Преди</p><iframe src="x"></iframe><p>След</p>') == "<p>Преди</p><p>След</p>"


def test_empty_input_gives_empty_string():
    assert sanitize_html(None) == ""
    assert sanitize_html("") == ""
