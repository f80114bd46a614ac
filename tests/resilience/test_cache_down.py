"""A failing cache (Redis down) degrades to uncached pages, never to errors; a working Redis
(db 7 here) serves the same pages."""

import pytest
from django.core.cache import cache

from articles import services
from tests.factories import ArticleFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

# Nothing listens on port 9 (discard) on loopback: every cache call fails with "connection refused".
DOWN = "redis://127.0.0.1:9/7"
UP = "redis://127.0.0.1:6379/7"


def redis_cache(settings, location):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "hardening-tests",
        }
    }


def public_paths(article, section):
    return [
        "/bg/", "/en/", article.get_absolute_url(), f"/bg/section/{section.slug}/", "/bg/rss/",
        "/en/atom/", "/bg/search/?q=Форум", "/bg/archive/", "/sitemap.xml", "/news-sitemap.xml",
    ]  # fmt: skip


def test_with_redis_down_every_public_page_is_served_uncached(client, settings):
    section = SectionFactory()
    article = ArticleFactory(title_bg="Форум в София", section=section)
    redis_cache(settings, DOWN)
    with pytest.raises(Exception):  # noqa: B017 - the cache really is unreachable
        cache.get("anything")
    for path in public_paths(article, section):
        response = client.get(path)
        assert response.status_code == 200, path
    assert "Форум в София" in client.get(article.get_absolute_url()).content.decode()


def test_with_redis_down_an_editor_still_publishes_and_readers_see_it(client, settings):
    """The purge after publishing cannot reach the cache; the story still goes out."""
    redis_cache(settings, DOWN)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    editor = UserFactory(is_superuser=True)
    draft = ArticleFactory(draft=True, title_bg="Нова новина без кеш")
    services.article_publish(article=draft, by=editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Нова новина без кеш" in client.get("/bg/").content.decode()


def test_with_redis_up_the_same_pages_are_served(client, settings):
    redis_cache(settings, UP)
    try:
        cache.set("hardening-probe", 1, 5)
    except Exception:  # noqa: BLE001
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    section = SectionFactory()
    article = ArticleFactory(title_bg="Форум в Пловдив", section=section)
    for path in public_paths(article, section):
        assert client.get(path).status_code == 200, path
    cache.clear()
