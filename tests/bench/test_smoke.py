"""The benchmark harness keeps working (bench/README.md): the generator builds a small
newsroom whose pages all answer, wrk's report is read correctly, and a real, tiny wrk run
against gunicorn counts requests. The full benchmark is not a test and never runs here."""

import os
import shutil
import socket

import pytest
from django.test import Client

from bench import generate
from bench import run as harness
from bench.pages import bench_pages
from bench.views import BODY as BARE_BODY

# Recorded from `wrk --latency -s bench/p95.lua` (wrk 4.1.0, Debian).
RECORDED_WRK = """Running 5s test @ http://127.0.0.1:8181/bg/
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    61.20ms   20.31ms 212.35ms   80.12%
    Req/Sec   131.02     20.15   171.00     68.00%
  Latency Distribution
     50%   57.93ms
     75%   68.02ms
     90%   84.11ms
     99%    1.21s
  655 requests in 5.01s, 19.62MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:    130.74
Transfer/sec:      3.92MB
P95_US 97412
"""


def test_wrk_report_is_read_with_units_and_every_kind_of_error():
    result = harness.parse_wrk(RECORDED_WRK)
    assert result["rps"] == 130.74
    assert result["requests"] == 655
    assert result["p50_ms"] == 57.93
    assert result["p90_ms"] == 84.11
    assert result["p95_ms"] == 97.41
    assert result["p99_ms"] == 1210.0  # seconds are turned into milliseconds
    assert result["errors"] == 4 + 2 + 1


@pytest.mark.django_db(transaction=True)
def test_generator_builds_a_newsroom_whose_benchmarked_pages_all_answer(settings):
    settings.PUBLIC_CACHE_ENABLED = False
    assert generate.main(["--stories", "50"]) == 0

    from articles.models import Article
    from newsroom.models import Municipality, Official

    assert Article.objects.count() == 50
    assert Municipality.objects.count() == 265
    assert Official.objects.count() == 2000
    # Run again, it replaces what it made rather than adding to it.
    assert generate.main(["--stories", "20"]) == 0
    assert Article.objects.count() == 20

    client = Client(HTTP_X_FORWARDED_PROTO="https")
    pages = bench_pages()
    assert {"article", "home", "section", "municipality", "event", "search", "rss", "sitemap"} <= set(pages)
    for name, path in pages.items():
        assert client.get(path).status_code == 200, (name, path)

    # The in-process breakdown of each page's time adds up, and sees each page's SQL and
    # template time (the bare view is only routed under NEWSROOM_BENCH, so not here).
    from bench.breakdown import measure

    breakdown = measure({"article": pages["article"], "home": pages["home"]}, repeat=3)
    for name in ("article", "home"):
        ms = breakdown[name]["time_ms"]
        assert breakdown[name]["status"] == 200 and breakdown[name]["queries"] > 0
        assert ms["sql"] > 0 and ms["template"] > 0 and ms["python"] > 0
        assert abs(ms["sql"] + ms["template"] + ms["python"] - ms["total"]) < 0.05


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_tiny_wrk_run_against_gunicorn_counts_requests(tmp_path, monkeypatch):
    if not shutil.which("wrk"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI must have wrk (.ci/run installs it)")
        pytest.skip("wrk is not installed (Debian: apt-get install -y wrk)")
    monkeypatch.setattr(harness, "PORT", free_port())
    monkeypatch.setattr(harness, "SECONDS", 1)
    monkeypatch.setattr(harness, "CONNECTIONS", 2)
    monkeypatch.setattr(harness, "WORKERS", 1)
    # The bare view touches no table; an empty SQLite file is enough behind it.
    monkeypatch.setattr(harness, "DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    server = harness.start_gunicorn(harness.env_for(cache=False))
    try:
        assert harness.fetch("/bench/bare/") == (200, len(BARE_BODY))
        result = harness.wrk("/bench/bare/")
    finally:
        harness.stop(server)
    assert result["requests"] > 0 and result["rps"] > 0
    assert result["errors"] == 0
    assert result["p50_ms"] is not None and result["p95_ms"] is not None
