"""Every request has an id, carried into logs and error reports; a lost database is a friendly 503."""

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail

from newsroom import cache as public_cache
from newsroom.logs import JsonFormatter, RequestIdFilter, current_request_id


def test_a_request_id_is_made_when_none_comes_in_and_kept_when_one_does(client):
    made = client.get("/healthz")["X-Request-ID"]
    assert len(made) == 32
    assert client.get("/healthz")["X-Request-ID"] != made
    kept = client.get("/healthz", headers={"x-request-id": "lb-42.abc"})
    assert kept["X-Request-ID"] == "lb-42.abc"
    junk = client.get("/healthz", headers={"x-request-id": "<script>alert(1)</script>"})
    assert junk["X-Request-ID"] != "<script>alert(1)</script>"


def test_json_log_lines_carry_the_request_id():
    record = logging.LogRecord("newsroom", logging.WARNING, __file__, 1, "Photo %s too big", ("a.jpg",), None)
    token = current_request_id.set("req-123")
    try:
        RequestIdFilter().filter(record)
    finally:
        current_request_id.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Photo a.jpg too big"
    assert line["level"] == "WARNING"
    assert line["request_id"] == "req-123"


@pytest.mark.urls("tests.production.urls_failing")
def test_an_error_is_mailed_to_admins_with_its_request_id(client, settings):
    settings.ADMINS = ["Ops <ops@example.bg>"]
    client.raise_request_exception = False
    response = client.get("/broken/", headers={"x-request-id": "trace-777"})
    assert response.status_code == 500
    assert "Traceback" not in response.content.decode()
    assert len(mail.outbox) == 1
    report = mail.outbox[0]
    assert "trace-777" in report.subject
    assert "Request ID: trace-777" in report.body
    assert "the press release parser broke" in report.body


@pytest.mark.urls("tests.production.urls_failing")
@pytest.mark.parametrize(
    ("language", "text"),
    [("bg", "Сайтът е временно недостъпен"), ("en", "The site is briefly unavailable")],
)
def test_a_lost_database_gives_a_friendly_503_in_the_pages_language(client, settings, language, text):
    settings.ADMINS = ["Ops <ops@example.bg>"]
    response = client.get(f"/{language}/gone/")
    assert response.status_code == 503
    body = response.content.decode()
    assert text in body and f'lang="{language}"' in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert mail.outbox == []  # an outage is not mailed once per request


class _PurgeReceiver(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        length = int(self.headers["Content-Length"])
        self.received.append((self.headers.get("Authorization"), json.loads(self.rfile.read(length))))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_purge_tells_the_cdn(settings):
    server = HTTPServer(("127.0.0.1", 0), _PurgeReceiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings.CDN_PURGE_URL = f"http://127.0.0.1:{server.server_port}/purge"
        settings.CDN_PURGE_TOKEN = "cdn-secret"
        _PurgeReceiver.received.clear()
        public_cache.purge_public_pages()
        assert _PurgeReceiver.received == [
            ("Bearer cdn-secret", {"purge": "everything", "site": settings.SITE_URL})
        ]
    finally:
        server.shutdown()
        server.server_close()


def test_a_cdn_that_is_down_is_logged_never_raised(settings, caplog):
    settings.CDN_PURGE_URL = "http://127.0.0.1:1/purge"
    before = public_cache.public_cache_version()
    with caplog.at_level(logging.WARNING, logger="newsroom.cache"):
        public_cache.purge_public_pages()
    assert public_cache.public_cache_version() != before
    assert "CDN purge failed" in caplog.text
