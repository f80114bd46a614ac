"""Never a raw key: every public page of the demo, in both languages, reads in its own language.

The crawl starts at /bg/ and /en/ and follows every link inside the same language. On each
page it fails on a translation key left in the text (`site.bta`, `news.modal.header`: dotted
lower-case identifiers), on interface text of the other language, and on an <html lang> that
does not match the address. On English pages any Cyrillic must sit inside an element marked
lang="bg" (the language switcher, the link to a Bulgarian original).
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import polib
import pytest
from django.core.management import call_command

from tests.html import read

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
RAW_KEY = re.compile(r"(?<![A-Za-z0-9_.@/:-])[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+(?![A-Za-z0-9_@/-])")
EMAIL = re.compile(r"\S+@\S+")
CYRILLIC = re.compile(r"[А-Яа-яЁёЍѝ]")
MAX_PAGES = 400


def template_strings() -> list[tuple[str, str]]:
    """(English source, Bulgarian translation) of the strings the templates use."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "templates").rglob("*.html"))
    po = polib.pofile(str(ROOT / "locale" / "bg" / "LC_MESSAGES" / "django.po"))
    pairs = []
    for entry in po.translated_entries():
        if entry.msgctxt or "%" in entry.msgid or entry.msgid == entry.msgstr or len(entry.msgid) < 4:
            continue
        if f'"{entry.msgid}"' in sources or f"'{entry.msgid}'" in sources:
            pairs.append((entry.msgid, entry.msgstr))
    return pairs


def contains_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def crawl(client, start: str) -> dict[str, object]:
    prefix = start
    seen, queue, pages = set(), [start], {}
    while queue and len(pages) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        pages[url] = response
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for href in read(response.content.decode()).links:
            parts = urlsplit(href)
            if parts.netloc or not parts.path.startswith(prefix):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                queue.append(target)
    return pages


@pytest.fixture
def demo(settings, django_capture_on_commit_callbacks):
    settings.DEBUG = False  # the real 404 page, not the technical one
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.parametrize("language", ["bg", "en"])
def test_every_public_page_reads_in_its_own_language(client, demo, language):
    pages = crawl(client, f"/{language}/")
    extra = [f"/{language}/search/?q=B40", f"/{language}/this-page-does-not-exist/"]
    for url in extra:
        pages[url] = client.get(url)
    assert len(pages) > 25, sorted(pages)
    strings = template_strings()
    assert len(strings) > 30
    problems = []
    for url, response in pages.items():
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if response.status_code != 200:
            # Only "no such page" and "not available in English" may answer 404.
            assert response.status_code == 404, (url, response.status_code)
        page = read(html)
        duplicates = {i for i in page.ids if page.ids.count(i) > 1}
        if duplicates:
            problems.append(f"{url}: duplicate ids {sorted(duplicates)}")
        if page.html_lang != language:
            problems.append(f"{url}: <html lang={page.html_lang!r}>")
        for text, lang in page.texts:
            for key in RAW_KEY.findall(EMAIL.sub(" ", text)):
                problems.append(f"{url}: raw key {key!r} in {text!r}")
            if language == "en" and CYRILLIC.search(text) and not lang.startswith("bg"):
                problems.append(f"{url}: Bulgarian text on an English page: {text!r}")
        visible = " ".join(text for text, lang in page.texts if lang.startswith(language))
        for english, bulgarian in strings:
            wrong = english if language == "bg" else bulgarian
            if contains_phrase(visible, wrong):
                problems.append(f"{url}: interface text in the wrong language: {wrong!r}")
    assert problems == [], "\n".join(problems)


def test_the_crawl_catches_a_leaked_key_and_the_wrong_language(client, demo):
    """The checks above can fail: a key in the modal and Bulgarian in English are both found."""
    from newsroom.models import SiteSettings

    site = SiteSettings.load()
    site.modal_header_en = "news.modal.header"
    site.tagline_en = "Новините на общините"
    site.save()
    page = read(client.get("/en/").content.decode())
    keys = [k for text, _lang in page.texts for k in RAW_KEY.findall(text)]
    assert "news.modal.header" in keys
    assert any(CYRILLIC.search(text) and lang == "en" for text, lang in page.texts)
