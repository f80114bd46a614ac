"""Search: inflected Bulgarian forms find each other, results are ranked and highlighted safely,
English search holds only English stories, and hostile input never breaks the page."""

import pytest
from django.db import connection

from articles.models import Article
from articles.search import MAX_QUERY_LENGTH, clean_query, search, snippet
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="ranking and trigram similarity are PostgreSQL features"
)


def results(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_inflected_form_finds_the_story_in_bulgarian(client):
    story = ArticleFactory(
        title_bg="Балканските градове обсъждат енергията",
        body_bg="<p>Кметовете на градовете се срещнаха.</p>",
    )
    ArticleFactory(title_bg="Съвсем друга тема", body_bg="<p>Нищо общо.</p>")
    found = list(search(Article.objects.published(), "град", "bg"))
    assert found == [story]
    html = results(client, "/bg/search/?q=градът")
    assert story.title_bg in html and "Съвсем друга тема" not in html
    assert "<mark>градовете</mark>" in html


def test_english_search_holds_only_stories_with_an_english_version(client):
    ArticleFactory(title_bg="Форумът в София", title_en="The forum in Sofia")
    ArticleFactory(title_bg="Форумът в Пловдив", title_en="", lead_en="", body_en="")
    html = results(client, "/en/search/?q=forum")
    assert "The forum in Sofia" in html
    assert "Пловдив" not in html and "Plovdiv" not in html
    bg_html = results(client, "/bg/search/?q=форум")
    assert "Форумът в София" in bg_html and "Форумът в Пловдив" in bg_html


def test_unpublished_stories_are_never_found(client):
    ArticleFactory(title_bg="Тайна чернова за форума", draft=True)
    ArticleFactory(title_bg="Бъдеща новина за форума", scheduled=True)
    html = results(client, "/bg/search/?q=форума")
    assert "Тайна чернова" not in html and "Бъдеща новина" not in html
    assert "0 резултата" in html


def test_the_index_follows_edits():
    story = ArticleFactory(title_bg="Стара тема")
    story.title_bg = "Нова тема за училищата"
    story.save()
    assert list(search(Article.objects.published(), "училище", "bg")) == [story]
    assert list(search(Article.objects.published(), "стара", "bg")) == []


def test_snippet_is_escaped_before_highlighting():
    story = ArticleFactory(
        body_bg="<p>Текст за &lt;script&gt;alert(1)&lt;/script&gt; и градовете.</p>",
        lead_bg="",
    )
    html = snippet(story, "градове", "bg")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>градовете</mark>" in html


@pytest.mark.parametrize(
    "query",
    ["' OR 1=1--", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "x" * 10_000,
     "%00%27", "&&&|||!!!", ":*", "град & !кмет", "\\"],
)  # fmt: skip
def test_hostile_queries_get_an_ordinary_page_without_reflected_markup(client, query):
    ArticleFactory(title_bg="Новина за града")
    response = client.get("/bg/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "x" * (MAX_QUERY_LENGTH + 1) not in html


@pytest.mark.parametrize("page", ["99999999999", "-1", "abc", "0", "1.5", "٣"])
def test_absurd_page_numbers_answer_404(client, page):
    ArticleFactory(title_bg="Новина за града")
    assert client.get("/bg/search/", {"q": "град", "page": page}).status_code == 404


def test_queries_are_capped():
    assert len(clean_query("дума " * 1000)) <= MAX_QUERY_LENGTH
    assert clean_query("a\x00b\nc") == "a b c"


@postgres_only
def test_headline_matches_rank_above_body_matches():
    in_body = ArticleFactory(title_bg="Новина", body_bg="<p>Нещо за училищата в града.</p>")
    in_title = ArticleFactory(title_bg="Училищата се ремонтират", body_bg="<p>Текст.</p>")
    found = list(search(Article.objects.published(), "училища", "bg"))
    assert found == [in_title, in_body]


@postgres_only
def test_a_typo_in_a_name_still_finds_the_headline():
    story = ArticleFactory(title_bg="Надежда Чакърова говори на форума", body_bg="<p>Текст.</p>")
    assert list(search(Article.objects.published(), "Чакарова", "bg")) == [story]


def test_reindex_command_rebuilds_the_index():
    from django.core.management import call_command

    story = ArticleFactory(
        title_bg="Новина", body_bg="<p>Ремонт на училищата в града.</p>",
        title_en="News", body_en="<p>Repairs to the schools.</p>",
    )  # fmt: skip
    bg_only = ArticleFactory(title_bg="Друга новина", body_bg="<p>Нови училища.</p>", title_en="", body_en="")
    Article.objects.update(search_bg=None, search_en=None)
    assert list(search(Article.objects.published(), "училище", "bg")) == []
    call_command("reindex_search", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(search(Article.objects.published(), "училище", "bg")) == {story, bg_only}
    assert list(search(Article.objects.published(), "school", "en")) == [story]


@postgres_only
def test_only_the_newest_matches_are_ranked(monkeypatch):
    """Ranking a common word across the whole archive would read every vector."""
    from datetime import timedelta

    from django.utils import timezone

    from articles import search as search_module

    monkeypatch.setattr(search_module, "MAX_CANDIDATES", 2)
    now = timezone.now()
    old = ArticleFactory(title_bg="Училищата", publish_at=now - timedelta(days=30))
    newer = [
        ArticleFactory(title_bg="Новина за училищата", publish_at=now - timedelta(days=d)) for d in (1, 2)
    ]
    assert set(search(Article.objects.published(), "училища", "bg")) == set(newer)
    assert old not in search(Article.objects.published(), "училища", "bg")
