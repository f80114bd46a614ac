"""In a real browser: a press officer writes a story in Bulgarian and English with a library
photo and submits it; an editor publishes it; the public page shows it in both languages."""

import re

import pytest
from django.apps import apps as django_apps
from django.utils.text import slugify

from articles.models import Article
from articles.roles import grant_roles
from newsroom.text import slugify_bg
from tests import roles
from tests.factories import MunicipalityFactory, PhotoFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "pw-for-tests-1"
TITLE_BG = "Стара Загора открива обновената градина пред общината"
TITLE_EN = "Stara Zagora opens the renewed garden in front of the town hall"


@pytest.fixture
def people(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    grant_roles(django_apps)  # a live-server test flushes the database, and the migrated groups with it
    stara_zagora = MunicipalityFactory(name_bg="Стара Загора", name_en="Stara Zagora")
    return {
        "press": roles.press_officer(stara_zagora, username="press-sz"),
        "editor": roles.editor(username="editor"),
        "photo": PhotoFactory(
            caption_bg="Градината пред общината",
            caption_en="The garden in front of the town hall",
            alt_text_bg="Фонтан сред цветни лехи",
            alt_text_en="A fountain among flower beds",
        ),  # fmt: skip
    }


def log_in(browser, live_server, username):
    context = browser.new_context(locale="bg-BG")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return context, page


def fill_translated(page, field, lang, value):
    """modeltranslation shows one language per tab: open the tab, then type."""
    page.click(f"a[href='#tab_id_{field}_{lang}']")
    page.fill(f"#id_{field}_{lang}", value)


def test_press_officer_writes_and_submits_editor_publishes_public_sees_both_languages(
    chromium, live_server, people
):
    press_context, page = log_in(chromium, live_server, "press-sz")
    page.goto(f"{live_server.url}/admin/articles/article/add/")

    fill_translated(page, "title", "bg", TITLE_BG)
    # The slug is pre-filled in the browser by the Transliteration Act, as the server would.
    assert page.input_value("#id_slug_bg") == slugify_bg(TITLE_BG)
    fill_translated(page, "lead", "bg", "Градината е с нови алеи, пейки и фонтан.")
    fill_translated(page, "body", "bg", "<p>Обновяването продължи шест месеца.</p>")
    fill_translated(page, "dateline", "bg", "Стара Загора")
    fill_translated(page, "title", "en", TITLE_EN)
    assert page.input_value("#id_slug_en") == slugify(TITLE_EN)
    fill_translated(page, "lead", "en", "The garden has new paths, benches and a fountain.")
    fill_translated(page, "body", "en", "<p>The renovation took six months.</p>")
    fill_translated(page, "dateline", "en", "Stara Zagora")
    # The press officer's only municipality is chosen for them.
    own = people["press"].press_offices.get().municipality_id
    assert page.input_value("#id_owner_municipality") == str(own)

    # A photo from the library, picked through the inline's autocomplete.
    page.click("#article_photos-group .add-row a")
    page.click("#article_photos-0 .field-photo .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "Градината")
    page.click(".select2-results__option:has-text('Градината пред общината')")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    story = Article.objects.get(title_bg=TITLE_BG)
    assert (story.status, story.created_by, story.title_en) == ("draft", people["press"], TITLE_EN)
    assert list(story.photos.all()) == [people["photo"]]

    page.click("a.workflow-submit")
    page.fill("#id_note", "Готово за публикуване.")
    page.click("input[type=submit].default")
    page.wait_for_selector(".messagelist .success")
    story.refresh_from_db()
    assert story.status == "review"
    assert page.locator("a.workflow-publish").count() == 0  # not theirs to publish
    press_context.close()

    editor_context, page = log_in(chromium, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    assert "Готово за публикуване." in page.content()  # the history shows the press officer's note
    page.click("a.workflow-publish")
    checks = page.locator(".prepublish-checks").inner_text()
    assert "Материалът няма рубрика." in checks  # no section was chosen: the editor is told
    page.click("input[type=submit].default")
    page.wait_for_selector(".messagelist .success")
    story.refresh_from_db()
    assert story.status == "published"
    editor_context.close()

    reader = chromium.new_context(locale="en-US")
    page = reader.new_page()
    page.goto(f"{live_server.url}/bg/news/{story.pk}/")
    assert page.locator("h1").inner_text() == TITLE_BG
    assert re.search(rf"/bg/news/{story.pk}-{story.slug_bg}/$", page.url)
    page.goto(f"{live_server.url}/en/news/{story.pk}/")
    assert page.locator("h1").inner_text() == TITLE_EN
    assert "The renovation took six months." in page.content()
    reader.close()


TRICKY_TITLES = [
    "Стара Загора посреща кметовете от Югоизточна България",
    "София и Истанбул: ЩАСТЛИВИ градове, 2025 г.",
    "Община „Марица“ — юбилей на Мария",
    "Щастие, юнаци и ябълки в Габрово " * 5,  # longer than a slug: cut at a word
]


def test_slug_script_transliterates_exactly_like_the_server(chromium, live_server, people):
    context, page = log_in(chromium, live_server, "press-sz")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    for title in TRICKY_TITLES:
        assert page.evaluate("t => window.newsroomSlugifyBg(t)", title) == slugify_bg(title), title
    # A slug typed by hand is kept when the headline changes.
    page.fill("#id_slug_bg", "moy-slag")
    page.fill("#id_title_bg", "Друго заглавие")
    assert page.input_value("#id_slug_bg") == "moy-slag"
    context.close()
