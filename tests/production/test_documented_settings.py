"""Every environment variable the settings or gunicorn read is in README.md's table."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READS = re.compile(
    r"""(?:env_(?:str|bool|list)|_int|os\.environ\.get|os\.environ\[)\(?["']([A-Z][A-Z0-9_]+)["']"""
)


def test_every_environment_variable_is_documented():
    names = set()
    for source in ("newsroom/settings.py", "gunicorn.conf.py"):
        names |= set(READS.findall((ROOT / source).read_text()))
    assert {"SECRET_KEY", "DATABASE_URL", "PORT", "REDIS_URL", "WEB_CONCURRENCY"} <= names
    readme = (ROOT / "README.md").read_text()
    missing = sorted(name for name in names if f"`{name}`" not in readme)
    assert missing == []
