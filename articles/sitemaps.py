"""Sitemaps: an index of paged sitemaps with hreflang alternates, and a Google News sitemap.

Stories get one sitemap per language (`news-bg`, `news-en`), paged by ranges of story ids
(`IdRangePaginator`): the index needs only the largest id, not a COUNT over the archive, and
any page is one range scan of the primary key, however deep. Each story lists the languages it
exists in as alternates, plus x-default. The smaller sitemaps (sections, tags, places, people,
events) use Django's i18n mode, but count and slice their (item, language) pairs in SQL
(`LanguagePairs`) where Django would build every pair in memory just to count them.
"""

import functools
from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max, Min
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property

from articles.models import Article
from events.models import Event
from newsroom.models import Municipality, Official, Page, Section, SiteSettings, Tag

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PROTOCOL = urlsplit(settings.SITE_URL).scheme or "https"


def story_url(article, language: str) -> str:
    slug = getattr(article, f"slug_{language}", "") or getattr(article, f"slug_{settings.LANGUAGE_CODE}", "")
    return _story_pattern(language).format(pk=article.pk, slug=slug or "story")


@functools.cache
def _story_pattern(language: str) -> str:
    """The story URL with placeholders, reversed once: a sitemap page builds thousands."""
    with translation.override(language):
        url = reverse("article_detail", kwargs={"pk": 4242424242, "slug": "slug-placeholder"})
    return url.replace("4242424242", "{pk}").replace("slug-placeholder", "{slug}")


def story_languages(article) -> list[str]:
    return [code for code in LANGUAGES if getattr(article, f"title_{code}", "")]


class IdRangePaginator:
    """Stories paged by id: page N holds those of `queryset` with ids in
    (base + (N-1)*size, base + N*size], where `base` is the oldest story's id rounded down to a
    multiple of `size` (ids need not start at 1: deleted drafts, imports).

    The number of pages comes from the smallest and largest ids (one step along the primary key
    from either end), never from counting the archive, and a page is one range scan however
    deep it lies. A story stays on its page as the archive grows. A page may hold fewer than
    `size` stories (ids of drafts, of stories without this language)."""

    def __init__(self, queryset, per_page: int):
        self.queryset, self.per_page = queryset, per_page

    @cached_property
    def _range(self) -> tuple[int, int]:
        # One statement, so a story withdrawn in between cannot leave one end missing.
        bounds = self.queryset.order_by().aggregate(low=Min("id"), high=Max("id"))
        low, high = bounds["low"], bounds["high"]
        if low is None or high is None:
            return 0, 1
        base = (low - 1) // self.per_page * self.per_page
        return base, max(1, -(-(high - base) // self.per_page))

    @property
    def num_pages(self) -> int:
        return self._range[1]

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as exc:
            raise PageNotAnInteger("That page number is not an integer") from exc
        if not 1 <= number <= self.num_pages:
            raise EmptyPage("That page contains no results")
        low = self._range[0] + (number - 1) * self.per_page
        return SimpleNamespace(
            number=number,
            object_list=self.queryset.filter(id__gt=low, id__lte=low + self.per_page).order_by("id"),
        )


class LanguagePairs:
    """A queryset's (item, language) pairs, in Django's i18n sitemap order, counted and sliced
    in SQL: Django's `Sitemap._items()` builds all of them (4,000 model objects for 2,000
    officials) on every request, the index included, only to count them."""

    def __init__(self, queryset, languages: list[str]):
        self.queryset, self.languages = queryset, languages

    def count(self) -> int:
        return self.queryset.count() * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list:
        width = len(self.languages)
        start, stop = key.start or 0, key.stop
        first, last = start // width, -(-stop // width)
        pairs = [(item, code) for item in self.queryset[first:last] for code in self.languages]
        return pairs[start - first * width : stop - first * width]


class StorySitemap(Sitemap):
    limit = 2000
    protocol = PROTOCOL
    changefreq = "daily"

    def __init__(self, language: str):
        self.language = language

    def items(self):
        return (
            Article.objects.published()
            .in_language(self.language)
            .only(
                "id",
                "publish_at",
                "updated_at",
                *(f"slug_{c}" for c in LANGUAGES),
                *(f"title_{c}" for c in LANGUAGES),
            )
            .order_by("id")
        )

    def location(self, item):
        return story_url(item, self.language)

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # Without an index on updated_at, MAX() would read every story for each index request.
        return None

    @property
    def paginator(self):
        return IdRangePaginator(self.items(), self.limit)

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for info in urls:
            languages = story_languages(info["item"])
            info["alternates"] = [
                {"location": f"{protocol}://{domain}{story_url(info['item'], code)}", "lang_code": code}
                for code in languages
            ]
            if settings.LANGUAGE_CODE in languages:
                default = story_url(info["item"], settings.LANGUAGE_CODE).replace(
                    f"/{settings.LANGUAGE_CODE}/", "/", 1
                )
                info["alternates"].append(
                    {"location": f"{protocol}://{domain}{default}", "lang_code": "x-default"}
                )
        return urls


class _I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 2000
    protocol = PROTOCOL


class HomeSitemap(_I18nSitemap):
    changefreq = "hourly"

    def items(self):
        return ["home", "archive"]

    def location(self, item):
        return reverse(item)


class ModelSitemap(_I18nSitemap):
    model = None

    def items(self):
        return self.model.objects.order_by("pk")

    def _items(self):
        return LanguagePairs(self.items(), self._languages())


class SectionSitemap(ModelSitemap):
    model = Section


class TagSitemap(ModelSitemap):
    model = Tag


class MunicipalitySitemap(ModelSitemap):
    model = Municipality


class OfficialSitemap(ModelSitemap):
    model = Official


class EventSitemap(ModelSitemap):
    model = Event


class PageSitemap(ModelSitemap):
    """Standing pages exist in the languages that have a title: Django's own pairs (a handful)."""

    model = Page
    _items = Sitemap._items

    def get_languages_for_item(self, item):
        return [code for code in LANGUAGES if getattr(item, f"title_{code}", "")]

    def lastmod(self, item):
        return item.updated_at


def sitemaps() -> dict:
    maps = {f"news-{code}": StorySitemap(code) for code in LANGUAGES}
    maps.update(
        {
            "pages": HomeSitemap,
            "sections": SectionSitemap,
            "tags": TagSitemap,
            "municipalities": MunicipalitySitemap,
            "officials": OfficialSitemap,
            "events": EventSitemap,
            "about": PageSitemap,
        }
    )
    return maps


NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000


def news_sitemap(request):
    """Google News sitemap: stories of the last two days, at most 1,000, per language."""
    since = timezone.now() - NEWS_WINDOW
    site = SiteSettings.load()
    entries = []
    for code in LANGUAGES:
        remaining = NEWS_LIMIT - len(entries)
        if remaining <= 0:
            break
        stories = (
            Article.objects.published()
            .in_language(code)
            .filter(publish_at__gte=since)
            .only("id", "publish_at", f"title_{code}", *(f"slug_{c}" for c in LANGUAGES))
            .order_by("-publish_at", "-id")[:remaining]
        )
        name = getattr(site, f"site_name_{code}", "") or site.site_name_bg
        for story in stories:
            entries.append(
                {
                    "location": f"{settings.SITE_URL}{story_url(story, code)}",
                    "language": code,
                    "publication": name,
                    "published": story.publish_at,
                    "title": getattr(story, f"title_{code}"),
                }
            )
    return render(request, "sitemaps/news.xml", {"entries": entries}, content_type="application/xml")


def sitemap_section(request, section: str, sitemaps: dict):
    """One sitemap page. Story pages (thousands of URLs with alternates) are written directly:
    Django's template costs about a second per 2,000 URLs, plain string building milliseconds."""
    from django.contrib.sitemaps import views as sitemap_views
    from django.http import Http404, HttpResponse
    from django.utils.html import escape

    site_map = sitemaps.get(section)
    if not isinstance(site_map, StorySitemap):
        return sitemap_views.sitemap(request, sitemaps, section=section)
    page = request.GET.get("p", "1")
    try:
        urls = site_map.get_urls(page=page, protocol=PROTOCOL)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404(f"No page {page!r}.") from exc
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    ]
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url["lastmod"]:
            parts.append(f"<lastmod>{url['lastmod'].date().isoformat()}</lastmod>")
        parts.append(f"<changefreq>{site_map.changefreq}</changefreq>")
        for alternate in url["alternates"]:
            parts.append(
                f'<xhtml:link rel="alternate" hreflang="{alternate["lang_code"]}" '
                f'href="{escape(alternate["location"])}"/>'
            )
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return HttpResponse("".join(parts), content_type="application/xml")
