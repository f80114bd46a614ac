"""A feed wrapped in `public_page` is cached, revalidated with 304s, and purged like pages."""

import pytest

from articles.models import Article
from newsroom import cache as public_cache
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.production.urls_feed")]


def test_feed_is_cached_answers_304_and_is_purged(client):
    story = ArticleFactory(title_bg="Първо заглавие в емисията")
    first = client.get("/bg/feed/")
    assert first.status_code == 200 and first["X-Cache"] == "MISS"
    assert "Първо заглавие в емисията" in first.content.decode()
    assert "public" in first["Cache-Control"]

    not_modified = client.get("/bg/feed/", headers={"if-none-match": first["ETag"]})
    assert not_modified.status_code == 304
    assert client.get("/bg/feed/", headers={"if-modified-since": first["Last-Modified"]}).status_code == 304

    Article.objects.filter(pk=story.pk).update(title_bg="Поправено заглавие в емисията")
    assert client.get("/bg/feed/")["X-Cache"] == "HIT"
    public_cache.purge_public_pages()
    fresh = client.get("/bg/feed/", headers={"if-none-match": first["ETag"]})
    assert fresh.status_code == 200
    assert "Поправено заглавие в емисията" in fresh.content.decode()
