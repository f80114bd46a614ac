"""Where a page's time goes, measured in-process (no HTTP, no load): the profile the issue asks
for when a target is missed, made part of every benchmark run.

For each page, warm, over `repeat` requests through Django's test client (the whole middleware
stack, the full-page cache off): the total, the time spent waiting on PostgreSQL (every SQL
statement, timed around the driver call), the time in the template engine (minus the SQL its
tags run), and the rest: the view's Python, which is mostly the ORM building queries and model
objects, plus the middleware (the bare view shows what that costs alone).

Run by `bench.run` in a subprocess with the benchmark's settings; alone:
    DEBUG=0 SECRET_KEY=... DATABASE_URL=... PUBLIC_CACHE=0 NEWSROOM_BENCH=1 python -m bench.breakdown
"""

import json
import time

REPEAT = 30


def measure(pages: dict[str, str], repeat: int = REPEAT) -> dict:
    from django.db import connection
    from django.template.backends import django as django_backend
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clock = {"sql": 0.0, "template": 0.0, "sql_in_template": 0.0, "in_template": 0}

    def timed_sql(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - started
            clock["sql"] += spent
            if clock["in_template"]:
                clock["sql_in_template"] += spent

    original_render = django_backend.Template.render

    def timed_render(self, context=None, request=None):
        clock["in_template"] += 1
        started = time.perf_counter()
        try:
            return original_render(self, context, request)
        finally:
            clock["in_template"] -= 1
            if not clock["in_template"]:  # the outermost template only: includes are inside it
                clock["template"] += time.perf_counter() - started

    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    out = {}
    django_backend.Template.render = timed_render
    try:
        for name, path in {"bare": "/bench/bare/", **pages}.items():
            client.get(path)  # warm per-process caches (site strings, translations, templates)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            queries = len(captured.captured_queries)  # now: the next request clears the log
            for key in ("sql", "template", "sql_in_template"):
                clock[key] = 0.0
            with connection.execute_wrapper(timed_sql):
                started = time.perf_counter()
                for _ in range(repeat):
                    client.get(path)
                total = time.perf_counter() - started
            ms = {key: round(clock[key] / repeat * 1000, 2) for key in ("sql", "template", "sql_in_template")}
            total_ms = round(total / repeat * 1000, 2)
            template_ms = round(ms["template"] - ms["sql_in_template"], 2)
            out[name] = {
                "path": path,
                "status": response.status_code,
                "queries": queries,
                "time_ms": {
                    "total": total_ms,
                    "sql": ms["sql"],
                    "template": template_ms,
                    "python": round(total_ms - ms["sql"] - template_ms, 2),
                },
            }
    finally:
        django_backend.Template.render = original_render
    return out


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

    django.setup()
    from bench.pages import bench_pages

    print(json.dumps(measure(bench_pages())))
