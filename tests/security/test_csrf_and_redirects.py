"""Every state-changing POST needs the CSRF token, and no `next` sends a user off the site."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

EVIL = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "https:evil.example",
    "http://testserver@evil.example/",
    "  https://evil.example/",
    "https://evil.example%2F@testserver/",
    "javascript:alert(1)",
    "/\t/evil.example/",
]


@pytest.fixture
def chief():
    return get_user_model().objects.create_superuser("chief", "chief@example.com", "pw-for-tests-1")


@pytest.fixture
def browser(chief):
    """A signed-in client that checks CSRF like a real browser session would be checked."""
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(chief)
    return client


def admin_posts(article):
    base = f"/admin/articles/article/{article.pk}"
    return {
        "add": ("/admin/articles/article/add/", {"title_bg": "Фалшива"}),
        "change": (f"{base}/change/", {"title_bg": "Фалшива"}),
        "delete": (f"{base}/delete/", {"post": "yes"}),
        "publish": (f"{base}/workflow/publish/", {"note": ""}),
        "submit": (f"{base}/workflow/submit/", {"note": ""}),
        "correct": (f"{base}/correct/", {"text_bg": "Фалшива поправка"}),
        "restore": (f"{base}/revisions/1/restore/", {}),
        "presence": (f"{base}/presence/", {}),
        "bulk action": ("/admin/articles/article/", {"action": "delete_selected", "_selected_action": [article.pk]}),
        "password change": ("/admin/password_change/", {"old_password": "x", "new_password1": "y", "new_password2": "y"}),
        "add user": ("/admin/auth/user/add/", {"username": "intruder", "password1": "Xx-123456789", "password2": "Xx-123456789"}),
        "second factor": ("/admin/second-factor/verify/", {"token": "123456"}),
        "language": ("/i18n/setlang/", {"language": "en", "next": "/en/"}),
        "logout": ("/admin/logout/", {}),
    }  # fmt: skip


@pytest.mark.parametrize(
    "name",
    ["add", "change", "delete", "publish", "submit", "correct", "restore", "presence", "bulk action",
     "password change", "add user", "second factor", "language", "logout"],
)  # fmt: skip
def test_every_admin_post_without_the_csrf_token_is_refused_and_changes_nothing(browser, chief, name):
    article = ArticleFactory(draft=True, title_bg="Истинска")
    url, data = admin_posts(article)[name]
    response = browser.post(url, data)
    assert response.status_code == 403, (url, response.status_code)
    article.refresh_from_db()
    assert (article.title_bg, article.status) == ("Истинска", Article.Status.DRAFT)
    assert Article.objects.count() == 1
    assert not get_user_model().objects.filter(username="intruder").exists()
    chief.refresh_from_db()
    assert chief.check_password("pw-for-tests-1")
    assert browser.get("/admin/").status_code == 200  # still signed in: logout was refused too


def test_with_the_token_the_same_post_goes_through(browser):
    """The refusals above are CSRF's, not something else: with the token the POST works."""
    article = ArticleFactory(draft=True, title_bg="Истинска")
    browser.get(f"/admin/articles/article/{article.pk}/change/")
    token = browser.cookies["csrftoken"].value
    response = browser.post("/admin/logout/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert browser.get("/admin/").status_code == 302


def test_signing_in_needs_the_token_too():
    client = Client(enforce_csrf_checks=True)
    get_user_model().objects.create_superuser("chief", "c@example.com", "pw-for-tests-1")
    response = client.post("/admin/login/", {"username": "chief", "password": "pw-for-tests-1"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("target", EVIL)
def test_login_never_redirects_off_the_site(client, chief, target):
    response = client.post(
        "/admin/login/", {"username": "chief", "password": "pw-for-tests-1", "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("target", EVIL)
def test_logout_never_redirects_off_the_site(client, chief, target):
    client.force_login(chief)
    response = client.post(f"/admin/logout/?next={target}", {"next": target})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response["Location"].startswith("/") and not response["Location"].startswith("//")


@pytest.mark.parametrize("target", EVIL)
def test_switching_language_never_redirects_off_the_site(client, target):
    response = client.post("/i18n/setlang/", {"language": "en", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"
    response = client.post("/i18n/setlang/", {"language": "en"}, HTTP_REFERER=target)
    assert response["Location"] == "/"


def test_switching_language_keeps_a_path_on_the_site(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/bg/archive/"})
    assert response.status_code == 302
    assert response["Location"] in ("/bg/archive/", "/en/archive/")
