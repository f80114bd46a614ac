"""No lost updates: two people open the same story and both save; the second is refused with
who saved in between and a link to the newer version, and keeps their text in the form."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, ArticlePresence
from tests.roles import change_data


def opened(user, article):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    form = client.get(reverse("admin:articles_article_change", args=[article.pk])).context["adminform"].form
    return client, form["base_version"].value()


def test_second_save_is_refused_naming_who_saved_and_keeping_the_text(newsroom, draft):
    newsroom.reporter.first_name, newsroom.reporter.last_name = "Мария", "Иванова"
    newsroom.reporter.save()
    url = reverse("admin:articles_article_change", args=[draft.pk])
    first, first_version = opened(newsroom.reporter, draft)
    second, second_version = opened(newsroom.press, draft)
    assert first_version == second_version == draft.version

    response = first.post(url, change_data(draft, title_bg="Заглавие на Мария", base_version=first_version))
    assert response.status_code == 302

    response = second.post(
        url, change_data(draft, title_bg="Моето заглавие", lead_bg="Моят текст.", base_version=second_version)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Мария Иванова saved this story at" in html
    assert "NOT saved" in html
    assert f'href="{url}"' in html and "Open the newer version" in html
    assert 'value="Моето заглавие"' in html and "Моят текст." in html  # kept in the form
    assert "<del>Заглавие на Мария</del>" in html or "<del>Заглавие</del>" in html  # the difference
    draft.refresh_from_db()
    assert draft.title_bg == "Заглавие на Мария"

    # Saving again is now a knowing choice, based on the version just shown.
    form = response.context["adminform"].form
    assert int(form.data["base_version"]) == draft.version
    response = second.post(url, change_data(draft, title_bg="Моето заглавие", base_version=draft.version))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title_bg == "Моето заглавие"


def test_the_service_refuses_an_outdated_version(newsroom, draft):
    stale = Article.objects.get(pk=draft.pk)
    services.article_save(article=draft, by=newsroom.reporter, expected_version=draft.version)
    stale.title_bg = "Закъсняло"
    with pytest.raises(services.EditConflict) as caught:
        services.article_save(article=stale, by=newsroom.press, expected_version=stale.version)
    assert caught.value.current.updated_by == newsroom.reporter
    assert Article.objects.get(pk=draft.pk).title_bg != "Закъсняло"


def test_every_save_and_workflow_step_moves_the_version(newsroom, draft):
    start = draft.version
    services.article_save(article=draft, by=newsroom.press)
    services.article_publish(article=draft, by=newsroom.editor)
    draft.refresh_from_db()
    assert draft.version == start + 2


def test_change_form_shows_who_else_has_the_story_open(newsroom, draft):
    newsroom.reporter.first_name = "Мария"
    newsroom.reporter.save()
    opened(newsroom.reporter, draft)
    client, _version = opened(newsroom.press, draft)
    html = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert "Also open by:" in html and "Мария" in html
    own, _v = opened(newsroom.reporter, draft)
    assert (
        "Мария"
        not in own.get(reverse("admin:articles_article_change", args=[draft.pk]))
        .content.decode()
        .split('id="story-presence"')[1]
        .split("</div>")[0]
    )


def test_heartbeat_keeps_presence_fresh_and_leaving_clears_it(newsroom, draft):
    url = reverse("admin:articles_article_presence", args=[draft.pk])
    reporter, _v = opened(newsroom.reporter, draft)
    press, _v = opened(newsroom.press, draft)
    assert "reporter" in press.post(url).json()["html"]
    reporter.post(url, {"leave": "1"})
    assert press.post(url).json()["html"] == ""
    # Someone whose browser stopped beating fades away after a while.
    reporter.post(url)
    ArticlePresence.objects.filter(user=newsroom.reporter).update(
        seen_at=timezone.now() - timezone.timedelta(minutes=5)
    )
    assert press.post(url).json()["html"] == ""


def test_presence_of_a_forbidden_story_is_403(client, newsroom, draft):
    client.force_login(newsroom.press_other)
    assert client.post(reverse("admin:articles_article_presence", args=[draft.pk])).status_code == 403
