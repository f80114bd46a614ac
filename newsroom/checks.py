"""System checks for a production deployment (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def public_cache_is_shared(app_configs, **kwargs):
    """Purges bump a version in the cache; a per-process cache only hears it in one worker."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache") or backend.endswith("DummyCache"):
        return [
            Warning(
                "The public cache lives in each worker's memory: a purge after a correction "
                "reaches one gunicorn worker only, the others serve the old page until it expires.",
                hint="Set REDIS_URL so all workers share one cache.",
                id="newsroom.W001",
            )
        ]
    return []
