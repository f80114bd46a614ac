"""Every editorial action a reader can see purges the public cache, through the services.
They go through `transaction.on_commit`, as the services do.
"""

import pytest
from django.utils import timezone, translation

from articles import services
from articles.models import Article
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def editor():
    return UserFactory(is_superuser=True)


def url_of(story, language):
    with translation.override(language):
        return story.get_absolute_url()


def warm(client, story):
    pages = ["/bg/", "/en/", url_of(story, "bg"), url_of(story, "en")]
    for page in pages:
        client.get(page)
        assert client.get(page)["X-Cache"] == "HIT", page
    return pages


def assert_rebuilt(client, pages):
    for page in pages:
        assert client.get(page).get("X-Cache") != "HIT", page


def test_publishing_a_story_shows_it_on_the_next_request(client, editor, on_commit):
    ArticleFactory()
    for page in ("/bg/", "/en/"):
        client.get(page)
    story = ArticleFactory(draft=True, title_bg="Току-що публикувана", title_en="Just published")
    with on_commit(execute=True):
        services.article_publish(article=story, by=editor)
    assert "Току-що публикувана" in client.get("/bg/").content.decode()
    assert "Just published" in client.get("/en/").content.decode()


def test_editing_a_published_story_purges_its_pages(client, editor, on_commit):
    story = ArticleFactory(title_bg="Преди редакцията")
    pages = warm(client, story)
    story.title_bg = "След редакцията"
    with on_commit(execute=True):
        services.article_save(article=story, by=editor)
    assert_rebuilt(client, pages)
    assert "След редакцията" in client.get(url_of(story, "bg")).content.decode()


def test_a_correction_purges_the_story_pages(client, editor, on_commit):
    story = ArticleFactory()
    pages = warm(client, story)
    with on_commit(execute=True):
        services.article_correct(article=story, by=editor, text_bg="Поправка: датата е 25 февруари.")
    assert_rebuilt(client, pages)


def test_withdrawing_a_story_removes_it_everywhere_at_once(client, editor, on_commit):
    story = ArticleFactory(title_bg="Оттеглена новина", title_en="Withdrawn story")
    pages = warm(client, story)
    with on_commit(execute=True):
        services.article_withdraw(article=story, by=editor)
    assert Article.objects.get(pk=story.pk).publish_at <= timezone.now()
    assert "Оттеглена новина" not in client.get("/bg/").content.decode()
    assert "Withdrawn story" not in client.get("/en/").content.decode()
    assert client.get(pages[2]).status_code == 404
