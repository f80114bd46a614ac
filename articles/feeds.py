"""RSS 2.0 and Atom feeds per language: the whole site, and per section, municipality and event.

Django's syndication framework, filled from `published()` in the page's language: an English
feed holds only stories with an English version. Each entry's description is the lead followed
by the story's corrections, so feed readers see them too.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _

from articles.models import SEARCH_COLUMNS, TEXT_COLUMNS, Article, Correction, linked_to
from events.models import Event
from newsroom.models import Municipality, Section, SiteSettings
from newsroom.text import label

ITEMS = 30


class LatestRss(Feed):
    feed_type = Rss201rev2Feed

    # Django's Feed announces the active language (from the URL) when `language` is unset.
    language = None

    def title(self, obj=None):
        name = SiteSettings.load().site_name
        return f"{name} — {label(obj)}" if obj is not None else name

    def description(self, obj=None):
        if obj is not None:
            return _("Latest news: %(subject)s") % {"subject": label(obj)}
        return SiteSettings.load().tagline or _("Latest news")

    subtitle = description

    def link(self, obj=None):
        return obj.get_absolute_url() if obj is not None else reverse("home")

    def filter_items(self, queryset, obj):
        return queryset

    def items(self, obj=None):
        queryset = (
            Article.objects.published()
            .in_language(translation.get_language() or settings.LANGUAGE_CODE)
            .defer(*SEARCH_COLUMNS, *TEXT_COLUMNS)  # a feed item is the headline and the lead
            .select_related("section")
            .prefetch_related(Prefetch("corrections", queryset=Correction.objects.order_by("created_at")))
            .order_by("-publish_at", "-id")
        )
        return self.filter_items(queryset, obj)[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        parts = [format_html("<p>{}</p>", item.lead)] if item.lead else []
        for correction in item.corrections.all():
            parts.append(
                format_html(
                    "<p><strong>{}</strong> ({}): {}</p>",
                    _("Correction"),
                    date_format(correction.created_at, "DATETIME_FORMAT"),
                    correction.text,
                )
            )
        return "".join(parts) or escape(item.title)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [item.section.name] if item.section_id and item.section.name else []


class LatestAtom(LatestRss):
    feed_type = Atom1Feed


class _ObjectFeedMixin:
    model = None
    related_filter = ""

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def filter_items(self, queryset, obj):
        return linked_to(queryset, self.related_filter, obj)


class SectionRss(_ObjectFeedMixin, LatestRss):
    model, related_filter = Section, "section"


class SectionAtom(SectionRss):
    feed_type = Atom1Feed


class MunicipalityRss(_ObjectFeedMixin, LatestRss):
    model, related_filter = Municipality, "municipalities"


class MunicipalityAtom(MunicipalityRss):
    feed_type = Atom1Feed


class EventRss(_ObjectFeedMixin, LatestRss):
    model, related_filter = Event, "events"


class EventAtom(EventRss):
    feed_type = Atom1Feed
