"""Which URL stands for each page type in a benchmark run, chosen from the generated data."""

from django.urls import NoReverseMatch, reverse
from django.utils import translation


def _reverse(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def bench_pages() -> dict[str, str]:
    from articles.models import Article
    from events.models import Event
    from newsroom.models import Municipality, Section

    with translation.override("bg"):
        published = Article.objects.published().order_by("-publish_at")
        middle = published[published.count() // 2] if published.exists() else None
        busiest_event = Event.objects.order_by("pk").first()
        pages = {
            "article": middle.get_absolute_url() if middle else None,
            "home": reverse("home"),
            "section": Section.objects.order_by("pk").first().get_absolute_url(),
            "municipality": Municipality.objects.order_by("pk").first().get_absolute_url(),
            "event": busiest_event.get_absolute_url() if busiest_event else None,
            "search": (_reverse("search") or "") + "?q=" + "сътрудничество" if _reverse("search") else None,
            "rss": _reverse("feed_rss") or _reverse("feed_latest_rss") or _reverse("rss"),
            "sitemap": "/sitemap.xml",
        }
    return {name: path for name, path in pages.items() if path}
