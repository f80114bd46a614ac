"""Users in the newsroom's roles, built from the groups the `0005_role_groups` migration creates."""

from django.contrib.auth.models import Group

from newsroom.models import PressOfficeMembership
from tests.factories import UserFactory


def in_role(role: str, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=role))
    return type(user).objects.get(pk=user.pk)  # fresh: no cached permissions


def press_officer(*municipalities, **kwargs):
    user = in_role("Press officer", **kwargs)
    for municipality in municipalities:
        PressOfficeMembership.objects.create(user=user, municipality=municipality)
    return user


def reporter(**kwargs):
    return in_role("Reporter", **kwargs)


def editor(**kwargs):
    return in_role("Editor", **kwargs)


def site_admin(**kwargs):
    return in_role("Site admin", **kwargs)


def change_data(article, **overrides) -> dict:
    """What the admin's change form would POST for `article`, with `overrides` applied."""
    from articles.models import Article

    data = {name: getattr(article, name) or "" for name in Article.translated_field_names()}
    data.update(
        section=article.section_id or "",
        priority=article.priority,
        owner_municipality=article.owner_municipality_id or "",
        signature=article.signature,
        base_version=article.version,
    )
    for prefix in ("article_photos", "corrections", "transitions"):
        data.update({
            f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0,
            f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000,
        })  # fmt: skip
    data.update(overrides)
    return data
