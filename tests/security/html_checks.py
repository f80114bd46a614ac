"""What "nothing executable" means, checked by parsing HTML the way a browser tokenises it.

`executable_parts(html)` lists everything in `html` that could run script or send the reader
elsewhere: script elements (other than the site's own files and JSON-LD data), event-handler
attributes, URLs with a scheme other than http(s)/mailto/tel (however encoded), style, and the
elements used to smuggle either (svg, math, iframe, object, embed, base, meta refresh, form).
"""

import html as html_lib
import re
from html.parser import HTMLParser

# Every payload of the corpus calls this; it must never reach a script context.
MARKER = "PWNED"
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "srcset", "cite", "longdesc", "dynsrc", "lowsrc", "ping", "content",
}  # fmt: skip
FORBIDDEN_TAGS = {
    "svg", "math", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form",
    "style", "link", "template", "portal", "isindex", "xml", "xss", "image", "video", "audio",
}  # fmt: skip
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


def url_scheme(value: str) -> str | None:
    cleaned = _IGNORED_IN_SCHEME.sub("", html_lib.unescape(value)).lower()
    match = re.match(r"^([a-z][a-z0-9+.\-]*):", cleaned)
    return match.group(1) if match else None


class _Finder(HTMLParser):
    def __init__(self, allowed_tags, site_prefixes):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.allowed_tags = allowed_tags
        self.site_prefixes = site_prefixes
        self._in_script = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.allowed_tags is not None and tag not in self.allowed_tags:
            self.found.append(f"<{tag}> is not allowed here")
        if tag == "script":
            src = attributes.get("src") or ""
            kind = (attributes.get("type") or "").lower()
            if src and not src.startswith(self.site_prefixes):
                self.found.append(f"script from {src!r}")
            elif not src and kind != "application/ld+json":
                self._in_script = "inline"
            elif kind == "application/ld+json":
                self._in_script = "data"
        # A whole page has its own stylesheets and forms (search); a form there must stay on the site.
        page_own = tag in {"link", "form"} and self.allowed_tags is None
        if tag in FORBIDDEN_TAGS and not page_own:
            self.found.append(f"<{tag}>")
        if tag == "form" and page_own and not (attributes.get("action") or "/").startswith("/"):
            self.found.append(f"<form action={attributes.get('action')!r}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.found.append("<meta http-equiv=refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            if name == "style" and self.allowed_tags is not None:
                self.found.append(f"style= on <{tag}>")
            if name in URL_ATTRIBUTES and value:
                scheme = url_scheme(value)
                if name == "content" and tag == "meta":
                    continue  # meta content is text, refresh is caught above
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    self.found.append(f"{name}={value!r} on <{tag}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        # The site's own inline scripts (with their CSP nonce) are fine; an injected one is not.
        if self._in_script == "inline" and (self.allowed_tags is not None or MARKER in data):
            self.found.append(f"inline script {data.strip()[:60]!r}")
        elif self._in_script == "data" and "</" in data:
            self.found.append("JSON-LD that closes its element")


def executable_parts(html: str, *, allowed_tags=None, site_prefixes=("/static/",)) -> list[str]:
    """Everything executable in `html`; `allowed_tags` also flags any other element."""
    finder = _Finder(allowed_tags, site_prefixes)
    finder.feed(html)
    finder.close()
    return finder.found
