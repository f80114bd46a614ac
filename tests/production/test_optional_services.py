"""S3 media, Sentry and JSON logs are switched on by the environment alone."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_of(code: str, **env_overrides) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}
    env.update(DEBUG="1", DJANGO_SETTINGS_MODULE="newsroom.settings", **env_overrides)
    program = f"import django, json; django.setup(); from django.conf import settings as s; {code}"
    return subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_a_bucket_name_moves_media_to_s3_and_allows_its_images():
    result = settings_of(
        "print(json.dumps([s.STORAGES['default'], s.SECURE_CSP['img-src']]))",
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_REGION_NAME="eu-central-1",
        AWS_S3_CUSTOM_DOMAIN="media.example.bg",
    )
    assert result.returncode == 0, result.stderr
    storage, img_src = json.loads(result.stdout)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "newsroom-media"
    assert storage["OPTIONS"]["region_name"] == "eu-central-1"
    assert "https://media.example.bg" in img_src


def test_without_a_bucket_media_stays_on_the_file_system():
    result = settings_of("print(s.STORAGES['default']['BACKEND'])")
    assert result.stdout.strip() == "django.core.files.storage.FileSystemStorage"


def test_log_format_json_switches_the_console_to_json_lines():
    result = settings_of(
        "import logging; logging.getLogger('newsroom').warning('hello %s', 'ops')", LOG_FORMAT="json"
    )
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["message"] == "hello ops" and line["level"] == "WARNING" and "request_id" in line


def test_sentry_without_its_package_stops_with_a_clear_message():
    try:
        import sentry_sdk  # noqa: F401
    except ImportError:
        result = settings_of("print(1)", SENTRY_DSN="https://key@sentry.example/1")
        assert result.returncode != 0
        assert "pip install 'newsroom[sentry]'" in result.stderr
    else:
        result = settings_of(
            "import sentry_sdk; print(sentry_sdk.get_client().is_active())",
            SENTRY_DSN="https://key@sentry.example/1",
        )
        assert result.stdout.strip() == "True"
