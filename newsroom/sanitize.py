"""HTML sanitizing for rich text, with nh3 (the maintained Rust `ammonia` binding).

An allow-list: what is not listed here does not survive. Scripts and styles are dropped with
their content; `javascript:`, `data:` and other schemes are refused however they are encoded,
because nh3 parses the HTML (and its entities) before checking the URL.
"""

import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "b", "i", "u",
    "blockquote", "q", "cite", "abbr", "sub", "sup", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# nh3 checks the scheme of href and src only; `cite` holds a URL too, so it is checked here.
_CITE_SCHEMES = {"http", "https"}
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    """Drops a `cite` whose URL has a scheme other than http(s): `javascript:` and friends."""
    if attribute == "cite":
        match = _SCHEME.match(_IGNORED_IN_SCHEME.sub("", value).lower())
        if match and match.group(1) not in _CITE_SCHEMES:
            return None
    return value


def sanitize_html(html: str | None) -> str:
    """Return `html` with only the allowed tags, attributes and URL schemes left."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_filter_attribute,
    ).strip()
