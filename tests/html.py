"""A small HTML reader for tests: the text a reader sees (and hears: alt, aria-label, ...),
each piece with the language of the element it sits in, plus links and the <html lang>."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDDEN = {"script", "style", "template"}
SPOKEN_ATTRIBUTES = ("alt", "aria-label", "placeholder", "title")


@dataclass
class Page:
    html_lang: str = ""
    texts: list[tuple[str, str]] = field(default_factory=list)  # (text, language it is marked as)
    links: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, str]] = []

    def _lang(self) -> str:
        return self.stack[-1][1] if self.stack else self.page.html_lang

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang") or self._lang()
        if tag == "html":
            self.page.html_lang = attrs.get("lang", "")
            lang = self.page.html_lang
        if tag == "a" and attrs.get("href"):
            self.page.links.append(attrs["href"])
        if attrs.get("id"):
            self.page.ids.append(attrs["id"])
        for name in SPOKEN_ATTRIBUTES:
            if attrs.get(name):
                self.page.texts.append((attrs[name], lang))
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if any(tag in HIDDEN for tag, _lang in self.stack) or not data.strip():
            return
        self.page.texts.append((" ".join(data.split()), self._lang()))


def read(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page
