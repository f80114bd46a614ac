"""Under a story, "related" lists other published stories of the same event, place or
section, newest first - found in one query however large the archive."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from articles.templatetags.public import related_stories
from articles.views import article_queryset, load_rare_relations
from newsroom import sitewide
from tests.factories import ArticleFactory, EventFactory, MunicipalityFactory, SectionFactory

pytestmark = pytest.mark.django_db


def hours_ago(n):
    return timezone.now() - timedelta(hours=n)


def test_related_stories_are_the_newest_kin_by_event_place_or_section():
    section, other_section = SectionFactory(), SectionFactory()
    event, place = EventFactory(), MunicipalityFactory()
    story = ArticleFactory(section=section, publish_at=hours_ago(10))
    story.events.add(event)
    story.municipalities.add(place)

    same_event = ArticleFactory(section=other_section, publish_at=hours_ago(1))
    same_event.events.add(event)
    same_place = ArticleFactory(section=other_section, publish_at=hours_ago(2))
    same_place.municipalities.add(place)
    same_section = ArticleFactory(section=section, publish_at=hours_ago(3))
    older_same_section = ArticleFactory(section=section, publish_at=hours_ago(30))
    ArticleFactory(section=other_section, publish_at=hours_ago(1))  # no kin
    ArticleFactory(section=section, draft=True)
    ArticleFactory(section=section, scheduled=True)

    story = article_queryset(AnonymousUser()).get(pk=story.pk)  # as on its page
    load_rare_relations(story)
    sitewide.sections()  # the page's menu has read the sections before the related stories
    with translation.override("bg"), CaptureQueriesContext(connection) as queries:
        related = related_stories(story, limit=3)
        assert related == [same_event, same_place, same_section]
        assert [r.section.name for r in related] == [other_section.name, other_section.name, section.name]
    assert len(queries) == 1
    with translation.override("bg"):
        assert related_stories(story, limit=10) == [same_event, same_place, same_section, older_same_section]


def test_related_stories_without_the_story_pages_queryset_and_without_kin():
    place = MunicipalityFactory()
    story = ArticleFactory(section=None, publish_at=hours_ago(5))
    story.municipalities.add(place)
    neighbour = ArticleFactory(section=None, publish_at=hours_ago(1))
    neighbour.municipalities.add(place)
    loner = ArticleFactory(section=None, publish_at=hours_ago(2))
    with translation.override("bg"):
        # The admin's preview passes a plain story: its places are looked up (one more query).
        from articles.models import Article

        assert related_stories(Article.objects.get(pk=story.pk)) == [neighbour]
        # No place, no event, no section: nothing is related, and nothing is asked.
        alone = article_queryset(AnonymousUser()).get(pk=loner.pk)
        load_rare_relations(alone)
        with CaptureQueriesContext(connection) as queries:
            assert related_stories(alone) == []
        assert len(queries) == 0


def test_a_story_sharing_two_places_counts_once():
    first, second = MunicipalityFactory(), MunicipalityFactory()
    story = ArticleFactory(section=None, publish_at=hours_ago(10))
    story.municipalities.add(first, second)
    both = ArticleFactory(section=None, publish_at=hours_ago(1))
    both.municipalities.add(first, second)
    older = [ArticleFactory(section=None, publish_at=hours_ago(n)) for n in (2, 3, 4)]
    for kin in older:
        kin.municipalities.add(first)
    page_story = article_queryset(AnonymousUser()).get(pk=story.pk)
    load_rare_relations(page_story)
    with translation.override("bg"):
        assert related_stories(page_story, limit=4) == [both, *older]
