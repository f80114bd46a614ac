"""Under gunicorn with production settings: every header, readiness, and a database outage
answered with a friendly 503 that heals by itself. The outage is a TCP proxy being cut; the
shared PostgreSQL server is never stopped."""

import re
import time

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db(transaction=False)


FRIENDLY = {"bg": "Сайтът е временно недостъпен", "en": "The site is briefly unavailable"}


def story_url(story, language):
    with translation.override(language):
        return story.get_absolute_url()


def wait_for(predicate, seconds=15):
    deadline = time.monotonic() + seconds
    while not (result := predicate()) and time.monotonic() < deadline:
        time.sleep(0.2)
    return result


def test_gunicorn_serves_the_site_with_every_security_header(production_server):
    response = production_server.get("/bg/")
    assert response.status == 200
    assert "Устойчива новина" in response.text
    headers = response.headers
    assert headers["Server"] == "gunicorn"
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Request-ID"]
    assert "public" in headers["Cache-Control"] and headers["ETag"]


def test_static_files_are_hashed_compressed_and_cached_for_ever(production_server):
    page = production_server.get("/en/")
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page.text)
    assert css, "the stylesheet link is not a hashed name"
    response = production_server.get(css.group(1), headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]


def test_plain_http_is_redirected_but_health_checks_answer(production_server):
    redirect = production_server.get("/bg/", https=False)
    assert redirect.status == 301
    assert redirect.headers["Location"] == "https://news.example.bg/bg/"
    assert production_server.get("/healthz", https=False).status == 200
    assert production_server.get("/readyz", https=False).status == 200


def test_a_bad_host_header_gets_400(production_server):
    response = production_server.get("/bg/", host="evil.example")
    assert response.status == 400
    assert "public" not in response.headers.get("Cache-Control", "")


def test_readiness_fails_while_the_database_is_cut_and_returns_with_it(production_server, database_proxy):
    assert production_server.get("/readyz").status == 200
    database_proxy.cut()
    try:
        response = production_server.get("/readyz")
        assert response.status == 503
        assert '"database": "unavailable"' in response.text
        assert '"cache": "ok"' in response.text
        assert production_server.get("/healthz").status == 200
    finally:
        database_proxy.restore()
    assert wait_for(lambda: production_server.get("/readyz").status == 200)


def test_public_pages_answer_a_friendly_503_during_an_outage_and_recover(
    production_server, database_proxy, story
):
    home = production_server.get("/bg/")  # cached before the outage
    assert home.status == 200
    database_proxy.cut()
    try:
        for language, text in FRIENDLY.items():
            response = production_server.get(story_url(story, language) + "?outage")
            assert response.status == 503
            assert text in response.text and f'lang="{language}"' in response.text
            assert "Traceback" not in response.text and "psycopg" not in response.text
            assert response.headers["Retry-After"] == "30"
        # A page already in the shared cache is still served while the database is away.
        still = production_server.get("/bg/")
        assert still.status == 200 and "Устойчива новина" in still.text
    finally:
        database_proxy.restore()
    assert wait_for(lambda: production_server.get(story_url(story, "en") + "?after").status == 200)
    for language in ("bg", "en"):
        assert production_server.get(story_url(story, language) + "?recovered").status == 200
