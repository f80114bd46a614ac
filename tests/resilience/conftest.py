"""A real production server for the resilience tests: gunicorn from gunicorn.conf.py with
production settings (DEBUG off, whitenoise manifest, Redis cache on db 5), reaching the test
database through a TCP proxy the tests cut and restore."""

import http.client
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.resilience.proxy import TcpProxy

ROOT = Path(__file__).resolve().parents[2]
HOST = "news.example.bg"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, port: int):
        self.port = port

    def get(self, path: str, *, https: bool = True, host: str = HOST, headers: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": host, **({"X-Forwarded-Proto": "https"} if https else {}), **(headers or {})}
        connection.request("GET", path, headers=sent)
        response = connection.getresponse()
        response.body = response.read()
        response.text = response.body.decode(errors="replace")
        connection.close()
        return response


@pytest.fixture(scope="module")
def database_proxy(django_db_setup, django_db_blocker):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("The outage tests run a server against the test database: they need PostgreSQL.")
    settings_dict = connection.settings_dict
    proxy = TcpProxy(settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432)).start()
    yield proxy
    proxy.cut()


@pytest.fixture(scope="module")
def story(database_proxy, django_db_blocker):
    """Committed content the server process can see (the test database is shared)."""
    from articles.models import Article
    from tests.factories import ArticleFactory

    with django_db_blocker.unblock():
        created = ArticleFactory(title_bg="Устойчива новина", title_en="Resilient story")
    yield created
    with django_db_blocker.unblock():
        Article.objects.filter(pk=created.pk).delete()


@pytest.fixture(scope="module")
def production_server(database_proxy, story, tmp_path_factory):
    from django.db import connection

    workdir = tmp_path_factory.mktemp("production")
    db = connection.settings_dict
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "CI", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DEBUG="0",
        SECRET_KEY="resilience-" + uuid.uuid4().hex * 2,
        DATABASE_URL=f"postgres://{db['USER']}@127.0.0.1:{database_proxy.port}/{db['NAME']}",
        DB_CONNECT_TIMEOUT="2",
        ALLOWED_HOSTS=f"{HOST},127.0.0.1",
        REDIS_URL="redis://127.0.0.1:6379/5",
        CACHE_KEY_PREFIX=f"resilience-{uuid.uuid4().hex[:8]}",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        PORT=str(port),
        WEB_CONCURRENCY="2",
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT, env=env, check=True, timeout=300,
    )  # fmt: skip
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - closed at teardown
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "-c", "gunicorn.conf.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    server = Server(port)
    deadline = time.monotonic() + 60
    while True:
        try:
            if server.get("/healthz", https=False).status == 200:
                break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log.close()
            pytest.fail("gunicorn did not start:\n" + (workdir / "gunicorn.log").read_text())
        time.sleep(0.3)
    server.log_path = workdir / "gunicorn.log"
    yield server
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()
