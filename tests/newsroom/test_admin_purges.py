"""Content edited in the admin outside a story (the modal, site strings) shows on the next
request, though public pages are cached."""

import pytest
from django.contrib.auth import get_user_model

from newsroom.models import SiteSettings
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_new_modal_text_reaches_the_cached_news_page(client, django_capture_on_commit_callbacks):
    story = ArticleFactory(title_bg="Новина за модала")
    site = SiteSettings.load()
    site.modal_header_bg = "Старо съобщение"
    site.save()
    url = story.get_absolute_url()
    assert "Старо съобщение" in client.get(url).content.decode()

    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw-for-tests-1")
    staff = type(client)()
    staff.force_login(admin)
    data = {
        "site_name_bg": site.site_name_bg or "Новини",
        "site_name_en": "News",
        "tagline_bg": "",
        "tagline_en": "",
        "modal_header_bg": "Ново съобщение",
        "modal_header_en": "",
        "modal_text_bg": "Текст",
        "modal_text_en": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/admin/newsroom/sitesettings/{site.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    html = client.get(url).content.decode()
    assert "Ново съобщение" in html
    assert "Старо съобщение" not in html
