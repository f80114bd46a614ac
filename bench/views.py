"""The yardstick: a bare Django view returning a small constant response, routed behind the
same middleware as every page. Mounted only when NEWSROOM_BENCH=1 (see newsroom/urls.py)."""

from django.http import HttpResponse

BODY = b"<!doctype html><title>ok</title><p>ok</p>"


def bare(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")
