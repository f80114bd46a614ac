"""`published()` is the one, time-aware gate between the newsroom and the public."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_published_with_a_past_time_is_public():
    story = ArticleFactory(publish_at=timezone.now() - timedelta(minutes=1))
    assert list(Article.objects.published()) == [story]


def test_scheduled_story_is_invisible_until_its_time():
    story = ArticleFactory(publish_at=timezone.now() + timedelta(hours=1))
    assert story.is_scheduled
    assert not Article.objects.published().exists()
    later = timezone.now() + timedelta(hours=1, seconds=1)
    assert list(Article.objects.published(at=later)) == [story]


@pytest.mark.parametrize("status", ["draft", "review", "withdrawn"])
def test_unpublished_statuses_are_never_public(status):
    ArticleFactory(status=status, publish_at=timezone.now() - timedelta(days=1))
    assert not Article.objects.published().exists()


def test_published_story_without_a_time_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(publish_at=None)


def test_draft_without_a_time_is_allowed_and_not_public():
    ArticleFactory(draft=True)
    assert Article.objects.count() == 1
    assert not Article.objects.published().exists()


def test_visible_to_gives_drafts_to_editors_and_only_published_to_the_public():
    public = ArticleFactory()
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(scheduled=True)
    editor = UserFactory()
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_article", "publish_article"])
    )
    editor = type(editor).objects.get(pk=editor.pk)  # reload to clear the permission cache
    assert set(Article.objects.visible_to(editor)) == {public, draft, scheduled}
    # Staff who may not publish see, besides the public stories, only their own unpublished ones.
    writer = UserFactory()
    writer.user_permissions.add(Permission.objects.get(codename="change_article"))
    writer = type(writer).objects.get(pk=writer.pk)
    assert set(Article.objects.visible_to(writer)) == {public}
    draft.created_by = writer
    draft.save()
    assert set(Article.objects.visible_to(writer)) == {public, draft}
    assert set(Article.objects.visible_to(AnonymousUser())) == {public}
    assert set(Article.objects.visible_to(UserFactory())) == {public}


def test_body_is_sanitized_on_save_in_both_languages():
    story = ArticleFactory(
        body_bg='<p onclick="x()">Текст</p><script>alert(1)</script>',
        body_en='<a href="javascript:alert(1)">link</a>',
    )
    story.refresh_from_db()
    assert story.body_bg == "<p>Текст</p>"
    assert "javascript" not in story.body_en
    assert "link" in story.body_en


def test_slugs_per_language_are_made_once_and_kept():
    story = ArticleFactory(title_bg="Форумът B40 започна в София", title_en="B40 forum opens in Sofia")
    assert story.slug_bg == "forumat-b40-zapochna-v-sofia"
    assert story.slug_en == "b40-forum-opens-in-sofia"
    story.title_bg = "Съвсем друго заглавие"
    story.save()
    story.refresh_from_db()
    assert story.slug_bg == "forumat-b40-zapochna-v-sofia"
