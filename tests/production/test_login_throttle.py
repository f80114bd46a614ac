"""Admin sign-in is throttled per username and per client address, counted in the database."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from newsroom.models import LoginFailure
from newsroom.throttle import client_address
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests-1"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Dozens of sign-ins per test: the production hasher's slowness is not what is tested here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def sign_in(client, username, password, address="203.0.113.7", **headers):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        headers={"accept-language": "en", **headers},
    )


def test_five_wrong_passwords_lock_the_username_even_for_the_right_one(client):
    UserFactory(username="editor1", is_superuser=True)
    for _attempt in range(5):
        response = sign_in(client, "editor1", "wrong-password")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    locked = sign_in(client, "editor1", PASSWORD)
    assert locked.status_code == 200
    assert "Too many failed sign-in attempts. Try again in 15 minutes." in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # From another address the username stays locked: the attacker may rotate addresses.
    assert "Too many failed" in sign_in(client, "editor1", PASSWORD, address="198.51.100.9").content.decode()


def test_lockout_message_is_in_bulgarian_for_bulgarian_editors(client):
    UserFactory(username="redaktor", is_superuser=True)
    for _attempt in range(5):
        sign_in(client, "redaktor", "wrong-password")
    response = sign_in(client, "redaktor", PASSWORD, **{"accept-language": "bg"})
    assert "Твърде много неуспешни опити за вход" in response.content.decode()


def test_failures_are_counted_in_the_database_so_every_worker_agrees(client):
    sign_in(client, "ghost", "x1")
    sign_in(client, "ghost", "x2")
    assert LoginFailure.objects.filter(username="ghost", address="203.0.113.7").count() == 2


def test_one_address_trying_many_usernames_is_locked(client, settings):
    settings.LOGIN_FAILURE_LIMIT_ADDRESS = 4
    UserFactory(username="real", is_superuser=True)
    for n in range(4):
        sign_in(client, f"guess{n}", "wrong")
    assert "Too many failed" in sign_in(client, "real", PASSWORD).content.decode()
    ok = sign_in(client, "real", PASSWORD, address="198.51.100.20")
    assert ok.status_code == 302


def test_failures_older_than_the_window_no_longer_count(client):
    UserFactory(username="editor2", is_superuser=True)
    old = timezone.now() - timedelta(minutes=16)
    LoginFailure.objects.bulk_create(
        [LoginFailure(username="editor2", address="203.0.113.7", created_at=old) for _ in range(5)]
    )
    assert sign_in(client, "editor2", PASSWORD).status_code == 302


def test_a_successful_sign_in_forgives_the_usernames_failures(client):
    UserFactory(username="editor3", is_superuser=True)
    for _attempt in range(4):
        sign_in(client, "editor3", "wrong")
    assert sign_in(client, "editor3", PASSWORD).status_code == 302
    assert not LoginFailure.objects.filter(username="editor3").exists()


def test_forwarded_for_is_ignored_unless_a_proxy_header_is_configured(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == "10.0.0.2"


def test_behind_a_proxy_the_rightmost_untrusted_hop_is_the_client(settings):
    settings.TRUSTED_PROXY_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    # The client forged the first entry; our proxies (10.x) appended the rest.
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.50, 10.0.0.9"
    )
    assert client_address(request) == "203.0.113.50"
    settings.TRUSTED_PROXIES = []
    assert client_address(request) == "10.0.0.9"


def test_a_malformed_forwarded_header_falls_back_to_the_socket_address(settings):
    settings.TRUSTED_PROXY_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="not-an-ip")
    assert client_address(request) == "10.0.0.2"
