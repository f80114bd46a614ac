"""The news modal: opens once per message, closes with its button or Esc, gives focus back,
remembers the dismissal in localStorage (no cookie), shows a new message again, and reads as
plain content without JavaScript."""

import pytest

from newsroom.cache import purge_public_pages
from newsroom.models import SiteSettings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DIALOG = "dialog.news-modal"


def is_open(page) -> bool:
    return page.locator(f"{DIALOG}[open]").count() == 1


def test_escape_closes_the_modal_and_the_dismissal_is_remembered(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site + "/bg/")
    assert is_open(page)
    dialog = page.locator(DIALOG)
    assert dialog.get_attribute("aria-labelledby") == "news-notice-title"
    assert "Важно за читателите" in dialog.inner_text()
    assert page.evaluate("document.activeElement.className") == "news-modal-close"
    page.keyboard.press("Escape")
    assert not is_open(page)
    page.reload()
    assert not is_open(page)
    page.goto(demo_site + "/bg/archive/")
    assert not is_open(page)
    assert page.context.cookies() == [] or all("notice" not in c["name"] for c in page.context.cookies())
    stored = page.evaluate("Object.keys(window.localStorage)")
    assert len(stored) == 1 and stored[0].startswith("newsroom-notice-dismissed:")


def test_close_button_returns_focus_to_where_it_was(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site + "/bg/")
    page.locator(".news-modal-close").click()
    assert not is_open(page)
    reopen = page.locator("[data-notice-open]")
    assert reopen.is_visible()
    reopen.focus()
    page.keyboard.press("Enter")
    assert is_open(page)
    page.keyboard.press("Escape")
    assert not is_open(page)
    assert page.evaluate("document.activeElement.hasAttribute('data-notice-open')")
    reopen.click()
    page.locator(".news-modal-close").click()
    assert page.evaluate("document.activeElement.hasAttribute('data-notice-open')")


def test_a_new_message_shows_again(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site + "/bg/")
    assert is_open(page)
    page.keyboard.press("Escape")
    # The dismissal is stored by the dialog's close event; on a busy machine, wait for it
    # before reloading rather than racing the reload.
    page.wait_for_function(
        "() => Object.keys(localStorage).some(k => k.startsWith('newsroom-notice-dismissed:'))"
    )
    page.reload()
    assert not is_open(page)
    site = SiteSettings.load()
    site.modal_text_bg = "Ново съобщение за читателите."
    site.save()
    purge_public_pages()  # as saving in the admin does
    page.reload()
    assert is_open(page)
    assert "Ново съобщение за читателите." in page.locator(DIALOG).inner_text()


def test_english_page_shows_the_english_message(demo_site, chromium):
    context = chromium.new_context(locale="en-US")
    page = context.new_page()
    page.goto(demo_site + "/en/")
    assert is_open(page)
    assert "Notice to readers" in page.locator(DIALOG).inner_text()
    assert page.locator(".news-modal-close").inner_text() == "Close"
    context.close()


def test_without_javascript_the_message_is_plain_content(demo_site, chromium):
    context = chromium.new_context(locale="bg-BG", java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site + "/bg/")
    assert page.locator("dialog").count() == 0
    notice = page.locator("#news-notice")
    assert notice.is_visible() and "Важно за читателите" in notice.inner_text()
    assert page.locator("[data-notice-open]").is_hidden()
    context.close()
