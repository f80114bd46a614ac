"""The sites framework's one Site follows SITE_URL, so feeds and sitemaps link to the real host."""

from urllib.parse import urlsplit

from django.conf import settings


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).netloc or "127.0.0.1:8000"


def sync_site_with_settings(sender=None, using="default", **kwargs):
    """post_migrate receiver: Django creates Site 1 as example.com; make it SITE_URL's host."""
    from django.contrib.sites.models import Site

    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": site_domain(), "name": site_domain()}
    )
    Site.objects.clear_cache()


def absolute_url(path: str) -> str:
    """An absolute URL on the public site (canonical links, feeds, JSON-LD, Open Graph)."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"
