"""The section menu, the footer's standing pages and the site strings are shown on every
public page but read from the database once, not on every page; a change to any of them -
from the admin, the shell or a fixture - still shows on the next page rendered."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.models import Page, SiteSettings
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pages_rendered_every_time(settings):
    # The whole-page cache would hide what the page is built from; these tests watch that.
    settings.PUBLIC_CACHE_ENABLED = False


def tables_read(client, url) -> set[str]:
    """The tables the page's queries read from (not those joined in)."""
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return {
        re.search(r'FROM "(\w+)"', q["sql"]).group(1) for q in context.captured_queries if "FROM" in q["sql"]
    }


def test_the_menu_footer_and_site_strings_are_read_once_not_on_every_page(client):
    ArticleFactory()
    first = tables_read(client, "/bg/")
    assert {"newsroom_section", "newsroom_sitesettings", "newsroom_page"} <= first
    again = tables_read(client, "/en/")
    for table in ("newsroom_section", "newsroom_sitesettings", "newsroom_page"):
        assert table not in again, table


def test_a_renamed_section_shows_in_the_menu_of_the_next_page(client):
    section = SectionFactory(name_bg="Общини")
    ArticleFactory(section=section)
    assert "Общини" in client.get("/bg/").content.decode()

    section.name_bg = "Регионални новини"
    section.save()  # as from the shell: no admin purge
    page = client.get("/bg/").content.decode()
    assert "Регионални новини" in page and ">Общини<" not in page


def test_a_new_site_name_and_a_new_standing_page_show_on_the_next_page(client):
    ArticleFactory()
    client.get("/bg/")

    site = SiteSettings.load()
    site.site_name_bg = "Общинска агенция Стара Загора"
    site.save()
    Page.objects.create(kind=Page.Kind.CONTACTS, title_bg="Връзка с нас", title_en="Contact us")
    page = client.get("/bg/").content.decode()
    assert "Общинска агенция Стара Загора" in page
    assert "Връзка с нас" in page
