"""Editors and site admins need a one-time code (TOTP) on top of their password for the admin."""

import subprocess
import sys
import time

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.security.conftest import user_in_group

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ["/admin/", "/admin/articles/article/", "/admin/articles/article/add/"]


@pytest.fixture(autouse=True)
def _second_factor_on(settings):
    settings.REQUIRE_2FA = True


def code(device, offset=0) -> str:
    """The code the user's phone shows now (offset in steps, for a stale one)."""
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset)
    return str(value).zfill(device.digits)


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


@pytest.fixture
def editor():
    return user_in_group("Editor", username="editor")


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_an_editor_without_a_device_is_sent_to_setup_from_every_admin_page(client, editor, page):
    client.force_login(editor)
    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/second-factor/setup/?next=")


@pytest.mark.parametrize("role", ["Editor", "Site admin"])
def test_an_enrolled_editor_or_site_admin_must_enter_a_code_before_any_admin_page(client, role):
    user = user_in_group(role, username="someone")
    enrolled(user)
    client.force_login(user)
    for page in ADMIN_PAGES:
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"].startswith("/admin/second-factor/verify/?next=")
    # A POST to change something is refused the same way, not just pages.
    response = client.post("/admin/articles/article/add/", {"title_bg": "Фалшива новина"})
    assert response.status_code == 302
    from articles.models import Article

    assert not Article.objects.exists()


def test_a_superuser_needs_the_second_factor_too(client):
    boss = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(boss)
    assert client.get("/admin/").status_code == 302


def test_setup_shows_the_secret_and_a_qr_code_and_a_right_code_admits(client, editor):
    client.force_login(editor)
    page = client.get("/admin/second-factor/setup/?next=/admin/articles/article/")
    assert page.status_code == 200
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    assert "otpauth://totp/" in html
    assert "<svg" in html
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in html

    response = client.post(
        "/admin/second-factor/setup/", {"token": code(device), "next": "/admin/articles/article/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/articles/article/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/articles/article/").status_code == 200


def test_a_wrong_code_at_setup_is_refused_and_nothing_is_enrolled(client, editor):
    client.force_login(editor)
    client.get("/admin/second-factor/setup/")
    device = TOTPDevice.objects.get(user=editor)
    wrong = str((int(code(device)) + 1) % 10**6).zfill(6)
    response = client.post("/admin/second-factor/setup/", {"token": wrong})
    assert response.status_code == 200
    assert "That code is wrong or has expired" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302


def test_a_wrong_code_is_refused_and_a_right_one_admits(client, editor):
    device = enrolled(editor)
    client.force_login(editor)
    wrong = str((int(code(device)) + 1) % 10**6).zfill(6)
    response = client.post("/admin/second-factor/verify/", {"token": wrong, "next": "/admin/"})
    assert response.status_code == 200
    assert "That code is wrong or has expired" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    time.sleep(1.1)  # django-otp makes the next try wait 1 s after one failure
    response = client.post("/admin/second-factor/verify/", {"token": code(device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    for page in ADMIN_PAGES:
        assert client.get(page).status_code == 200, page


def test_letters_and_an_old_code_are_refused(client, editor):
    device = enrolled(editor)
    client.force_login(editor)
    response = client.post("/admin/second-factor/verify/", {"token": "abcdef"})
    assert "6 digits" in response.content.decode()
    response = client.post("/admin/second-factor/verify/", {"token": code(device, offset=-5)})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_guessing_codes_is_throttled_so_even_the_right_code_waits(client, editor):
    device = enrolled(editor)
    client.force_login(editor)
    for guess in ("000000", "111111", "222222"):
        client.post("/admin/second-factor/verify/", {"token": guess})
    response = client.post("/admin/second-factor/verify/", {"token": code(device)})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_a_verified_session_does_not_carry_over_to_a_new_sign_in(client, editor):
    device = enrolled(editor)
    client.force_login(editor)
    client.post("/admin/second-factor/verify/", {"token": code(device)})
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 302


def test_an_enrolled_user_cannot_enrol_another_phone_with_the_password_alone(client, editor):
    enrolled(editor)
    client.force_login(editor)
    response = client.get("/admin/second-factor/setup/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/second-factor/verify/")
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_next_after_the_code_never_leaves_the_site(client, editor):
    device = enrolled(editor)
    client.force_login(editor)
    response = client.post(
        "/admin/second-factor/verify/", {"token": code(device), "next": "https://evil.example/admin/"}
    )
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("role", ["Reporter", "Press officer"])
def test_reporters_and_press_officers_are_not_asked_for_a_code(client, role):
    user = user_in_group(role, username="writer")
    client.force_login(user)
    assert client.get("/admin/").status_code == 200


def test_the_second_factor_pages_need_a_password_sign_in_first(client):
    response = client.get("/admin/second-factor/verify/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_public_pages_and_the_login_page_are_not_affected(client, editor):
    client.force_login(editor)
    assert client.get("/admin/login/").status_code in (200, 302)
    assert client.get("/bg/").status_code == 200


def test_switched_off_the_admin_needs_only_the_password(client, editor, settings):
    settings.REQUIRE_2FA = False
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(("debug", "expected"), [("0", "True"), ("1", "False")])
def test_required_by_default_in_production_and_off_for_local_development(debug, expected):
    env = {
        "DEBUG": debug,
        "SECRET_KEY": "x" * 50,
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": "postgres://db/newsroom",
    }
    script = "from newsroom import settings; print(settings.REQUIRE_2FA)"
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == expected
