"""Queries per page are bounded: they do not grow with stories, photos, tags or officials."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.models import ArticlePhoto
from newsroom.models import Mandate
from tests.factories import (
    ArticleFactory,
    EventFactory,
    MandateFactory,
    MunicipalityFactory,
    OfficialFactory,
    PhotoFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15


def add_stories(n, *, section, tag, place, official, event, photos, tags, officials):
    for i in range(n):
        story = ArticleFactory(section=section, title_bg=f"Новина за града {i}", title_en=f"City story {i}")
        story.tags.add(tag, *tags)
        story.municipalities.add(place)
        story.officials.add(official, *officials)
        story.events.add(event)
        for order, photo in enumerate(photos):
            ArticlePhoto.objects.create(article=story, photo=photo, order=order)
    return story


def count(client, url) -> int:
    # The same page once before (another address, so not from the page cache): the site-wide
    # lists every page shows are then cached, as they are on a running site.
    client.get(url + ("&" if "?" in url else "?") + "warm=1")
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def test_queries_per_page_do_not_grow_with_the_data(client):
    section, tag, place, event = SectionFactory(), TagFactory(), MunicipalityFactory(), EventFactory()
    official = OfficialFactory()
    MandateFactory(official=official, municipality=place, start=date(2020, 1, 1))
    common = {"section": section, "tag": tag, "place": place, "official": official, "event": event}
    story = add_stories(2, **common, photos=[PhotoFactory()], tags=[], officials=[])

    def urls():
        with translation.override("bg"):
            article_url = story.get_absolute_url()
            return [
                "/bg/", "/en/", article_url, section.get_absolute_url(), tag.get_absolute_url(),
                place.get_absolute_url(), official.get_absolute_url(), event.get_absolute_url(),
                "/bg/archive/", "/bg/search/?q=града", "/en/search/?q=city", "/bg/rss/", "/en/atom/",
                f"/bg/section/{section.slug}/rss/", "/sitemap.xml", "/sitemap-news-bg.xml",
                "/news-sitemap.xml",
            ]  # fmt: skip

    small = {url: count(client, url) for url in urls()}

    # Many more stories, each with more photos, tags and officials (with several mandates),
    # and more sections, places and events around them.
    photos = [PhotoFactory() for _ in range(4)]
    tags = [TagFactory() for _ in range(5)]
    officials = [OfficialFactory() for _ in range(4)]
    for person in officials:
        for year in (2015, 2019, 2023):
            MandateFactory(
                official=person, municipality=place, start=date(year, 1, 1), position=Mandate.Position.OTHER
            )
    SectionFactory.create_batch(6)
    MunicipalityFactory.create_batch(5)
    add_stories(60, **common, photos=photos, tags=tags, officials=officials)
    for _ in range(3):
        add_stories(
            3, **{**common, "section": SectionFactory()}, photos=photos[:2], tags=tags, officials=officials
        )
    story = add_stories(1, **common, photos=photos, tags=tags, officials=officials)

    large = {url: count(client, url) for url in urls()}
    for url in large:
        url_small = url if "/news/" not in url else next(u for u in small if "/news/" in u)
        assert large[url] <= MAX_QUERIES, (url, large[url])
        assert large[url] <= small[url_small], (url, small[url_small], large[url])
