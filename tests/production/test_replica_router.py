"""With a replica, anonymous readers read from it; writers and signed-in users stay on the primary."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from articles.models import Article
from newsroom.db_router import STICKY_COOKIE, PrimaryPinningMiddleware, PrimaryReplicaRouter


@pytest.fixture
def with_replica(settings, monkeypatch):
    # The router only asks whether the alias is configured; no connection is opened here.
    monkeypatch.setitem(settings.DATABASES, "replica", settings.DATABASES["default"])
    settings.REPLICA_STICKY_SECONDS = 30


def read_alias(request):
    seen = {}

    def view(request):
        seen["alias"] = PrimaryReplicaRouter().db_for_read(Article)
        return HttpResponse("ok")

    response = PrimaryPinningMiddleware(view)(request)
    return seen["alias"], response


def test_anonymous_reader_reads_from_the_replica(with_replica):
    alias, response = read_alias(RequestFactory().get("/bg/"))
    assert alias == "replica"
    assert STICKY_COOKIE not in response.cookies


def test_a_write_stays_on_the_primary_and_pins_the_writer_for_a_while(with_replica):
    alias, response = read_alias(RequestFactory().post("/admin/articles/article/1/change/"))
    assert alias == "default"
    assert response.cookies[STICKY_COOKIE]["max-age"] == 30

    factory = RequestFactory()
    factory.cookies[STICKY_COOKIE] = "1"
    assert read_alias(factory.get("/bg/"))[0] == "default"


def test_signed_in_users_read_their_own_writes_from_the_primary(with_replica, settings):
    factory = RequestFactory()
    factory.cookies[settings.SESSION_COOKIE_NAME] = "abc"
    assert read_alias(factory.get("/admin/"))[0] == "default"


def test_without_a_replica_everything_uses_the_primary():
    assert read_alias(RequestFactory().get("/bg/"))[0] == "default"
    assert PrimaryReplicaRouter().db_for_write(Article) == "default"
    assert PrimaryReplicaRouter().allow_migrate("replica", "articles") is False
