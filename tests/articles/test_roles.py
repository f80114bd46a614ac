"""The four roles exist as groups with their permissions, and the demo logins are in them."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from articles.rules import is_editor
from newsroom.models import PressOfficeMembership

pytestmark = pytest.mark.django_db


def perms(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")
    }


def test_the_data_migration_creates_the_four_role_groups_with_their_permissions():
    press, reporter, editor, site_admin = (
        perms(n) for n in ("Press officer", "Reporter", "Editor", "Site admin")
    )
    assert {"articles.add_article", "articles.change_article"} <= press
    assert "articles.publish_article" not in press | reporter
    assert "articles.publish_article" in editor and "articles.add_correction" in editor
    assert "auth.change_user" in site_admin and "newsroom.change_sitesettings" in site_admin
    assert "auth.change_user" not in editor
    assert editor <= site_admin


def test_demo_logins_get_their_roles_and_press_officers_their_municipality(settings, client):
    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # twice: still one binding each
    users = get_user_model().objects
    assert [
        m.municipality.slug for m in PressOfficeMembership.objects.filter(user__username="press-sofia")
    ] == ["sofia"]
    press = users.get(username="press-stara-zagora")
    assert [m.municipality.slug for m in press.press_offices.all()] == ["stara-zagora"]
    assert press.groups.get().name == "Press officer"
    assert is_editor(users.get(username="editor")) and not is_editor(press)

    in_review = Article.objects.get(title_bg="Стара Загора посреща кметовете от Югоизточна България")
    assert in_review.created_by == press
    client.force_login(users.get(username="press-sofia"))
    assert client.get(reverse("admin:articles_article_change", args=[in_review.pk])).status_code == 403
    client.force_login(press)
    assert client.get(reverse("admin:articles_article_change", args=[in_review.pk])).status_code == 200


def test_site_admin_binds_a_press_officer_to_a_municipality_in_the_admin(client):
    from tests import roles
    from tests.factories import MunicipalityFactory

    boss, officer = roles.site_admin(username="boss"), roles.press_officer(username="new-officer")
    plovdiv = MunicipalityFactory(name_bg="Пловдив")
    client.force_login(boss)
    response = client.post(
        reverse("admin:newsroom_pressofficemembership_add"), {"user": officer.pk, "municipality": plovdiv.pk}
    )
    assert response.status_code == 302
    assert list(officer.press_offices.values_list("municipality__name_bg", flat=True)) == ["Пловдив"]
    client.force_login(roles.editor(username="ed"))
    assert client.get(reverse("admin:newsroom_pressofficemembership_add")).status_code == 403


def test_a_press_officers_municipalities_are_set_on_their_account_page(client):
    from tests import roles

    client.force_login(roles.site_admin(username="boss"))
    html = client.get(reverse("admin:auth_user_add")).content.decode()
    assert 'name="press_offices-TOTAL_FORMS"' in html


def test_site_admin_holds_every_permission_after_migrate():
    """Models added after the roles migration are covered too: the grant reruns after migrate."""
    from django.contrib.auth.models import Group, Permission

    site_admin = Group.objects.get(name="Site admin")
    assert set(site_admin.permissions.all()) == set(Permission.objects.all())
