"""The permission matrix: each role × each action, through the admin's own URLs (direct POSTs
included) and through the services. A refused action changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, Correction
from tests.factories import ArticleFactory
from tests.roles import change_data

ROLES = ["press", "press_other", "reporter", "reporter_other", "editor", "site_admin"]
EDITORS = {"editor", "site_admin"}
# Who may open and edit the Stara Zagora draft written by `reporter`.
DRAFT_TEAM = {"press", "reporter"} | EDITORS


def url(name, article, *args):
    return reverse(f"admin:articles_article_{name}", args=[article.pk, *args])


def login(client, newsroom, role):
    client.force_login(getattr(newsroom, role))
    return client


@pytest.fixture
def in_review(newsroom):
    return ArticleFactory(
        status=Article.Status.REVIEW, publish_at=None, owner_municipality=newsroom.stara_zagora,
        created_by=newsroom.press,
    )  # fmt: skip


@pytest.fixture
def live(newsroom):
    return ArticleFactory(owner_municipality=newsroom.stara_zagora, created_by=newsroom.press)


# --- seeing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_changelist_shows_only_the_stories_a_role_may_work_on(client, newsroom, draft, role):
    sofia_draft = ArticleFactory(draft=True, owner_municipality=newsroom.sofia)
    response = login(client, newsroom, role).get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    shown = set(response.context["cl"].queryset)
    assert (draft in shown) == (role in DRAFT_TEAM)
    assert (sofia_draft in shown) == (role in EDITORS | {"press_other"})


@pytest.mark.parametrize("role", ROLES)
def test_change_page_of_a_forbidden_story_is_403(client, newsroom, draft, role):
    response = login(client, newsroom, role).get(url("change", draft))
    assert response.status_code == (200 if role in DRAFT_TEAM else 403)


def test_press_officer_never_sees_another_municipalitys_unpublished_story(client, newsroom):
    sofia = ArticleFactory(draft=True, owner_municipality=newsroom.sofia, title_bg="Тайна софийска")
    in_review = ArticleFactory(status="review", publish_at=None, owner_municipality=newsroom.sofia)
    scheduled = ArticleFactory(scheduled=True, owner_municipality=newsroom.sofia)
    client.force_login(newsroom.press)
    assert "Тайна софийска" not in client.get(reverse("admin:articles_article_changelist")).content.decode()
    for story in (sofia, in_review, scheduled):
        assert client.get(url("change", story)).status_code == 403
        assert client.get(story.get_absolute_url()).status_code == 404  # nor on the public page
        assert client.get(url("history", story)).status_code == 403
    assert set(Article.objects.visible_to(newsroom.press)) == set()


# --- editing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_direct_post_to_edit_a_draft_obeys_the_matrix(client, newsroom, draft, role):
    response = login(client, newsroom, role).post(url("change", draft), change_data(draft, title_bg="Нов"))
    draft.refresh_from_db()
    if role in DRAFT_TEAM:
        assert response.status_code == 302, response.context and response.context["errors"]
        assert draft.title_bg == "Нов"
    else:
        assert response.status_code == 403
        assert draft.title_bg != "Нов"


@pytest.mark.parametrize("role", ["press", "reporter"])
def test_authors_cannot_edit_a_story_once_it_is_in_review_or_published(
    client, newsroom, role, in_review, live
):
    in_review.created_by = live.created_by = getattr(newsroom, role)
    in_review.save()
    live.save()
    login(client, newsroom, role)
    for story in (in_review, live):
        assert client.get(url("change", story)).status_code == 200  # read-only view
        response = client.post(url("change", story), change_data(story, title_bg="Подменено"))
        assert response.status_code == 403
        story.refresh_from_db()
        assert story.title_bg != "Подменено"


@pytest.mark.parametrize("role", ["editor", "site_admin"])
def test_editors_edit_stories_in_any_state(client, newsroom, role, in_review, live):
    login(client, newsroom, role)
    for story in (in_review, live):
        response = client.post(url("change", story), change_data(story, lead_bg="Редактирано."))
        assert response.status_code == 302
        story.refresh_from_db()
        assert story.lead_bg == "Редактирано."


def test_press_officer_creates_stories_only_for_their_own_municipality(client, newsroom):
    client.force_login(newsroom.press)
    blank = Article(title_bg="Нова", section=None)
    response = client.post(
        reverse("admin:articles_article_add"),
        change_data(blank, title_bg="Чужда", owner_municipality=newsroom.sofia.pk, base_version=""),
    )
    assert response.status_code == 200  # the form refuses the choice
    assert "owner_municipality" in response.context["adminform"].form.errors
    response = client.post(
        reverse("admin:articles_article_add"),
        change_data(blank, title_bg="Своя", owner_municipality=newsroom.stara_zagora.pk, base_version=""),
    )
    assert response.status_code == 302
    story = Article.objects.get(title_bg="Своя")
    assert (story.status, story.created_by, story.owner_municipality) == (
        "draft", newsroom.press, newsroom.stara_zagora,
    )  # fmt: skip


def test_status_cannot_be_posted_through_the_change_form(client, newsroom, draft):
    client.force_login(newsroom.press)
    client.post(url("change", draft), change_data(draft, status="published", publish_at="2020-01-01 10:00"))
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.publish_at is None


# --- the workflow, through the admin's URLs ---------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_submit_obeys_the_matrix(client, newsroom, draft, role):
    response = login(client, newsroom, role).post(url("workflow", draft, "submit"), {"note": ""})
    draft.refresh_from_db()
    allowed = role in DRAFT_TEAM
    assert response.status_code == (302 if allowed else 403)
    assert draft.status == ("review" if allowed else "draft")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("action", "story", "after"),
    [
        ("send_back", "in_review", "draft"),
        ("publish", "in_review", "published"),
        ("publish", "draft", "published"),
        ("withdraw", "live", "withdrawn"),
    ],
)
def test_editor_only_transitions_obey_the_matrix(client, newsroom, request, role, action, story, after):
    article = request.getfixturevalue(story)
    before = article.status
    response = login(client, newsroom, role).post(url("workflow", article, action), {"note": "x"})
    article.refresh_from_db()
    if role in EDITORS:
        assert response.status_code == 302
        assert article.status == after
    else:
        assert response.status_code == 403
        assert article.status == before


@pytest.mark.parametrize("role", ROLES)
def test_corrections_are_editors_only(client, newsroom, live, role):
    response = login(client, newsroom, role).post(url("correct", live), {"text_bg": "Поправка."})
    assert response.status_code == (302 if role in EDITORS else 403)
    assert Correction.objects.filter(article=live).exists() == (role in EDITORS)


@pytest.mark.parametrize("role", ROLES)
def test_revisions_are_editors_only(client, newsroom, live, role):
    services.article_save(article=live, by=newsroom.editor)
    revision = live.revisions.get()
    login(client, newsroom, role)
    assert client.get(url("revisions", live)).status_code == (200 if role in EDITORS else 403)
    response = client.post(url("restore", live, revision.number))
    assert response.status_code == (302 if role in EDITORS else 403)


@pytest.mark.parametrize("role", ROLES)
def test_delete_obeys_the_matrix(client, newsroom, draft, role):
    response = login(client, newsroom, role).post(url("delete", draft), {"post": "yes"})
    assert response.status_code == (302 if role in EDITORS else 403)
    assert Article.objects.filter(pk=draft.pk).exists() == (role not in EDITORS)


@pytest.mark.parametrize("role", ROLES)
def test_bulk_actions_obey_the_same_permissions(client, newsroom, role):
    sofia_draft = ArticleFactory(draft=True, owner_municipality=newsroom.sofia)
    login(client, newsroom, role)
    changelist = reverse("admin:articles_article_changelist")
    client.post(changelist, {"action": "submit_selected", "_selected_action": [sofia_draft.pk]})
    sofia_draft.refresh_from_db()
    assert (sofia_draft.status == "review") == (role in EDITORS | {"press_other"})
    response = client.post(
        changelist, {"action": "publish_selected", "_selected_action": [sofia_draft.pk], "confirm": "yes"}
    )
    sofia_draft.refresh_from_db()
    assert (sofia_draft.status == "published") == (role in EDITORS)
    if role not in EDITORS:
        assert response.status_code in (200, 302)  # the action is not offered: nothing happens


# --- the same rules in the services ------------------------------------------------------------


@pytest.mark.parametrize("role", ["press", "press_other", "reporter", "reporter_other"])
def test_services_refuse_editor_moves_to_non_editors(newsroom, role, in_review, live):
    user = getattr(newsroom, role)
    with pytest.raises(PermissionDenied):
        services.article_publish(article=in_review, by=user)
    with pytest.raises(PermissionDenied):
        services.article_publish(article=in_review, by=user, at=timezone.now() + timezone.timedelta(hours=1))
    with pytest.raises(PermissionDenied):
        services.article_send_back(article=in_review, by=user)
    with pytest.raises(PermissionDenied):
        services.article_withdraw(article=live, by=user)
    with pytest.raises(PermissionDenied):
        services.article_correct(article=live, by=user, text_bg="Не.")
    assert Article.objects.get(pk=in_review.pk).status == "review"
    assert Article.objects.get(pk=live.pk).status == "published"


def test_services_refuse_another_municipalitys_draft(newsroom, draft):
    with pytest.raises(PermissionDenied):
        services.article_submit(article=draft, by=newsroom.press_other)
    draft.title_bg = "Чуждо"
    with pytest.raises(PermissionDenied):
        services.article_save(article=draft, by=newsroom.press_other)
    assert Article.objects.get(pk=draft.pk).title_bg != "Чуждо"


def test_press_officer_cannot_move_a_story_to_another_municipality(newsroom, draft):
    draft.owner_municipality = newsroom.sofia
    with pytest.raises(PermissionDenied):
        services.article_save(article=draft, by=newsroom.press)
    assert Article.objects.get(pk=draft.pk).owner_municipality == newsroom.stara_zagora
