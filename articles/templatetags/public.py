"""Template tags of the public pages.

They work from the objects alone (an `article`, the `request`), so the admin's preview can
render `articles/article_detail.html` with nothing but the article: prefetched relations are
used when the view prefetched them, and queried otherwise.
"""

import functools
import json
import operator

from django import template
from django.conf import settings
from django.db import connection
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import newest
from articles.models import SEARCH_COLUMNS, TEXT_COLUMNS, Article, attach_sections
from newsroom import sitewide
from newsroom.models import Page
from newsroom.sites import absolute_url
from newsroom.templatetags.pictures import rendition_url
from newsroom.text import label as object_label

register = template.Library()

LANGUAGE_NAMES = {"bg": "Български", "en": "English"}

# json.dumps leaves <, > and & alone; inside <script> they could end it early.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def label(obj):
    return object_label(obj)


@register.filter
def absolute(path):
    return absolute_url(str(path or ""))


def _article_in(article, language: str) -> str:
    slug = getattr(article, f"slug_{language}", "") or getattr(article, f"slug_{settings.LANGUAGE_CODE}", "")
    with translation.override(language):
        return reverse("article_detail", kwargs={"pk": article.pk, "slug": slug or "story"})


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """Each language's address of this page, and whether the item exists in it.

    A story without English links to its English address, which explains that it is not
    available and links the Bulgarian original; such a link is never an hreflang alternate.
    """
    request = context.get("request")
    article = context.get("article")
    current = translation.get_language()
    alternates = []
    for code, _name in settings.LANGUAGES:
        if isinstance(article, Article) and article.pk:
            url, available = _article_in(article, code), article.has_language(code)
        else:
            page = context.get("page")
            path = request.path if request is not None else "/"
            try:
                url = translate_url(path, code)
            except NoReverseMatch:
                url = path
            available = not isinstance(page, Page) or bool(getattr(page, f"title_{code}", ""))
        alternates.append(
            {"code": code, "name": LANGUAGE_NAMES.get(code, code), "url": url, "available": available,
             "current": code == current}
        )  # fmt: skip
    return alternates


@register.simple_tag
def officials_with_roles(article):
    """The officials a story quotes, each with the role held on the story's date."""
    day = article.publish_at.date() if article.publish_at else None
    result = []
    for official in article.officials.all():
        mandates = [
            m
            for m in official.mandates.all()
            if day is None or (m.start <= day and (m.end is None or m.end >= day))
        ]
        mandates.sort(key=lambda m: (m.position, -m.start.toordinal()))
        result.append({"official": official, "mandate": mandates[0] if mandates else None})
    return result


@register.simple_tag
def related_stories(article, limit=4):
    """Other stories of the same event, municipality or section, newest first: one query on
    the story page (whose queryset annotates the story's places), two elsewhere.

    Each kind of kinship gives its own newest few (`articles.newest.related_ids`), and the
    union of those is sorted: the cost does not grow with the archive, where a single OR over
    the three would join every published story first."""
    if not article.pk:
        return []
    language = translation.get_language() or settings.LANGUAGE_CODE
    events = [e.pk for e in article.events.all()]
    if connection.vendor == "postgresql":
        places = getattr(article, "place_ids", None)  # annotated by the story page's queryset
        if places is None:
            places = list(article.municipalities.values_list("pk", flat=True))
        ids = newest.related_ids(article, language, limit, events, places)
        if ids is None:
            return []
    else:  # SQLite: no LIMIT inside a UNION; one OR over the three (fine at a test's size)
        others = Article.objects.published().in_language(language).exclude(pk=article.pk)
        kin = [others.filter(municipalities__in=article.municipalities.values("pk"))]
        if events:
            kin.append(others.filter(events__in=events))
        if article.section_id:
            kin.append(others.filter(section_id=article.section_id))
        ids = functools.reduce(operator.or_, kin).values("pk").distinct()
    return attach_sections(
        Article.objects.filter(pk__in=ids)
        .defer(*SEARCH_COLUMNS, *TEXT_COLUMNS)
        .order_by("-publish_at", "-id")[:limit]
    )


@register.simple_tag
def footer_pages():
    language = translation.get_language() or settings.LANGUAGE_CODE
    pages = sitewide.cached(
        "pages", lambda: list(Page.objects.only("kind", *(f"title_{c}" for c, _n in settings.LANGUAGES)))
    )
    return [p for p in pages if getattr(p, f"title_{language}", "")]


def first_photo(article):
    links = list(article.article_photos.all())
    return links[0].photo if links else None


@register.simple_tag
def og_image(article):
    photo = first_photo(article)
    if photo is None:
        return None
    og = (photo.renditions or {}).get("og")
    return {
        "url": absolute_url(rendition_url(photo, "og")),
        "width": og["width"] if og else photo.width,
        "height": og["height"] if og else photo.height,
        "alt": photo.alt_text,
    }


@register.simple_tag(takes_context=True)
def article_jsonld(context, article):
    """schema.org NewsArticle as <script type="application/ld+json">: data, not script (CSP)."""
    site = context.get("site_settings")
    site_name = site.site_name if site else ""
    language = translation.get_language() or settings.LANGUAGE_CODE
    image = og_image(article)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title or "",
        "description": article.lead or "",
        "inLanguage": language,
        "mainEntityOfPage": absolute_url(_article_in(article, language)),
        "datePublished": article.publish_at.isoformat() if article.publish_at else None,
        "dateModified": (article.updated_at or article.publish_at).isoformat()
        if article.publish_at
        else None,
        "author": [{"@type": "Organization", "name": site_name}]
        if not article.byline
        else [{"@type": "Person", "name": article.byline}],
        "publisher": {"@type": "Organization", "name": site_name, "url": absolute_url("/")},
    }
    if article.section_id and article.section:
        data["articleSection"] = article.section.name
    if image:
        data["image"] = [image["url"]]
    data = {key: value for key, value in data.items() if value not in (None, "")}
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.filter
def xdefault(path):
    """The unprefixed address, which redirects by the browser's language: hreflang x-default."""
    prefix = f"/{settings.LANGUAGE_CODE}/"
    return "/" + path[len(prefix) :] if str(path).startswith(prefix) else path


@register.simple_tag
def site_sections():
    return sitewide.sections()


@register.filter
def initials(value):
    """The editor's signature: Cyrillic initials on Bulgarian pages, transliterated elsewhere."""
    from newsroom.text import transliterate

    language = translation.get_language() or settings.LANGUAGE_CODE
    return value if language == settings.LANGUAGE_CODE else transliterate(value)
