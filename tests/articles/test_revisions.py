"""Every save of a published story keeps a revision; editors compare any two and restore one."""

import pytest
from django.urls import reverse

from articles import services
from articles.diff import revision_diff, word_diff
from tests.factories import ArticleFactory
from tests.roles import change_data


@pytest.fixture
def story(newsroom):
    return ArticleFactory(title_bg="Кметът откри моста", body_bg="<p>Мостът е дълъг 40 метра.</p>")


def edit(story, by, **values):
    for name, value in values.items():
        setattr(story, name, value)
    return services.article_save(article=story, by=by)


def test_each_save_of_a_published_story_keeps_all_translated_fields(newsroom, story):
    edit(story, newsroom.editor, title_bg="Кметът откри новия мост")
    edit(story, newsroom.editor, title_en="The mayor opened the new bridge")
    first, second = story.revisions.order_by("number")
    assert (first.number, second.number) == (1, 2)
    assert first.data["title_bg"] == "Кметът откри новия мост"
    assert second.data["title_en"] == "The mayor opened the new bridge"
    assert set(first.data) == {f"{f}_{lang}" for f in (
        "title", "slug", "lead", "body", "dateline", "byline", "source", "background",
    ) for lang in ("bg", "en")}  # fmt: skip
    assert first.created_by == newsroom.editor


def test_drafts_keep_no_revisions(newsroom, draft):
    edit(draft, newsroom.press, title_bg="Чернова 2")
    assert not draft.revisions.exists()


def test_publishing_keeps_the_published_text_as_a_revision(newsroom, draft):
    services.article_publish(article=draft, by=newsroom.editor)
    assert draft.revisions.get().data["title_bg"] == draft.title_bg


def test_diff_is_word_by_word_on_the_text_a_reader_sees():
    chunks = word_diff("<p>Мостът е дълъг 40 метра.</p>", "<p>Мостът е дълъг 42 метра.</p>")
    assert ("delete", "40") in chunks and ("insert", "42") in chunks
    assert all("<p>" not in text for _op, text in chunks)
    assert [d.name for d in revision_diff({"title_bg": "а"}, {"title_bg": "б", "lead_en": ""})] == [
        "title_bg"
    ]


def test_editor_sees_the_list_and_a_readable_diff_between_any_two(client, newsroom, story):
    edit(story, newsroom.editor, body_bg="<p>Мостът е дълъг 42 метра.</p>")
    edit(story, newsroom.editor, title_bg="Кметът откри моста над реката")
    edit(story, newsroom.editor, lead_bg="Ново резюме.")
    client.force_login(newsroom.editor)
    url = reverse("admin:articles_article_revisions", args=[story.pk])
    html = client.get(url).content.decode()
    assert html.count('name="a"') == 3
    html = client.get(url, {"a": 1, "b": 3}).content.decode()
    assert "Changes from revision 1 to revision 3" in html
    assert "над реката</ins>" in html
    assert "<del>Кратко</del><ins>Ново</ins> резюме." in html
    html = client.get(url, {"a": 3, "b": 1}).content.decode()  # either order reads oldest → newest
    assert "Changes from revision 1 to revision 3" in html
    assert client.get(url, {"a": "x", "b": 99}).status_code == 200  # nonsense: just the list


def test_restore_brings_the_text_back_as_a_new_revision(client, newsroom, story):
    edit(story, newsroom.editor, title_bg="Първа версия")
    edit(story, newsroom.editor, title_bg="Втора версия")
    client.force_login(newsroom.editor)
    response = client.post(reverse("admin:articles_article_restore", args=[story.pk, 1]))
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.title_bg == "Първа версия"
    latest = story.revisions.first()
    assert latest.number == 3 and latest.data["title_bg"] == "Първа версия"
    assert "Restored from revision 1" in latest.note
    assert story.transitions.filter(action="restore").exists()
    assert story.revisions.count() == 3  # nothing was thrown away


def test_restore_needs_a_post(client, newsroom, story):
    edit(story, newsroom.editor, title_bg="Версия")
    client.force_login(newsroom.editor)
    assert client.get(reverse("admin:articles_article_restore", args=[story.pk, 1])).status_code == 405


def test_saving_through_the_admin_keeps_a_revision(client, newsroom, story):
    client.force_login(newsroom.editor)
    client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        change_data(story, title_bg="Заглавие от формата"),
    )
    assert story.revisions.get().data["title_bg"] == "Заглавие от формата"
