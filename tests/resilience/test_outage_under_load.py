"""The database drops while requests are in flight: each answers 200 or the friendly 503, never
a 500 or a broken connection, and the site heals by itself once the database is back. Uses the
production server and cuttable TCP proxy of tests/resilience/conftest.py."""

import threading
import time

import pytest

from tests.resilience.test_outage import story_url, wait_for

pytestmark = pytest.mark.django_db(transaction=False)

READERS = 6


def test_cutting_the_database_mid_request_gives_503s_and_the_next_request_succeeds(
    production_server, database_proxy, story
):
    stop = threading.Event()
    statuses: list[int | str] = []

    def read(n):
        i = 0
        while not stop.is_set():
            i += 1
            # A fresh query string each time: the page cache cannot answer, the database must.
            path = story_url(story, "bg" if n % 2 else "en") + f"?reader={n}-{i}"
            try:
                statuses.append(production_server.get(path).status)
            except OSError as error:
                statuses.append(type(error).__name__)

    readers = [threading.Thread(target=read, args=(n,)) for n in range(READERS)]
    for reader in readers:
        reader.start()
    try:
        time.sleep(1.5)
        database_proxy.cut()  # open connections die mid-query; new ones are refused
        time.sleep(2.5)
    finally:
        database_proxy.restore()
        time.sleep(0.5)
        stop.set()
        for reader in readers:
            reader.join(timeout=60)

    assert set(statuses) <= {200, 503}, sorted({str(s) for s in statuses})
    assert 503 in statuses and 200 in statuses
    assert wait_for(lambda: production_server.get(story_url(story, "bg") + "?healed").status == 200)
    assert production_server.get(story_url(story, "en") + "?healed-2").status == 200
