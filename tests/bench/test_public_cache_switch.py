"""PUBLIC_CACHE=0 switches the public page cache off: every reader's request renders afresh
(what the benchmark's uncached runs measure), and nothing is stored for later."""

import pytest
from django.core.cache import cache

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_with_the_cache_off_every_request_shows_the_current_story(client, settings):
    settings.PUBLIC_CACHE_ENABLED = False
    story = ArticleFactory(title_bg="Първа версия")
    first = client.get("/bg/")
    assert "Първа версия" in first.content.decode()
    assert "X-Cache" not in first

    Article.objects.filter(pk=story.pk).update(title_bg="Поправена версия")
    second = client.get("/bg/")
    assert "Поправена версия" in second.content.decode()
    assert "X-Cache" not in second


def test_pages_served_with_the_cache_off_are_not_stored_for_when_it_is_on(client, settings):
    story = ArticleFactory(title_bg="Първа версия")
    settings.PUBLIC_CACHE_ENABLED = False
    client.get("/bg/")

    Article.objects.filter(pk=story.pk).update(title_bg="Поправена версия")
    settings.PUBLIC_CACHE_ENABLED = True
    response = client.get("/bg/")
    assert response["X-Cache"] == "MISS"
    assert "Поправена версия" in response.content.decode()
    assert client.get("/bg/")["X-Cache"] == "HIT"
