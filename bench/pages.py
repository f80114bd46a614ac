"""Which URL stands for each page type in a benchmark run, chosen from the generated data.

Search asks for a word of the seed story: the generator draws its Bulgarian text from that
story's 121 words, so the word is in most stories - the worst case for search, which must rank
nearly the whole archive."""

from urllib.parse import quote

from django.urls import NoReverseMatch, reverse
from django.utils import translation

SEARCH_WORD = "Балканите"


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
        # The generator puts the first town and the first event in 5% and 3% of stories.
        busiest_event = Event.objects.order_by("pk").first()
        pages = {
            "article": middle.get_absolute_url() if middle else None,
            "home": reverse("home"),
            "section": Section.objects.order_by("pk").first().get_absolute_url(),
            "municipality": Municipality.objects.order_by("pk").first().get_absolute_url(),
            "event": busiest_event.get_absolute_url() if busiest_event else None,
            "search": f"{_reverse('search')}?q={quote(SEARCH_WORD)}" if _reverse("search") else None,
            "rss": _reverse("feed_rss"),
            "sitemap": _reverse("sitemap_index"),
            # The first page of Bulgarian stories in the sitemap: thousands of URLs.
            "sitemap-stories": (
                reverse("django.contrib.sitemaps.views.sitemap", kwargs={"section": "news-bg"}) + "?p=1"
            ),
        }
    return {name: path for name, path in pages.items() if path}
