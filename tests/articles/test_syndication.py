"""Feeds, sitemaps, robots.txt and the data search engines read from a story's page."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from articles.models import Correction
from articles.sitemaps import MunicipalitySitemap, StorySitemap
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    EventFactory,
    MunicipalityFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "atom": "http://www.w3.org/2005/Atom",
}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content)


@pytest.fixture
def stories():
    section = SectionFactory(name_bg="Региони", name_en="Regions")
    place = MunicipalityFactory()
    event = EventFactory()
    both = ArticleFactory(title_bg="Двуезична новина", title_en="Bilingual story", section=section)
    both.municipalities.add(place)
    both.events.add(event)
    bg_only = ArticleFactory(title_bg="Само на български", title_en="", section=section)
    bg_only.municipalities.add(place)
    ArticleFactory(title_bg="Чернова", draft=True, section=section)
    ArticleFactory(title_bg="Утрешна", scheduled=True, section=section)
    Correction.objects.create(article=both, text_bg="Поправено име.", text_en="A name was corrected.")
    return {"both": both, "bg_only": bg_only, "section": section, "place": place, "event": event}


def rss_titles(root):
    return [item.findtext("title") for item in root.iter("item")]


def test_rss_per_language_holds_only_public_stories_in_that_language(client, stories):
    bg = xml(client, "/bg/rss/")
    assert bg.tag == "rss" and bg.get("version") == "2.0"
    assert bg.findtext("channel/language") == "bg"
    assert sorted(rss_titles(bg)) == ["Двуезична новина", "Само на български"]
    en = xml(client, "/en/rss/")
    assert en.findtext("channel/language") == "en"
    assert rss_titles(en) == ["Bilingual story"]


def test_feed_entries_carry_corrections(client, stories):
    en = xml(client, "/en/rss/")
    description = next(en.iter("item")).findtext("description")
    assert "A name was corrected." in description and "Correction" in description
    bg = xml(client, "/bg/rss/")
    assert any("Поправено име." in (item.findtext("description") or "") for item in bg.iter("item"))


def test_atom_and_per_section_municipality_and_event_feeds(client, stories):
    atom = xml(client, "/en/atom/")
    assert atom.tag == f"{{{NS['atom']}}}feed"
    assert [e.findtext("atom:title", namespaces=NS) for e in atom.findall("atom:entry", NS)] == [
        "Bilingual story"
    ]
    slug = stories["section"].slug
    assert sorted(rss_titles(xml(client, f"/bg/section/{slug}/rss/"))) == [
        "Двуезична новина",
        "Само на български",
    ]
    assert xml(client, f"/bg/section/{slug}/atom/").tag.endswith("feed")
    place = stories["place"].slug
    assert rss_titles(xml(client, f"/en/municipality/{place}/rss/")) == ["Bilingual story"]
    assert rss_titles(xml(client, f"/bg/event/{stories['event'].slug}/rss/")) == ["Двуезична новина"]
    assert client.get("/bg/section/no-such-section/rss/").status_code == 404


def test_sitemap_index_lists_story_sitemaps_per_language_and_the_rest(client, stories):
    index = xml(client, "/sitemap.xml")
    locations = [loc.text for loc in index.iter(f"{{{NS['sm']}}}loc")]
    assert any(loc.endswith("/sitemap-news-bg.xml") for loc in locations)
    assert any(loc.endswith("/sitemap-news-en.xml") for loc in locations)
    assert any(loc.endswith("/sitemap-sections.xml") for loc in locations)
    assert all(loc.startswith("http://127.0.0.1:8000/") for loc in locations)


def test_story_sitemaps_have_hreflang_alternates_and_only_stories_of_their_language(client, stories):
    bg = xml(client, "/sitemap-news-bg.xml")
    urls = bg.findall("sm:url", NS)
    assert len(urls) == 2
    both = next(u for u in urls if f"/bg/news/{stories['both'].pk}-" in u.findtext("sm:loc", namespaces=NS))
    langs = {link.get("hreflang"): link.get("href") for link in both.findall("xhtml:link", NS)}
    assert set(langs) == {"bg", "en", "x-default"}
    assert "/en/news/" in langs["en"] and "/bg/" not in langs["x-default"]
    only = next(u for u in urls if u is not both)
    assert {link.get("hreflang") for link in only.findall("xhtml:link", NS)} == {"bg", "x-default"}
    en = xml(client, "/sitemap-news-en.xml")
    assert [u.findtext("sm:loc", namespaces=NS) for u in en.findall("sm:url", NS)] == [
        f"http://127.0.0.1:8000/en/news/{stories['both'].pk}-bilingual-story/"
    ]


def sitemap_locations(root):
    return [loc.text for loc in root.iter(f"{{{NS['sm']}}}loc")]


def test_story_sitemap_pages_hold_a_few_thousand_urls(client, stories, settings):
    assert 1000 <= StorySitemap("bg").limit <= 5000
    # Pages are ranges of story ids, from the oldest story's id rounded down to a whole page:
    # with two ids per page, every published story is on exactly one page, the first page is
    # not empty however high the ids start, and the index lists every page up to the newest id.
    ids = sorted(a.pk for a in (stories["both"], stories["bg_only"]))
    more = [ArticleFactory(title_bg=f"Още {n}").pk for n in range(3)]
    base, top = (min(ids) - 1) // 2 * 2, max(more)
    from articles import sitemaps

    original = sitemaps.StorySitemap.limit
    sitemaps.StorySitemap.limit = 2
    try:
        pages = -(-(top - base) // 2)
        index = sitemap_locations(xml(client, "/sitemap.xml"))
        bg_pages = [loc for loc in index if "/sitemap-news-bg.xml" in loc]
        assert len(bg_pages) == pages
        seen = []
        for number in range(1, pages + 1):
            locations = sitemap_locations(xml(client, f"/sitemap-news-bg.xml?p={number}"))
            page_ids = [int(re.search(r"/bg/news/(\d+)-", loc).group(1)) for loc in locations]
            assert all(base + 2 * (number - 1) < pk <= base + 2 * number for pk in page_ids)
            seen += page_ids
        assert min(ids) in seen[:2]
        assert sorted(seen) == sorted([*ids, *more])
        assert client.get(f"/sitemap-news-bg.xml?p={pages + 1}").status_code == 404
        assert client.get("/sitemap-news-bg.xml?p=abc").status_code == 404
    finally:
        sitemaps.StorySitemap.limit = original


def test_model_sitemaps_count_and_page_language_pairs_in_sql(client, settings):
    places = [MunicipalityFactory() for _ in range(5)]
    sitemap = MunicipalitySitemap()
    sitemap.limit = 3  # 10 (place, language) pairs: pages of 3, 3, 3, 1
    assert sitemap.paginator.num_pages == 4
    pairs = [pair for number in range(1, 5) for pair in sitemap.paginator.page(number).object_list]
    assert pairs == [(place, code) for place in places for code in ("bg", "en")]
    locations = sitemap_locations(xml(client, "/sitemap-municipalities.xml"))
    assert len(locations) == 10 and any("/en/municipality/" in loc for loc in locations)


def test_other_sitemaps_have_both_languages(client, stories):
    sections = xml(client, "/sitemap-sections.xml")
    locations = [loc.text for loc in sections.iter(f"{{{NS['sm']}}}loc")]
    assert any("/bg/section/" in loc for loc in locations) and any("/en/section/" in loc for loc in locations)


def test_news_sitemap_has_the_last_two_days_with_publication_and_language(client, stories):
    old = ArticleFactory(title_bg="Стара", publish_at=timezone.now() - timedelta(days=3))
    root = xml(client, "/news-sitemap.xml")
    entries = root.findall("sm:url", NS)
    titles = [e.findtext("news:news/news:title", namespaces=NS) for e in entries]
    assert sorted(titles) == ["Bilingual story", "Двуезична новина", "Само на български"]
    assert old.title_bg not in titles
    languages = {e.findtext("news:news/news:publication/news:language", namespaces=NS) for e in entries}
    assert languages == {"bg", "en"}
    assert all(e.findtext("news:news/news:publication/news:name", namespaces=NS) for e in entries)


def test_robots_txt_points_to_the_sitemaps(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text
    assert "Sitemap: http://127.0.0.1:8000/news-sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_story_page_has_json_ld_open_graph_canonical_and_hreflang(
    client, stories, django_capture_on_commit_callbacks
):
    story = stories["both"]
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePhotoFactory(article=story)
    with translation.override("bg"):
        url = story.get_absolute_url()
    html = client.get(url).content.decode()
    head = html.split("</head>")[0]
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["headline"] == "Двуезична новина"
    assert data["datePublished"] and data["dateModified"] and data["author"] and data["publisher"]["name"]
    assert data["image"][0].endswith("-og.jpg")
    assert f'<link rel="canonical" href="http://127.0.0.1:8000{url}">' in head
    assert 'hreflang="bg"' in head and 'hreflang="en"' in head and 'hreflang="x-default"' in head
    assert '<meta property="og:image:width" content="1200">' in head
    assert '<meta property="og:image:height" content="630">' in head
    assert '<meta name="twitter:card" content="summary_large_image">' in head


def test_json_ld_cannot_be_broken_out_of(client):
    story = ArticleFactory(title_bg="</script><script>alert(1)</script> & <b>")
    with translation.override("bg"):
        html = client.get(story.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["headline"] == story.title_bg
