"""The admin lists every model of the domain, with bg and en fields where the model is translated."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

CHANGELISTS = {
    "newsroom/municipality": "name_bg",
    "newsroom/official": "full_name_bg",
    "newsroom/section": "name_bg",
    "newsroom/tag": "name_bg",
    "newsroom/photo": "caption_bg",
    "newsroom/sitesettings": "modal_header_bg",
    "events/event": "name_bg",
    "articles/article": "title_bg",
}


@pytest.fixture
def admin_client_bg(client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw-for-tests-1")
    client.force_login(user)
    return client


@pytest.mark.parametrize(("path", "field"), CHANGELISTS.items())
def test_every_model_has_a_changelist_and_a_bilingual_add_form(admin_client_bg, path, field):
    assert admin_client_bg.get(f"/admin/{path}/").status_code == 200
    response = admin_client_bg.get(f"/admin/{path}/add/")
    assert response.status_code in (200, 403)  # the site strings row may already exist
    if response.status_code == 200:
        html = response.content.decode()
        assert f'name="{field}"' in html
        assert f'name="{field.removesuffix("_bg")}_en"' in html


def test_tabbed_admin_loads_jquery_ui_locally(admin_client_bg):
    html = admin_client_bg.get("/admin/articles/article/add/").content.decode()
    assert "vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html


def test_mandates_are_edited_inline_on_the_official(admin_client_bg):
    html = admin_client_bg.get("/admin/newsroom/official/add/").content.decode()
    assert 'name="mandates-TOTAL_FORMS"' in html
