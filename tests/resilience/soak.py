"""A bounded soak: mixed public reads at many connections against gunicorn (production settings,
PostgreSQL, Redis) while an editor publishes through the service layer. It passes when no
response was a 5xx, no worker died, and the workers' memory grew less than the limit.

    python -m tests.resilience.soak --seconds 60 --connections 32   (what `make soak` runs)

The database named by SOAK_DATABASE_URL (default: newsroom_soak on the local PostgreSQL) is
created if missing, migrated and given the demo content. Load comes from wrk (a Lua script
counts every status class); workers' memory is read from /proc (VmRSS) after a warm-up and at
the end. gunicorn's worker recycling is off during the soak, or a leak would hide behind it.
"""

import argparse
import http.client
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/newsroom_soak"

WRK_SCRIPT = """
local paths = {%(paths)s}
local counter = 0
s2, s3, s4, s5, other = 0, 0, 0, 0, 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = math.random(1, #paths)
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end

function response(status, headers, body)
  if status >= 500 then s5 = s5 + 1
  elseif status >= 400 then s4 = s4 + 1
  elseif status >= 300 then s3 = s3 + 1
  elseif status >= 200 then s2 = s2 + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = {s2 = 0, s3 = 0, s4 = 0, s5 = 0, other = 0}
  for _, thread in ipairs(threads) do
    for key, _ in pairs(t) do t[key] = t[key] + thread:get(key) end
  end
  io.write(string.format("SOAK requests=%%d 2xx=%%d 3xx=%%d 4xx=%%d 5xx=%%d other=%%d errors=%%d\\n",
    summary.requests, t.s2, t.s3, t.s4, t.s5, t.other,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def log(message: str) -> None:
    print(f"soak: {message}", flush=True)


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def server_environment(database_url: str, port: int, workdir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "CI", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DEBUG="0",
        SECRET_KEY="soak-" + uuid.uuid4().hex * 2,
        DATABASE_URL=database_url,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        REDIS_URL=os.environ.get("SOAK_REDIS_URL", "redis://127.0.0.1:6379/7"),
        CACHE_KEY_PREFIX=f"soak-{uuid.uuid4().hex[:8]}",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY=os.environ.get("SOAK_WORKERS", "4"),
        GUNICORN_MAX_REQUESTS="0",
        LOG_LEVEL="WARNING",
        SITE_URL=f"http://127.0.0.1:{port}",
    )
    return env


def prepare(env: dict) -> None:
    """Migrate, load the demo and collect static files (with DEBUG on only for the loader)."""
    run = {"cwd": ROOT, "check": True, "timeout": 600}
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"], env=env, **run)
    subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        env={**env, "DEBUG": "1"},
        **run,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], env=env, **run)


def get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        return response.status, response.read().decode(errors="replace")
    finally:
        connection.close()


def start_gunicorn(env: dict, port: int, log_file) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "-c", "gunicorn.conf.py", "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("soak: gunicorn exited at start; see its log")
        try:
            if get(port, "/healthz")[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.3)
    process.kill()
    raise SystemExit("soak: gunicorn did not answer /healthz within 60 s")


def workers(master_pid: int) -> dict[int, int]:
    """{pid: RSS in kB} of the master's worker processes."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    result = {}
    for pid in map(int, children):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        rss = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
        result[pid] = int(rss.split()[1])
    return result


def public_paths(port: int) -> list[str]:
    """Pages a reader opens: home, stories, sections, places, people, feeds, sitemaps, search."""
    import re

    status, home = get(port, "/bg/")
    assert status == 200, f"home page answered {status}"
    links = sorted(set(re.findall(r'href="(/(?:bg|en)/[^"#?]+)"', home)))
    paths = ["/bg/", "/en/", "/bg/rss/", "/en/atom/", "/sitemap.xml", "/news-sitemap.xml",
             "/bg/archive/", "/bg/search/?q=%D1%84%D0%BE%D1%80%D1%83%D0%BC", "/en/search/?q=forum",
             "/robots.txt"]  # fmt: skip
    paths += [link for link in links if "/preview/" not in link][:40]
    return paths


def editor_publishing(env: dict, stop: threading.Event, counts: dict) -> None:
    """An editor writes and publishes a story every half second through the service layer."""
    code = r"""
import os, sys, time, django
django.setup()
from django.contrib.auth import get_user_model
from articles import services
from articles.models import Article
editor, _ = get_user_model().objects.get_or_create(
    username="soak-editor", defaults={"is_staff": True, "is_superuser": True})
n = 0
while not os.path.exists(sys.argv[1]):
    n += 1
    article = services.article_save(article=Article(
        title_bg=f"Новина от изпитанието {n}", title_en=f"Soak story {n}",
        lead_bg="Кратко резюме.", body_bg="<p>Текст на новината.</p>"), by=editor)
    services.article_publish(article=article, by=editor)
    if n % 5 == 0:
        services.article_withdraw(article=article, by=editor)
    print(f"PUBLISHED {n}", flush=True)
    time.sleep(0.5)
"""
    stop_file = Path(tempfile.gettempdir()) / f"soak-stop-{uuid.uuid4().hex}"
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(stop_file)],
        cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    stop.wait()
    stop_file.touch()
    out, err = process.communicate(timeout=60)
    stop_file.unlink(missing_ok=True)
    counts["published"] = sum(1 for line in out.splitlines() if line.startswith("PUBLISHED "))
    counts["editor_exit"] = process.returncode
    counts["editor_errors"] = err[-3000:]


def wrk(port: int, seconds: int, connections: int, paths: list[str], workdir: Path) -> dict:
    script = workdir / "soak.lua"
    script.write_text(WRK_SCRIPT % {"paths": ", ".join(f'"{p}"' for p in paths)})
    threads = min(4, connections)
    out = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
         "-s", str(script), f"http://127.0.0.1:{port}"],
        capture_output=True, text=True, check=True, timeout=seconds + 60,
    ).stdout  # fmt: skip
    line = next(line for line in out.splitlines() if line.startswith("SOAK "))
    return {key: int(value) for key, value in (item.split("=") for item in line.split()[1:])}


def soak(*, seconds: int, connections: int, port: int, database_url: str, max_growth: float) -> dict:
    ensure_database(database_url)
    with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        workdir = Path(tmp)
        env = server_environment(database_url, port, workdir)
        log(f"preparing {urlsplit(database_url).path.lstrip('/')} (migrate, demo, static)")
        prepare(env)
        with open(workdir / "gunicorn.log", "w") as gunicorn_log:
            process = start_gunicorn(env, port, gunicorn_log)
            try:
                paths = public_paths(port)
                warmup = max(3, seconds // 10)
                log(f"warming up for {warmup} s over {len(paths)} paths")
                wrk(port, warmup, connections, paths, workdir)
                before = workers(process.pid)
                stop, counts = threading.Event(), {}
                editor = threading.Thread(target=editor_publishing, args=(env, stop, counts))
                editor.start()
                log(f"{seconds} s at {connections} connections, an editor publishing meanwhile")
                try:
                    result = wrk(port, seconds, connections, paths, workdir)
                finally:
                    stop.set()
                    editor.join(timeout=90)
                after = workers(process.pid)
            finally:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
        server_log = (workdir / "gunicorn.log").read_text()
    growth = (sum(after.values()) - sum(before.values())) / sum(before.values())
    result.update(
        rss_before_kb=sum(before.values()),
        rss_after_kb=sum(after.values()),
        growth=round(growth, 4),
        workers_replaced=sorted(set(before) ^ set(after)),
        **counts,
    )
    problems = []
    if result["5xx"]:
        problems.append(f"{result['5xx']} responses were 5xx")
    if result["errors"]:
        problems.append(f"{result['errors']} connection errors or timeouts")
    if result["workers_replaced"]:
        problems.append("a worker died and was replaced")
    if growth >= max_growth:
        problems.append(f"worker memory grew {growth:.1%} (limit {max_growth:.0%})")
    if counts.get("editor_exit") != 0 or not counts.get("published"):
        problems.append("the editor could not publish: " + counts.get("editor_errors", ""))
    if "Traceback" in server_log:
        problems.append("gunicorn logged a traceback:\n" + server_log[-3000:])
    result["problems"] = problems
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("SOAK_SECONDS", 60)))
    parser.add_argument("--connections", type=int, default=int(os.environ.get("SOAK_CONNECTIONS", 32)))
    parser.add_argument("--port", type=int, default=int(os.environ.get("SOAK_PORT", 8106)))
    parser.add_argument("--database-url", default=os.environ.get("SOAK_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--max-growth", type=float, default=0.10)
    args = parser.parse_args(argv)
    result = soak(
        seconds=args.seconds, connections=args.connections, port=args.port,
        database_url=args.database_url, max_growth=args.max_growth,
    )  # fmt: skip
    problems = result.pop("problems")
    result.pop("editor_errors", None)
    log(" ".join(f"{key}={value}" for key, value in result.items()))
    if problems:
        for problem in problems:
            log(f"FAILED: {problem}")
        return 1
    log("passed: no 5xx, no worker lost, memory within the limit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
