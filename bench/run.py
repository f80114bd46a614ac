"""Benchmarks: public pages under gunicorn with production settings, loaded by wrk from a second
process, at two archive sizes, each page uncached and cached, and a bare Django view behind the
same middleware as the yardstick. Writes bench/results/<stamp>.json and bench/results/latest.md.

    make bench                      # 1,000 and 100,000 stories
    BENCH_SIZES=200 BENCH_SECONDS=2 make bench-smoke   # what CI runs

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/newsroom_bench),
BENCH_SIZES (comma-separated story counts), BENCH_SECONDS (per run), BENCH_CONNECTIONS,
BENCH_PORT.
"""

import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PY = sys.executable

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench")
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,100000").split(",") if s.strip()]
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
PORT = int(os.environ.get("BENCH_PORT", "8181"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 2)))

# Targets from issue 6, as ratios of the bare view's throughput in the same run.
TARGETS = {
    "article": 0.12,
    "home": 0.08,
    "section": 0.08,
    "cached": 0.6,
    "growth": 0.8,
    "search_p95_ms": 150,
    "article_queries": 10,
}


def env_for(cache: bool) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
            "DATABASE_URL": DATABASE_URL,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "NEWSROOM_BENCH": "1",
            "PUBLIC_CACHE": "1" if cache else "0",
            "MEDIA_ROOT": str(ROOT / "var" / "bench-media"),
            "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
            "LOG_LEVEL": "WARNING",
            "SECURE_SSL_REDIRECT": "1",
        }
    )
    env.pop("REDIS_URL", None)
    return env


def manage(*args, env):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_for_port(port: int, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not listen on {port} within {timeout}s")


def start_gunicorn(env) -> subprocess.Popen:
    cmd = [
        str(Path(PY).with_name("gunicorn")),
        "newsroom.wsgi:application",
        "--config", str(ROOT / "gunicorn.conf.py"),
        "--bind", f"127.0.0.1:{PORT}",
        "--workers", str(WORKERS),
        "--access-logfile", "/dev/null",
    ]  # fmt: skip
    if not (ROOT / "gunicorn.conf.py").exists():
        cmd = [c for c in cmd if c not in ("--config", str(ROOT / "gunicorn.conf.py"))]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True)
    wait_for_port(PORT)
    return proc


def stop(proc: subprocess.Popen):
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def fetch(path: str) -> tuple[int, int]:
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, len(error.read())


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(output: str) -> dict:
    def latency(pct):
        m = re.search(rf"^\s*{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        return round(float(m.group(1)) * UNITS[m.group(2)], 2) if m else None

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "requests": int(total.group(1)) if total else 0,
        "p50_ms": latency(50),
        "p90_ms": latency(90),
        "p99_ms": latency(99),
        "errors": (int(non2xx.group(1)) if non2xx else 0)
        + (sum(int(x) for x in errors.groups()) if errors else 0),
    }


def wrk(path: str) -> dict:
    out = subprocess.run(
        [
            "wrk", "--latency", "-t", "1", "-c", str(CONNECTIONS), "-d", f"{SECONDS}s",
            "-H", "X-Forwarded-Proto: https", f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return parse_wrk(out)


def pages_and_queries(env) -> dict:
    """The URLs to load, and the queries each costs, measured in-process with the test client."""
    code = r"""
import json, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from bench.pages import bench_pages
client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
out = {}
for name, path in bench_pages().items():
    client.get(path)  # warm per-process caches (site strings, translations)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    out[name] = {"path": path, "status": response.status_code, "queries": len(ctx.captured_queries)}
print(json.dumps(out))
"""
    env = dict(env, PUBLIC_CACHE="0", DJANGO_SETTINGS_MODULE="newsroom.settings")
    result = subprocess.run([PY, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_size(stories: int) -> dict:
    env = env_for(cache=False)
    subprocess.run([PY, "-m", "bench.generate", "--stories", str(stories)], cwd=ROOT, env=env, check=True)
    pages = pages_and_queries(env)
    results = {"stories": stories, "pages": {}}
    for cache in (False, True):
        label = "cached" if cache else "uncached"
        proc = start_gunicorn(env_for(cache))
        try:
            bare = {"path": "/bench/bare/"}
            bare.update(wrk("/bench/bare/"))
            results.setdefault("bare", {})[label] = bare
            for name, info in pages.items():
                status, size = fetch(info["path"])
                if status != 200:
                    print(f"  skipping {name}: {info['path']} answers {status}")
                    results.setdefault("skipped", {})[name] = {"path": info["path"], "status": status}
                    continue
                fetch(info["path"])  # fill the cache when it is on
                run = wrk(info["path"])
                run.update(
                    status=status,
                    bytes=size,
                    queries=info["queries"],
                    ratio=round(run["rps"] / bare["rps"], 4) if bare["rps"] else None,
                )
                results["pages"].setdefault(name, {})[label] = run
                print(f"  {stories:>7} {label:8} {name:12} {run['rps']:8.1f} req/s  ratio {run['ratio']}")
        finally:
            stop(proc)
    return results


def summarise(runs: list[dict], meta: dict) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Run {meta['when']} on {meta['machine']} ({meta['cpus']} CPUs), gunicorn {meta['workers']} sync "
        f"workers, wrk 1 thread x {CONNECTIONS} connections x {SECONDS}s on the same machine.",
        "Throughput is also given as a ratio to a bare Django view behind the same middleware in the same run.",
        "",
    ]
    for run in runs:
        bare = run["bare"]
        lines += [
            f"## {run['stories']:,} stories",
            "",
            f"Bare view: {bare['uncached']['rps']:.0f} req/s (cache-off server), "
            f"{bare['cached']['rps']:.0f} req/s (cache-on server).",
            "",
            "| page | queries | bytes | uncached req/s | ratio | p50 ms | p99 ms | cached req/s | ratio | errors |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for name, modes in run["pages"].items():
            u, c = modes["uncached"], modes["cached"]
            lines.append(
                f"| {name} | {u['queries']} | {u['bytes']:,} | {u['rps']:.0f} | {u['ratio']} | {u['p50_ms']} | "
                f"{u['p99_ms']} | {c['rps']:.0f} | {c['ratio']} | {u['errors'] + c['errors']} |"
            )
        lines.append("")
    if len(runs) >= 2:
        small, big = runs[0], runs[-1]
        lines += [
            f"## Growth: {big['stories']:,} / {small['stories']:,} stories (uncached throughput)",
            "",
            "| page | ratio |",
            "|---|---|",
        ]
        for name in big["pages"]:
            s = small["pages"][name]["uncached"]["rps"]
            b = big["pages"][name]["uncached"]["rps"]
            lines.append(f"| {name} | {round(b / s, 3) if s else None} |")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    if not shutil.which("wrk"):
        print("bench needs wrk (Debian: apt-get install -y wrk)", file=sys.stderr)
        return 2
    env = env_for(cache=False)
    manage("migrate", "--no-input", "-v0", env=env)
    manage("collectstatic", "--no-input", "-v0", env=env)
    manage("compilemessages", "--ignore=.venv", "-v0", env=env)
    runs = [run_size(n) for n in SIZES]
    meta = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "workers": WORKERS,
        "seconds": SECONDS,
        "connections": CONNECTIONS,
        "targets": TARGETS,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (RESULTS / f"{stamp}.json").write_text(json.dumps({"meta": meta, "runs": runs}, indent=2))
    summary = summarise(runs, meta)
    (RESULTS / "latest.md").write_text(summary)
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
