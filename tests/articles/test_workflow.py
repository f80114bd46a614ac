"""The editorial workflow: every transition, its record, its e-mail, and what the public sees."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from articles import services
from articles.models import Article, ArticleTransition
from tests.factories import ArticleFactory, EventFactory, TagFactory

Action = ArticleTransition.Action


def test_submit_moves_a_draft_to_review_records_it_and_tells_the_editors(
    newsroom, draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.article_submit(article=draft, by=newsroom.press, note="Моля, до 16 ч.")
    draft.refresh_from_db()
    assert draft.status == "review"
    step = draft.transitions.get(action=Action.SUBMIT)
    assert (step.by, step.from_status, step.to_status, step.note) == (
        newsroom.press, "draft", "review", "Моля, до 16 ч.",
    )  # fmt: skip
    assert step.at <= timezone.now()
    [message] = mail.outbox
    assert sorted(message.to) == ["editor@example.com", "site-admin@example.com"]  # editors, not authors
    assert draft.title_bg in message.subject
    assert "Моля, до 16 ч." in message.body
    assert f"/admin/articles/article/{draft.pk}/change/" in message.body


def test_no_mail_is_sent_when_the_transaction_rolls_back(newsroom, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.article_submit(article=draft, by=newsroom.press)
    assert mail.outbox == [] and len(callbacks) == 1


def test_send_back_returns_the_story_to_draft_and_mails_the_author_the_note(
    newsroom, draft, django_capture_on_commit_callbacks
):
    services.article_submit(article=draft, by=newsroom.reporter)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_send_back(article=draft, by=newsroom.editor, note="Липсва цитат на кмета.")
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert draft.transitions.filter(action=Action.SEND_BACK, from_status="review", to_status="draft").exists()
    [message] = mail.outbox
    assert message.to == [newsroom.reporter.email]
    assert "Липсва цитат на кмета." in message.body


def test_publish_now_makes_the_story_public_mails_the_author_and_purges_the_cache(
    client, newsroom, draft, django_capture_on_commit_callbacks
):
    services.article_submit(article=draft, by=newsroom.reporter)
    with (
        mock.patch("articles.services.purge_public_pages") as purge,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.article_publish(article=draft, by=newsroom.editor, note="Браво.")
    draft.refresh_from_db()
    assert draft.status == "published" and draft.publish_at <= timezone.now()
    assert purge.called
    assert draft.transitions.filter(action=Action.PUBLISH, from_status="review").exists()
    [message] = mail.outbox
    assert message.to == [newsroom.reporter.email] and "Браво." in message.body
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_cache_is_purged_only_after_commit(newsroom, draft, django_capture_on_commit_callbacks):
    with (
        mock.patch("articles.services.purge_public_pages") as purge,
        django_capture_on_commit_callbacks(execute=False) as callbacks,
    ):
        services.article_publish(article=draft, by=newsroom.editor)
        assert not purge.called
    for callback in callbacks:
        callback()
    assert purge.called


@pytest.mark.parametrize(
    "service",
    [
        lambda a, ed: services.article_save(article=a, by=ed),
        lambda a, ed: services.article_correct(article=a, by=ed, text_bg="Поправка."),
        lambda a, ed: services.article_withdraw(article=a, by=ed),
    ],
    ids=["edit", "correct", "withdraw"],
)
def test_changes_readers_see_purge_the_public_cache(newsroom, service, django_capture_on_commit_callbacks):
    story = ArticleFactory(owner_municipality=newsroom.stara_zagora)
    with (
        mock.patch("articles.services.purge_public_pages") as purge,
        django_capture_on_commit_callbacks(execute=True),
    ):
        service(story, newsroom.editor)
    assert purge.called


def test_editing_a_draft_does_not_purge_the_public_cache(newsroom, draft, django_capture_on_commit_callbacks):
    with (
        mock.patch("articles.services.purge_public_pages") as purge,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.article_save(article=draft, by=newsroom.press)
    assert not purge.called


def test_withdraw_takes_the_story_off_the_public_site(client, newsroom, django_capture_on_commit_callbacks):
    story = ArticleFactory()
    assert client.get(story.get_absolute_url()).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the cache purge runs after commit
        services.article_withdraw(article=story, by=newsroom.editor, note="Грешна информация.")
    story.refresh_from_db()
    assert story.status == "withdrawn"
    assert story.transitions.get().note == "Грешна информация."
    assert client.get(story.get_absolute_url()).status_code == 404


def test_correction_is_public_timed_and_recorded(newsroom):
    story = ArticleFactory()
    correction = services.article_correct(
        article=story, by=newsroom.editor, text_bg="Датата е 25 февруари.", text_en="The date is 25 February."
    )
    assert list(story.corrections.all()) == [correction]
    assert correction.created_by == newsroom.editor and correction.created_at <= timezone.now()
    assert story.transitions.filter(action=Action.CORRECT).exists()


def test_empty_correction_is_refused_with_a_message(newsroom):
    with translation.override("en"), pytest.raises(ValidationError, match="at least in Bulgarian"):
        services.article_correct(article=ArticleFactory(), by=newsroom.editor, text_bg="  ")


@pytest.mark.parametrize(
    ("service", "status"),
    [
        (services.article_submit, "review"),
        (services.article_submit, "published"),
        (services.article_send_back, "draft"),
        (services.article_withdraw, "draft"),
        (services.article_withdraw, "withdrawn"),
        (services.article_publish, "withdrawn"),
    ],
)
def test_moves_the_workflow_does_not_allow_are_refused(newsroom, service, status):
    story = ArticleFactory(status=status, publish_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(ValidationError):
        service(article=story, by=newsroom.editor)
    story.refresh_from_db()
    assert story.status == status


def test_a_live_story_cannot_be_published_again(newsroom):
    with translation.override("en"), pytest.raises(ValidationError, match="already published"):
        services.article_publish(article=ArticleFactory(), by=newsroom.editor)


def test_admin_workflow_pages_run_each_transition_and_show_the_history(client, newsroom, draft):
    client.force_login(newsroom.press)
    change = reverse("admin:articles_article_change", args=[draft.pk])
    html = client.get(change).content.decode()
    assert "Submit for review" in html and "Publish or schedule" not in html
    client.post(reverse("admin:articles_article_workflow", args=[draft.pk, "submit"]), {"note": "Готово."})
    client.force_login(newsroom.editor)
    html = client.get(change).content.decode()
    assert "Send back to draft" in html and "Publish or schedule" in html
    assert "Готово." in html  # the history inline
    response = client.post(
        reverse("admin:articles_article_workflow", args=[draft.pk, "publish"]), {"note": ""}, follow=True
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == "published"
    assert "Withdraw" in response.content.decode()
    assert [t.action for t in draft.transitions.order_by("at", "id")] == ["submit", "publish"]


# --- scheduling ------------------------------------------------------------------------------


def test_scheduling_is_publishing_with_a_future_time(newsroom, draft, django_capture_on_commit_callbacks):
    at = timezone.now() + timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article=draft, by=newsroom.editor, at=at)
    draft.refresh_from_db()
    assert (draft.status, draft.publish_at, draft.is_scheduled) == ("published", at, True)
    with translation.override("en"):
        assert draft.workflow_label == "Scheduled"
    assert draft.transitions.filter(action=Action.SCHEDULE).exists()
    # Mail goes out in the site's language, Bulgarian, with the Sofia time.
    local = timezone.localtime(at).strftime("%d.%m.%Y %H:%M")
    assert mail.outbox[0].subject.startswith("Насрочен:")
    assert f"насрочен за {local}" in mail.outbox[0].body


def test_a_scheduled_story_can_be_re_timed_until_it_goes_live(newsroom, draft):
    services.article_publish(article=draft, by=newsroom.editor, at=timezone.now() + timedelta(hours=3))
    later = timezone.now() + timedelta(days=1)
    services.article_publish(article=draft, by=newsroom.editor, at=later)
    draft.refresh_from_db()
    assert draft.publish_at == later


def test_scheduled_story_is_invisible_on_every_public_page_until_its_time(client, newsroom, draft):
    tag, event = TagFactory(), EventFactory()
    draft.tags.add(tag)
    draft.events.add(event)
    draft.municipalities.add(newsroom.stara_zagora)
    at = timezone.now() + timedelta(hours=2)
    services.article_publish(article=draft, by=newsroom.editor, at=at)
    with translation.override("bg"):
        page = draft.get_absolute_url()
        lists = [
            reverse("home"),
            draft.section.get_absolute_url(),
            tag.get_absolute_url(),
            event.get_absolute_url(),
            newsroom.stara_zagora.get_absolute_url(),
        ]
    title = draft.title_bg
    assert client.get(page).status_code == 404
    for path in lists:
        assert title not in client.get(path).content.decode(), path

    with mock.patch("django.utils.timezone.now", return_value=at + timedelta(seconds=1)):
        assert client.get(page).status_code == 200
        for path in lists:
            assert title in client.get(path).content.decode(), path


def test_changelist_labels_a_scheduled_story_and_filters_by_it(client, newsroom):
    ArticleFactory(scheduled=True, title_bg="Утрешна новина", title_en="Tomorrow's story")
    ArticleFactory(title_bg="Днешна новина", title_en="Today's story")
    client.force_login(newsroom.editor)
    changelist = reverse("admin:articles_article_changelist")
    html = client.get(changelist).content.decode()
    assert "Scheduled for" in html
    html = client.get(changelist, {"workflow": "scheduled"}).content.decode()
    assert "Tomorrow&#x27;s story" in html and "Today&#x27;s story" not in html
    html = client.get(changelist, {"workflow": "live"}).content.decode()
    assert "Today&#x27;s story" in html and "Tomorrow&#x27;s story" not in html


def test_changelist_shows_and_filters_missing_english(client, newsroom):
    ArticleFactory(title_bg="Само на български", title_en="")
    ArticleFactory(title_bg="На два езика", title_en="In two languages")
    client.force_login(newsroom.editor)
    changelist = reverse("admin:articles_article_changelist")
    html = client.get(changelist).content.decode()
    assert html.count('class="missing-english"') == 1
    html = client.get(changelist, {"english": "missing"}).content.decode()
    assert "Само на български" in html and "На два езика" not in html


def test_publish_page_shows_the_pre_publish_checks(client, newsroom, draft):
    draft.title_en = ""
    draft.section = None
    draft.dateline_bg = ""
    draft.lead_bg = "д" * 301
    draft.save()
    client.force_login(newsroom.editor)
    html = client.get(reverse("admin:articles_article_workflow", args=[draft.pk, "publish"])).content.decode()
    for warning in (
        "There is no English version.",
        "The story has no section.",
        "The dateline is missing.",
        "lead is 301 characters long",
    ):
        assert warning in html


def test_bulk_publish_asks_first_showing_the_checks(client, newsroom, draft):
    client.force_login(newsroom.editor)
    changelist = reverse("admin:articles_article_changelist")
    response = client.post(changelist, {"action": "publish_selected", "_selected_action": [draft.pk]})
    assert response.status_code == 200 and "Yes, publish them now" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"
    client.post(changelist, {"action": "publish_selected", "_selected_action": [draft.pk], "confirm": "yes"})
    draft.refresh_from_db()
    assert draft.status == "published"


def test_mail_failure_does_not_undo_the_step(newsroom, draft, django_capture_on_commit_callbacks):
    with (
        mock.patch("articles.notifications.send_mail", side_effect=OSError("smtp down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.article_submit(article=draft, by=newsroom.press)
    assert Article.objects.get(pk=draft.pk).status == "review"
