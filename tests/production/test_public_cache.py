"""Public pages are cached for readers, purged at once by every editorial action, never past
the next scheduled story, never for signed-in staff, and a broken cache only means no cache."""

import io
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.middleware.csrf import get_token
from django.template import engines
from django.utils import timezone, translation
from django.utils.http import http_date

from articles.models import Article
from newsroom import cache as public_cache
from tests.factories import (
    ArticleFactory,
    EventFactory,
    MunicipalityFactory,
    OfficialFactory,
    TagFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def url_of(story, language):
    with translation.override(language):
        return story.get_absolute_url()


def max_ages(response):
    control = response["Cache-Control"]
    return (
        int(re.search(r"(?<!s-)max-age=(\d+)", control).group(1)),
        int(re.search(r"s-maxage=(\d+)", control).group(1)),
    )


def test_second_reader_gets_the_cached_page_and_a_purge_shows_the_change(client):
    story = ArticleFactory(title_bg="Първа версия")
    first = client.get("/bg/")
    assert first["X-Cache"] == "MISS" and "Първа версия" in first.content.decode()

    Article.objects.filter(pk=story.pk).update(title_bg="Поправена версия")
    cached = client.get("/bg/")
    assert cached["X-Cache"] == "HIT"
    assert "Първа версия" in cached.content.decode()

    public_cache.purge_public_pages()
    fresh = client.get("/bg/")
    assert fresh["X-Cache"] == "MISS"
    assert "Поправена версия" in fresh.content.decode()


def test_a_purge_reaches_every_page_that_lists_the_story_in_both_languages(client):
    tag, place, person, event = TagFactory(), MunicipalityFactory(), OfficialFactory(), EventFactory()
    story = ArticleFactory(title_bg="Стара заглавка", title_en="Old headline")
    story.tags.add(tag)
    story.municipalities.add(place)
    story.officials.add(person)
    story.events.add(event)
    pages = []
    for language in ("bg", "en"):
        with translation.override(language):
            pages += [
                f"/{language}/",
                story.get_absolute_url(),
                story.section.get_absolute_url(),
                tag.get_absolute_url(),
                place.get_absolute_url(),
                person.get_absolute_url(),
                event.get_absolute_url(),
            ]
    for page in pages:
        assert client.get(page)["X-Cache"] == "MISS", page
        assert client.get(page)["X-Cache"] == "HIT", page

    Article.objects.filter(pk=story.pk).update(title_bg="Нова заглавка", title_en="New headline")
    public_cache.purge_public_pages()

    for page in pages:
        response = client.get(page)
        body = response.content.decode()
        assert response["X-Cache"] == "MISS", page
        assert "Нова заглавка" in body or "New headline" in body, page
        assert "Стара заглавка" not in body and "Old headline" not in body, page


def test_public_pages_carry_cache_headers_fit_for_a_cdn(client):
    ArticleFactory()
    for response in (client.get("/bg/"), client.get("/bg/")):
        assert response.status_code == 200
        assert "public" in response["Cache-Control"]
        assert max_ages(response)[0] <= 60 and 0 < max_ages(response)[1] <= 300
        # The language is in the path and nothing depends on cookies: one copy fits all readers.
        assert "Cookie" not in response.get("Vary", "")
        assert "Accept-Language" not in response.get("Vary", "")
        assert not response.cookies
        assert response["ETag"] and response["Last-Modified"]


def test_article_answers_304_to_a_reader_who_has_it(client):
    story = ArticleFactory()
    url = url_of(story, "bg")
    first = client.get(url)
    assert first.status_code == 200

    by_etag = client.get(url, headers={"if-none-match": first["ETag"]})
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert by_date.status_code == 304

    Article.objects.filter(pk=story.pk).update(title_bg="Ново заглавие")
    public_cache.purge_public_pages()
    changed = client.get(url, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200 and "Ново заглавие" in changed.content.decode()


def test_an_old_copy_is_not_revalidated_after_the_page_changed(client):
    story = ArticleFactory()
    url = url_of(story, "en")
    yesterday = http_date((timezone.now() - timedelta(days=1)).timestamp())
    assert client.get(url, headers={"if-modified-since": yesterday}).status_code == 200


def test_signed_in_staff_neither_read_nor_fill_the_public_cache(client):
    story = ArticleFactory(title_bg="Публична версия")
    url = url_of(story, "bg")
    assert client.get(url)["X-Cache"] == "MISS"
    Article.objects.filter(pk=story.pk).update(title_bg="Току-що редактирана")

    staff = client.__class__()
    staff.force_login(UserFactory(is_superuser=True))
    response = staff.get(url)
    assert "Току-що редактирана" in response.content.decode()
    assert response["X-Cache"] == "BYPASS"
    assert "private" in response["Cache-Control"]

    draft = ArticleFactory(draft=True, title_bg="Чернова за редактора")
    draft_url = url_of(draft, "bg")
    assert "Чернова за редактора" in staff.get(draft_url).content.decode()
    # Staff did not fill the cache: the reader still gets a 404 for the draft, and the old
    # copy of the story until a purge.
    assert client.get(draft_url).status_code == 404
    assert "Публична версия" in client.get(url).content.decode()


def test_ttl_is_cut_short_by_the_next_scheduled_story(client, settings):
    settings.PUBLIC_CACHE_SECONDS = 600
    ArticleFactory()
    assert public_cache.seconds_to_live() == 600
    soon = timezone.now() + timedelta(seconds=120)
    ArticleFactory(publish_at=soon)
    ArticleFactory(publish_at=timezone.now() + timedelta(hours=3))
    assert 118 <= public_cache.seconds_to_live() <= 120

    response = client.get("/en/")
    browser, cdn = max_ages(response)
    assert browser == 60
    assert 118 <= cdn <= 120


def test_scheduled_story_appears_when_its_time_comes_without_a_purge(client, settings, monkeypatch):
    settings.PUBLIC_CACHE_SECONDS = 3600
    due = timezone.now() + timedelta(minutes=20)
    story = ArticleFactory(title_bg="Насрочена новина", publish_at=due)
    first = client.get("/bg/")
    assert "Насрочена новина" not in first.content.decode()
    assert max_ages(first)[1] <= 20 * 60

    # Its time comes: in the database the publish time is now past ...
    Article.objects.filter(pk=story.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    # ... but until the cache's clock reaches the old publish time, the copy stands
    assert "Насрочена новина" not in client.get("/bg/").content.decode()
    # and once it does, that copy is expired and the page is rebuilt with the story.
    monkeypatch.setattr(public_cache, "_clock", lambda: due.timestamp() + 1)
    after = client.get("/bg/")
    assert after["X-Cache"] == "MISS"
    assert "Насрочена новина" in after.content.decode()


def test_only_successful_pages_are_cached(client):
    assert client.get("/bg/news/999999-nyama/").status_code == 404
    assert not any("public-page" in key for key in cache._cache)
    story = ArticleFactory()
    redirect = client.get(f"/bg/news/{story.pk}/")
    assert redirect.status_code == 301 and "X-Cache" not in redirect


def test_a_bad_host_gets_400_and_is_never_cached(client):
    ArticleFactory()
    response = client.get("/bg/", headers={"host": "attacker.example"})
    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
    assert "X-Cache" not in response
    assert not any("public-page" in key for key in cache._cache)


def test_redis_down_means_uncached_pages_not_errors(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/5",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    story = ArticleFactory(title_en="Still served")
    for _attempt in range(2):
        response = client.get(url_of(story, "en"))
        assert response.status_code == 200
        assert "Still served" in response.content.decode()
        assert "X-Cache" not in response
    public_cache.purge_public_pages()  # does not raise
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "database": "ok", "cache": "unavailable"}


def test_redis_caches_pages_when_it_is_up(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/5",
            "KEY_PREFIX": "newsroom-tests",
        }
    }
    cache.clear()
    ArticleFactory()
    assert client.get("/en/")["X-Cache"] == "MISS"
    assert client.get("/en/")["X-Cache"] == "HIT"
    public_cache.purge_public_pages()
    assert client.get("/en/")["X-Cache"] == "MISS"
    cache.clear()


def test_pages_holding_a_csrf_token_are_never_shared(rf):
    def form_page(request):
        return HttpResponse(f"<input value='{get_token(request)}'>")

    view = public_cache.public_page(form_page)
    request = rf.get("/bg/form/")
    request.user = None
    response = view(request)
    assert "X-Cache" not in response
    assert not any("public-page" in key for key in cache._cache)


def test_a_page_with_an_inline_script_gets_a_nonce_and_is_never_shared(rf):
    template = engines["django"].from_string('<script nonce="{{ csp_nonce }}">window.x = 1;</script>')

    def page_with_inline_script(request):
        return HttpResponse(template.render({}, request))

    view = public_cache.public_page(page_with_inline_script)
    request = rf.get("/bg/interactive/")
    middleware = ContentSecurityPolicyMiddleware(view)
    response = middleware(request)
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'nonce="{nonce}"' in response.content.decode()
    assert "X-Cache" not in response
    assert not any("public-page" in key for key in cache._cache)


def test_purge_public_cache_command_rebuilds_pages(client):
    story = ArticleFactory(title_en="Before the site strings changed")
    client.get("/en/")
    Article.objects.filter(pk=story.pk).update(title_en="After the purge command")
    call_command("purge_public_cache", stdout=io.StringIO())
    assert "After the purge command" in client.get("/en/").content.decode()
