"""The CI-sized soak (15 s; `make soak` runs 60 s): gunicorn under mixed reads at 32 connections
while an editor publishes; no 5xx, no worker lost, worker memory growing less than 10%."""

import os
import shutil

import pytest
from django.db import connection

from tests.resilience import soak

pytestmark = pytest.mark.soak


def test_a_short_soak_has_no_5xx_and_no_memory_growth(django_db_setup):
    if connection.vendor != "postgresql":
        pytest.skip("The soak runs gunicorn on PostgreSQL.")
    if not shutil.which("wrk"):
        message = "The soak needs wrk (Debian: apt-get install -y wrk; .ci/run does this)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    db = connection.settings_dict
    # Its own database next to the test database: the soak commits content and users.
    database_url = (
        f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}_soak"
    )
    result = soak.soak(
        seconds=15, connections=32, port=soak.free_port(), database_url=database_url, max_growth=0.10
    )
    assert result["problems"] == [], result
    assert result["requests"] > 100 and result["published"] > 0
