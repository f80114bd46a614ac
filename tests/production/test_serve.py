"""`make serve` refuses to start production without its secrets, saying what is missing."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not shutil.which("make"), reason="needs make")


def make_serve(**env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL", "DEBUG"}}
    env.update(env_overrides)
    return subprocess.run(
        ["make", "--no-print-directory", "serve"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_make_serve_needs_a_secret_key():
    result = make_serve(DATABASE_URL="postgres://postgres@127.0.0.1:5432/x")
    assert result.returncode != 0
    assert "make serve: SECRET_KEY is not set" in result.stdout + result.stderr


def test_make_serve_needs_a_database_url():
    result = make_serve(SECRET_KEY="s" * 60)
    assert result.returncode != 0
    assert "make serve: DATABASE_URL is not set" in result.stdout + result.stderr
