"""A small newsroom for the workflow tests: two press centres and one person in each role."""

from types import SimpleNamespace

import pytest

from tests import roles
from tests.factories import ArticleFactory, MunicipalityFactory


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """PBKDF2 takes a second per user on a CI machine; these tests are about roles, not hashes."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english_admin(client):
    """The admin answers in the browser's language; these tests read its English strings.
    (Public pages take their language from the URL.)"""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def newsroom(db):
    stara_zagora = MunicipalityFactory(name_bg="Стара Загора", name_en="Stara Zagora")
    sofia = MunicipalityFactory(name_bg="София", name_en="Sofia")
    return SimpleNamespace(
        stara_zagora=stara_zagora,
        sofia=sofia,
        press=roles.press_officer(stara_zagora, username="press-sz"),
        press_other=roles.press_officer(sofia, username="press-sofia"),
        reporter=roles.reporter(username="reporter"),
        reporter_other=roles.reporter(username="reporter-2"),
        editor=roles.editor(username="editor", email="editor@example.com"),
        site_admin=roles.site_admin(username="site-admin"),
    )


@pytest.fixture
def draft(newsroom):
    """A Stara Zagora draft written by the reporter: the press officer there may work on it too."""
    return ArticleFactory(
        draft=True, owner_municipality=newsroom.stara_zagora, created_by=newsroom.reporter,
        dateline_bg="Стара Загора",
    )  # fmt: skip
