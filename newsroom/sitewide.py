"""Site-wide lists every public page shows (the site strings, the section menu, the footer's
standing pages): read from the cache, not the database, on each page.

They live under the public cache's version, so whatever makes cached pages stale (an admin
save of a section, a page or the site settings purges it) makes these stale too; a save from
anywhere else (shell, fixtures, a migration) drops them through a signal. A cache that is down
only means one query each, as before.
"""

import logging

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from newsroom.cache import public_cache_version

logger = logging.getLogger(__name__)

KEY_PREFIX = "newsroom:sitewide"
SECONDS = 3600


def _key(name: str, version: int) -> str:
    return f"{KEY_PREFIX}:{version}:{name}"


def cached(name: str, build):
    """`build()`'s value, kept in the cache until the next purge (or an hour)."""
    version = public_cache_version()
    if not version:
        return build()
    key = _key(name, version)
    try:
        value = cache.get(key)
    except Exception:  # noqa: BLE001 - a cache that is down means a query, never an error page
        return build()
    if value is None:
        value = build()
        try:
            cache.set(key, value, timeout=SECONDS)
        except Exception:  # noqa: BLE001
            logger.warning("could not keep %s in the cache", name)
    return value


def forget(name: str) -> None:
    try:
        cache.delete(_key(name, public_cache_version()))
    except Exception:  # noqa: BLE001
        logger.warning("could not drop %s from the cache", name)


def forget_on_change(model, name: str) -> None:
    """Drop the cached `name` whenever a `model` row is saved or deleted."""

    def receiver(sender, **kwargs):
        forget(name)

    uid = f"sitewide-{name}-{model._meta.label_lower}"
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=uid + "-delete")


def sections() -> list:
    """The sections, in menu order: the menu on every page, the front page's blocks."""
    from newsroom.models import Section

    return cached("sections", lambda: list(Section.objects.all()))
