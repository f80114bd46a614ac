"""Staff accounts: password reset by e-mail from the admin's login page, leavers deactivated (their
stories and history kept), and a login audit that only site admins can read."""

import re

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Permission
from django.core import mail

from articles.models import Article, Correction
from newsroom.models import LoginAudit, Photo
from tests.factories import ArticleFactory, PhotoFactory, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "pw-for-tests-1"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real sign-ins with real passwords, hashed cheaply: the hasher's cost is not under test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def superuser():
    return User.objects.create_superuser("site-admin", "admin@example.com", PASSWORD)


@pytest.fixture
def reporter():
    user = UserFactory(username="reporter", email="reporter@example.com")
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="articles"),
        *Permission.objects.filter(codename__in=["view_photo", "add_photo", "change_photo"]),
    )
    return user


def sign_in(client, username, password, ip="203.0.113.7", **headers):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
        HTTP_ACCEPT_LANGUAGE="en",
        **headers,
    )


# --- Password reset ---------------------------------------------------------------------------


def test_the_admin_login_page_links_to_password_reset(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="/admin/password-reset/"' in html


def test_password_reset_mails_a_link_that_sets_a_new_password(client, reporter, settings):
    settings.SITE_URL = "https://news.example.bg"
    page = client.get("/admin/password-reset/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Enter the e-mail address of your newsroom account" in page.content.decode()

    response = client.post(
        "/admin/password-reset/", {"email": "reporter@example.com"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302 and response["Location"] == "/admin/password-reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reporter@example.com"]
    assert message.subject == "Password reset for the Newsroom admin"
    assert "Hello reporter," in message.body
    link = re.search(r"https://news\.example\.bg(/admin/password-reset/\S+/\S+/)", message.body)
    assert link, message.body
    assert "example.com" not in message.body.replace("reporter@example.com", "")

    form = client.get(link.group(1), follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert form.status_code == 200 and form.context["validlink"]
    set_password_url = form.redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": "a-new-long-password-7", "new_password2": "a-new-long-password-7"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert done.status_code == 302 and done["Location"] == "/admin/password-reset/done/"
    reporter.refresh_from_db()
    assert reporter.check_password("a-new-long-password-7")

    # The link works once.
    again = client.get(link.group(1), follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert again.context["validlink"] is False


def test_password_reset_mail_is_in_bulgarian_for_bulgarian_staff(client, reporter):
    client.post("/admin/password-reset/", {"email": "reporter@example.com"}, HTTP_ACCEPT_LANGUAGE="bg")
    assert mail.outbox[0].subject == "Нова парола за администрацията на Newsroom"
    assert "Здравейте, reporter," in mail.outbox[0].body
    assert "поиска нова парола за профила ви" in mail.outbox[0].body


def test_a_deactivated_account_gets_no_reset_link(client, reporter):
    reporter.is_active = False
    reporter.save()
    response = client.post("/admin/password-reset/", {"email": "reporter@example.com"})
    assert response.status_code == 302  # the same answer: nobody learns which addresses exist
    assert mail.outbox == []


# --- Deactivating a leaver --------------------------------------------------------------------


def test_the_admin_offers_deactivation_not_deletion(client, superuser, reporter):
    client.force_login(superuser)
    changelist = client.get("/admin/auth/user/", HTTP_ACCEPT_LANGUAGE="en")
    actions = [value for value, _label in changelist.context["action_form"].fields["action"].choices]
    assert "deactivate" in actions
    assert "delete_selected" not in actions
    assert client.get(f"/admin/auth/user/{reporter.pk}/delete/").status_code == 403
    assert client.post(f"/admin/auth/user/{reporter.pk}/delete/", {"post": "yes"}).status_code == 403
    assert User.objects.filter(pk=reporter.pk).exists()


def test_deactivating_a_leaver_keeps_their_stories_and_history(client, superuser, reporter):
    story = ArticleFactory(created_by=reporter, title_bg="Репортаж на напусналия")
    correction = Correction.objects.create(article=story, text="Поправка.", created_by=reporter)
    photo = PhotoFactory(uploaded_by=reporter)
    sign_in(client, "reporter", PASSWORD)
    client.logout()

    client.force_login(superuser)
    response = client.post(
        "/admin/auth/user/",
        {"action": "deactivate", "_selected_action": [reporter.pk]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert "1 user deactivated; their stories and history are kept." in response.content.decode()
    reporter.refresh_from_db()
    assert reporter.is_active is False
    assert Article.objects.get(pk=story.pk).created_by == reporter
    assert Correction.objects.get(pk=correction.pk).created_by == reporter
    assert Photo.objects.get(pk=photo.pk).uploaded_by == reporter
    assert LoginAudit.objects.filter(user=reporter, succeeded=True).exists()

    client.logout()
    sign_in(client, "reporter", PASSWORD)
    assert "_auth_user_id" not in client.session, "a deactivated account cannot sign in"
    assert LoginAudit.objects.filter(username="reporter", succeeded=False).count() == 1


def test_a_site_admin_cannot_deactivate_themselves(client, superuser):
    client.force_login(superuser)
    response = client.post(
        "/admin/auth/user/",
        {"action": "deactivate", "_selected_action": [superuser.pk]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert "You cannot deactivate your own account." in response.content.decode()
    superuser.refresh_from_db()
    assert superuser.is_active


# --- Login audit ------------------------------------------------------------------------------


def test_successful_and_failed_sign_ins_are_recorded_with_the_address(client, reporter):
    sign_in(client, "reporter", "wrong password", ip="198.51.100.23")
    sign_in(client, "nobody-by-that-name", "guess", ip="2001:db8::1")
    response = sign_in(client, "reporter", PASSWORD, ip="203.0.113.7", HTTP_USER_AGENT="Firefox/140")
    assert response.status_code == 302

    success, unknown, failure = LoginAudit.objects.order_by("-id")
    assert (failure.username, failure.user, failure.succeeded, failure.ip_address) == (
        "reporter", reporter, False, "198.51.100.23"
    )  # fmt: skip
    assert (unknown.username, unknown.user, unknown.succeeded, unknown.ip_address) == (
        "nobody-by-that-name", None, False, "2001:db8::1"
    )  # fmt: skip
    assert (success.username, success.user, success.succeeded, success.ip_address) == (
        "reporter", reporter, True, "203.0.113.7"
    )  # fmt: skip
    assert success.user_agent == "Firefox/140"


def test_a_forwarded_address_is_believed_only_when_settings_name_the_header(client, reporter, settings):
    forwarded = {"HTTP_X_FORWARDED_FOR": "192.0.2.66, 198.51.100.5"}
    sign_in(client, "reporter", "wrong", ip="10.0.0.2", **forwarded)
    assert LoginAudit.objects.get().ip_address == "10.0.0.2"

    settings.TRUSTED_PROXY_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    sign_in(client, "reporter", "wrong again", ip="10.0.0.2", **forwarded)
    # The last entry is the one our proxy added; the first is whatever the client claimed.
    assert LoginAudit.objects.order_by("-id").first().ip_address == "198.51.100.5"

    sign_in(client, "reporter", "wrong", ip="10.0.0.2", HTTP_X_FORWARDED_FOR="not-an-address")
    assert LoginAudit.objects.order_by("-id").first().ip_address == "10.0.0.2"


def test_a_hostile_user_name_is_recorded_harmlessly(rf):
    request = rf.post("/admin/login/", REMOTE_ADDR="198.51.100.9")
    assert authenticate(request, username="admin<script>\u202e\x07" + "x" * 400, password="guess") is None
    attempt = LoginAudit.objects.get()
    assert "\u202e" not in attempt.username and "\x07" not in attempt.username
    assert attempt.username.startswith("admin<script>x") and len(attempt.username) == 150
    assert attempt.ip_address == "198.51.100.9"


def test_a_nul_byte_in_the_login_form_is_a_form_error_not_a_crash(client):
    response = sign_in(client, "admin\x00", "guess")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_audit_is_not_readable_by_staff_without_the_permission(client, reporter):
    sign_in(client, "reporter", PASSWORD)
    assert client.get("/admin/newsroom/loginaudit/").status_code == 403
    attempt = LoginAudit.objects.get()
    assert client.get(f"/admin/newsroom/loginaudit/{attempt.pk}/change/").status_code == 403
    index = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "/admin/newsroom/loginaudit/" not in index


def test_a_change_permission_alone_does_not_open_the_audit(client, reporter):
    reporter.user_permissions.add(Permission.objects.get(codename="change_loginaudit"))
    client.force_login(reporter)
    assert client.get("/admin/newsroom/loginaudit/").status_code == 403


def test_site_admins_read_the_audit_but_nobody_edits_it(client, reporter, superuser):
    sign_in(client, "reporter", "wrong", ip="198.51.100.23")
    attempt = LoginAudit.objects.get()
    auditor = UserFactory(username="auditor")
    auditor.user_permissions.add(Permission.objects.get(codename="view_loginaudit"))

    for user in (superuser, auditor):
        client.force_login(user)
        listing = client.get("/admin/newsroom/loginaudit/", HTTP_ACCEPT_LANGUAGE="en")
        assert listing.status_code == 200
        assert "198.51.100.23" in listing.content.decode()
        assert client.get("/admin/newsroom/loginaudit/add/").status_code == 403
        assert client.get(f"/admin/newsroom/loginaudit/{attempt.pk}/delete/").status_code == 403
        client.post(
            f"/admin/newsroom/loginaudit/{attempt.pk}/change/",
            {"username": "someone-else", "succeeded": "on", "ip_address": "127.0.0.1"},
        )
        attempt.refresh_from_db()
        assert (attempt.username, attempt.succeeded) == ("reporter", False)
