"""Fixtures for the attack tests: fast password hashing and users in the newsroom's roles."""

import pytest
from django.contrib.auth.models import Group, Permission

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """These tests are about what an attacker can reach, not about password hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


# Stand-ins for the permissions the role migration gives, for a database that lacks the groups.
FALLBACK_PERMISSIONS = {
    "Editor": {"content_type__app_label__in": ["articles"]},
    "Site admin": {},
}


def user_in_group(group: str, **kwargs):
    """A staff user in `group` (the role groups come from a migration; made here if missing)."""
    user = UserFactory(**kwargs)
    role, created = Group.objects.get_or_create(name=group)
    if created and group in FALLBACK_PERMISSIONS:
        role.permissions.set(Permission.objects.filter(**FALLBACK_PERMISSIONS[group]))
    user.groups.add(role)
    return type(user).objects.get(pk=user.pk)
