"""The public cache: whole public pages and feeds, purged at once by bumping a version.

A public view opts in by being wrapped in `public_page` where it is routed::

    path("", public_page(views.HomeView.as_view()), name="home"),
    path("feed/", public_page(LatestStoriesFeed()), name="feed"),

Then, for GET and HEAD from anyone not signed in, the response is kept in the cache (Redis
when REDIS_URL is set) under a key made of `public_cache_version()`, the language, the host and
the full path; it gets an ETag and a Last-Modified (so browsers revalidate with 304s) and a
Cache-Control fit for a CDN. Signed-in users (staff) bypass it both ways: they neither read
nor fill it, and their responses are marked private.

Services call `purge_public_pages()` (through `transaction.on_commit`) after any editorial
change a reader could see: publish, edit of a published story, correction, withdrawal. The
version changes, so every page and feed in both languages is rebuilt on its next request, and
the CDN is told to purge (CDN_PURGE_URL).

Scheduled stories appear without a purge: apps register a function giving the next time
their public content changes by itself (`register_schedule`), and no cached copy - ours, a
browser's or the CDN's - lives past it.

PUBLIC_CACHE=0 (settings.PUBLIC_CACHE_ENABLED) switches all of this off: the view answers
as if it were not wrapped (the benchmark's uncached runs).

A cache that is down must never break a page: every cache error is swallowed and the page is
served uncached.
"""

import hashlib
import json
import logging
import math
import urllib.request
from collections.abc import Callable
from datetime import datetime
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

logger = logging.getLogger(__name__)

VERSION_KEY = "newsroom:public-version"
PAGE_KEY_PREFIX = "newsroom:public-page"
CACHE_STATUS_HEADER = "X-Cache"
# Headers of the view's own response worth keeping with the cached body.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Link")

# The cache's clock (seconds since the epoch); one name so a test can move it.


def _clock() -> float:
    """Seconds since the epoch by Django's clock, the one `published()` reads: a scheduled
    story and the expiry of the pages that will list it follow the same time."""
    return timezone.now().timestamp()


_schedules: list[Callable[[], datetime | None]] = []


def register_schedule(next_change: Callable[[], datetime | None]) -> None:
    """Register a function giving the next time public content changes on its own (or None)."""
    if next_change not in _schedules:
        _schedules.append(next_change)


def _cache_down(exc: Exception) -> None:
    # One line per request, no traceback: while Redis is down this is logged on every page.
    logger.warning("public cache unavailable, serving uncached: %s: %s", type(exc).__name__, exc)


def public_cache_version() -> int:
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, 1, timeout=None)
            version = cache.get(VERSION_KEY) or 1
        return int(version)
    except Exception as exc:  # noqa: BLE001 - any cache failure means "no cache", never an error page
        _cache_down(exc)
        return 0


def purge_public_pages() -> None:
    """Make every cached public page and feed stale, in both languages, here and at the CDN."""
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            cache.set(VERSION_KEY, 2, timeout=None)
    except Exception:  # noqa: BLE001
        logger.error("could not purge the public cache", exc_info=True)
    purge_cdn()


def purge_cdn() -> None:
    """POST to CDN_PURGE_URL (bearer CDN_PURGE_TOKEN) so the CDN drops its copies; never raises."""
    url = settings.CDN_PURGE_URL
    if not url:
        return
    headers = {"Content-Type": "application/json"}
    if settings.CDN_PURGE_TOKEN:
        headers["Authorization"] = f"Bearer {settings.CDN_PURGE_TOKEN}"
    body = json.dumps({"purge": "everything", "site": settings.SITE_URL}).encode()
    try:
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        with urllib.request.urlopen(request, timeout=3) as response:  # noqa: S310 - URL from settings
            response.read()
    except Exception:  # noqa: BLE001 - a CDN that is down must not undo an editor's action
        logger.warning("CDN purge failed: %s", url, exc_info=True)


def seconds_to_live(now: datetime | None = None) -> int:
    """How long a public page may be kept: the configured time, cut short by the next scheduled
    change (a story's publish time) so it appears on time."""
    now = now or timezone.now()
    ttl = settings.PUBLIC_CACHE_SECONDS
    for next_change in _schedules:
        when = next_change()
        if when is not None:
            ttl = min(ttl, math.ceil((when - now).total_seconds()))
    return max(ttl, 0)


def _signed_in(request) -> bool:
    # Only a request with a session cookie can be signed in; looking no further for the others
    # keeps the session untouched, so public responses carry no "Vary: Cookie".
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated


def _page_key(request, version: int) -> str:
    location = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(location.encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}:{version}:{translation.get_language()}:{digest}"


def _cacheable(request, response) -> bool:
    """Only a plain 200 that is the same for every reader may be shared."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Vary") and "cookie" in response["Vary"].lower():
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    # A CSRF token or a CSP nonce in the page belongs to one reader and one response.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "_csp_nonce", None):
        return False
    return True


def _lifetimes(response, seconds_left: int) -> None:
    patch_cache_control(
        response,
        public=True,
        max_age=min(settings.PUBLIC_CACHE_MAX_AGE, seconds_left),
        s_maxage=min(settings.PUBLIC_CACHE_S_MAXAGE, seconds_left),
    )


def _from_entry(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"])
    for header, value in entry["headers"]:
        response[header] = value
    return response


def public_page(view):
    """Cache a public view's responses for readers who are not signed in (see module docs)."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not settings.PUBLIC_CACHE_ENABLED:
            return view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if _signed_in(request):
            response = _render(view(request, *args, **kwargs))
            patch_cache_control(response, private=True, no_cache=True)
            response[CACHE_STATUS_HEADER] = "BYPASS"
            return response

        version = public_cache_version()
        key = _page_key(request, version) if version else None
        if key:
            try:
                entry = cache.get(key)
            except Exception as exc:  # noqa: BLE001
                _cache_down(exc)
                entry, key = None, None
            if entry is not None and entry["expires"] > _clock():
                response = _from_entry(entry)
                _lifetimes(response, math.floor(entry["expires"] - _clock()))
                response[CACHE_STATUS_HEADER] = "HIT"
                return response

        response = _render(view(request, *args, **kwargs))
        if not key or request.method != "GET" or not _cacheable(request, response):
            return response
        try:
            ttl = seconds_to_live()
        except DatabaseError:
            return response
        if ttl <= 0:
            return response
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date()
        entry = {
            "content": response.content,
            "status": response.status_code,
            "headers": [(h, response[h]) for h in (*KEPT_HEADERS, "ETag", "Last-Modified") if h in response],
            # Kept with the entry as well as given to the cache: expiry holds on any backend.
            "expires": _clock() + ttl,
        }
        try:
            cache.set(key, entry, timeout=ttl)
        except Exception as exc:  # noqa: BLE001
            _cache_down(exc)
            return response
        _lifetimes(response, ttl)
        response[CACHE_STATUS_HEADER] = "MISS"
        return response

    return cached_view


def _render(response):
    if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
        response.render()
    return response
