"""Security headers, HTTPS behind a proxy, cookies, and `check --deploy` with production settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PROXIED_HTTPS = {"x-forwarded-proto": "https"}


def production_env(**extra) -> dict:
    # DJANGO_ALLOW_ASYNC_UNSAFE is set for the browser tests in this process, never in production.
    unset = {"DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(
        DEBUG="0",
        SECRET_KEY="prod-" + "k3y-" * 15,
        DATABASE_URL=os.environ.get("DATABASE_URL") or "sqlite:///var/check-deploy.sqlite3",
        ALLOWED_HOSTS="news.example.bg",
        REDIS_URL="redis://127.0.0.1:6379/5",
        EMAIL_HOST="smtp.example.bg",
    )
    env.update(extra)
    return env


def run_manage(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_that_a_per_worker_cache_cannot_be_purged_everywhere():
    env = production_env()
    del env["REDIS_URL"]
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "newsroom.W001" in result.stderr + result.stdout


def test_production_settings_force_https_and_secure_cookies():
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS,"
        " s.SECURE_PROXY_SSL_HEADER, s.DEBUG)"
    )
    env = production_env(DJANGO_SETTINGS_MODULE="newsroom.settings")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True True True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https') False"


@pytest.fixture
def production(settings):
    """The production values of the settings that depend on DEBUG, in this test process."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    return settings


def test_public_page_sends_every_security_header(client, production):
    ArticleFactory()
    response = client.get("/bg/", headers=PROXIED_HTTPS)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert re.search(r"script-src 'self'(;|$)", csp), csp
    assert "unsafe-inline" not in csp and "nonce-" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    permissions = response["Permissions-Policy"]
    assert "camera=()" in permissions and "geolocation=()" in permissions and "microphone=()" in permissions
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_the_headers_come_with_cached_copies_too(client, production):
    ArticleFactory()
    client.get("/en/", headers=PROXIED_HTTPS)
    hit = client.get("/en/", headers=PROXIED_HTTPS)
    assert hit["X-Cache"] == "HIT"
    for header in ("Content-Security-Policy", "Strict-Transport-Security", "Permissions-Policy",
                   "X-Frame-Options", "Cross-Origin-Opener-Policy", "X-Content-Type-Options"):  # fmt: skip
        assert hit[header], header


def test_plain_http_is_redirected_to_https_but_health_checks_are_not(client, production):
    redirect = client.get("/bg/")
    assert redirect.status_code == 301
    assert redirect["Location"] == "https://testserver/bg/"
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200


def test_cookies_are_secure_httponly_and_samesite(client, production):
    from tests.factories import UserFactory

    response = client.get("/admin/login/", headers=PROXIED_HTTPS)
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"

    UserFactory(username="desk", is_superuser=True)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)
    login = client.post(
        "/admin/login/",
        {"username": "desk", "password": "pw-for-tests-1", "csrfmiddlewaretoken": token},
        headers={**PROXIED_HTTPS, "origin": "https://testserver"},
    )
    assert login.status_code == 302
    session = login.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


ADMIN_PAGES = [
    "/admin/",
    "/admin/newsroom/municipality/",
    "/admin/newsroom/municipality/add/",
    "/admin/newsroom/official/add/",
    "/admin/articles/article/",
    "/admin/articles/article/add/",
    "/admin/newsroom/sitesettings/",
]


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_admin_pages_have_no_inline_script_without_the_response_nonce(admin_client, page):
    response = admin_client.get(page, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy)
    for tag in re.findall(r"<script\b[^>]*>", html):
        if "src=" in tag:
            continue
        assert nonce and f'nonce="{nonce.group(1)}"' in tag, tag
    # Inline event handlers and javascript: links would be refused by the policy.
    assert not re.search(r"\son[a-z]+\s*=", html)
    assert "javascript:" not in html


def test_login_page_is_not_cacheable_and_not_framed(client):
    response = client.get("/admin/login/")
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert response["X-Frame-Options"] == "DENY"
