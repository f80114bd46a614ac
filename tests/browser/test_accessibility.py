"""axe-core in headless Chromium: no serious or critical violations on any page type, in both
languages; every page fits a 360 px phone without sideways scrolling, and prints without chrome."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation

from articles.models import Article
from events.models import Event
from newsroom.models import Municipality, Official, Section, Tag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def page_types(language: str) -> list[str]:
    with translation.override(language):
        lead = Article.objects.get(priority=Article.Priority.LEAD)
        paths = [
            f"/{language}/",
            lead.get_absolute_url(),
            Section.objects.get(slug="regions").get_absolute_url(),
            Tag.objects.get(slug="b40").get_absolute_url(),
            Municipality.objects.get(slug="stara-zagora").get_absolute_url(),
            Official.objects.get(slug="nadezhda-chakarova").get_absolute_url(),
            Event.objects.get(slug="b40-balkan-cities-forum-sofia-2025").get_absolute_url(),
            f"/{language}/archive/",
            f"/{language}/archive/2025/2/",
            f"/{language}/search/?q=B40",
            f"/{language}/about/",
            f"/{language}/no-such-page/",
        ]
    if language == "en":
        bulgarian_only = Article.objects.published().filter(title_en="").first()
        paths.append(f"/en/news/{bulgarian_only.pk}-{bulgarian_only.slug_bg}/")
    return paths


@pytest.mark.parametrize("language", ["bg", "en"])
def test_no_serious_accessibility_violations_and_no_sideways_scrolling(demo_site, chromium, language):
    context = chromium.new_context(
        locale="bg-BG" if language == "bg" else "en-US", viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    axe = Axe()
    problems = []
    try:
        for index, path in enumerate(page_types(language)):
            page.goto(demo_site + path)
            if index == 0:
                assert page.locator("dialog.news-modal[open]").count() == 1
                problems += serious(axe.run(page), path + " (news modal open)")
                page.keyboard.press("Escape")
            assert page.locator("html").get_attribute("lang") == language
            problems += serious(axe.run(page), path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 360:
                problems.append(f"{path}: {width}px wide on a 360px phone")
        # The check can fail: a picture without alt text and an unlabelled field are reported.
        page.set_content('<html lang="bg"><body><main><img src="/x.png"><input></main></body></html>')
        assert serious(axe.run(page), "self-check")
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


def serious(results, path) -> list[str]:
    return [
        f"{path}: {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_print_shows_the_story_without_navigation_or_the_notice(demo_site, browser_page):
    with translation.override("bg"):
        url = Article.objects.get(priority=Article.Priority.LEAD).get_absolute_url()
    browser_page.emulate_media(media="print")
    browser_page.goto(demo_site + url)
    assert browser_page.locator(".site-nav").is_hidden()
    assert browser_page.locator(".site-search").is_hidden()
    assert browser_page.locator("dialog.news-modal").is_hidden()
    assert browser_page.locator(".story-body").is_visible()
    assert browser_page.locator(".signature").inner_text() == "/ЕС/"
