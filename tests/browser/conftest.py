"""Browser tests share a loaded demo: the real content, with renditions drawn after commit."""

import os

import pytest
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def demo_site(live_server, transactional_db, settings):
    settings.DEBUG = False
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server.url


@pytest.fixture
def browser_page(chromium):
    """A fresh page (no localStorage) per test, with a Bulgarian browser."""
    context = chromium.new_context(locale="bg-BG")
    page = context.new_page()
    yield page
    context.close()
