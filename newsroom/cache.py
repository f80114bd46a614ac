"""The public cache's version: bumping it purges every cached public page and feed at once.

Services call `purge_public_pages()` (through `transaction.on_commit`) after any editorial
change a reader could see: publish, edit of a published story, correction, withdrawal. Cache
keys of public pages include `public_cache_version()`, so old entries are never read again and
expire on their own. A cache that is down must never break a page: both functions swallow
cache errors (the page is then simply not cached).
"""

import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)

VERSION_KEY = "newsroom:public-version"


def public_cache_version() -> int:
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, 1, timeout=None)
            version = cache.get(VERSION_KEY) or 1
        return int(version)
    except Exception:  # noqa: BLE001 - any cache failure means "no cache", never an error page
        logger.warning("public cache unavailable; serving uncached", exc_info=True)
        return 0


def purge_public_pages() -> None:
    """Make every cached public page and feed stale, in both languages."""
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            cache.set(VERSION_KEY, 2, timeout=None)
    except Exception:  # noqa: BLE001
        logger.warning("could not purge the public cache", exc_info=True)
