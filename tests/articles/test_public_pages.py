"""The public pages a reader sees, in both languages."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.test import RequestFactory
from django.utils import timezone, translation

from articles.models import Correction
from articles.views import server_error
from newsroom.cache import purge_public_pages
from newsroom.models import Mandate, Page, SiteSettings
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    EventFactory,
    MandateFactory,
    MunicipalityFactory,
    OfficialFactory,
    PhotoFactory,
    SectionFactory,
    TagFactory,
)
from tests.html import read

pytestmark = pytest.mark.django_db
SOFIA = ZoneInfo("Europe/Sofia")


def get(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def url_in(obj, language="bg") -> str:
    """An object's address in `language` (a request leaves its language active in the thread)."""
    with translation.override(language):
        return obj.get_absolute_url()


def main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.fixture
def story():
    """A full story: two photos, an official whose role later ended, an event, a correction."""
    place = MunicipalityFactory(name_bg="Стара Загора", name_en="Stara Zagora")
    official = OfficialFactory(full_name_bg="Екрем Имамоглу", full_name_en="Ekrem Imamoglu")
    MandateFactory(
        official=official, municipality=place, position=Mandate.Position.MAYOR,
        start=date(2019, 6, 27), end=date(2025, 3, 22),
    )  # fmt: skip
    event = EventFactory(
        name_bg="Форум B40", name_en="B40 Forum", venue_bg="София", venue_en="Sofia",
        start_date=date(2025, 2, 24), end_date=date(2025, 2, 25), host_municipality=place,
    )  # fmt: skip
    article = ArticleFactory(
        title_bg="Сътрудничеството между градовете", title_en="Cooperation between cities",
        lead_bg="Кратко резюме.", lead_en="A short summary.",
        dateline_bg="София", dateline_en="Sofia", signature="ЕС",
        source_bg="пресцентърът на общината", source_en="the municipality's press centre",
        background_bg="<p>БТА припомня, че форумът е открит.</p>",
        background_en="<p>BTA recalls that the forum opened.</p>",
        publish_at=datetime(2025, 2, 24, 14, 12, tzinfo=SOFIA),
    )  # fmt: skip
    article.officials.add(official)
    article.events.add(event)
    article.municipalities.add(place)
    first = ArticlePhotoFactory(
        article=article, order=0,
        photo=PhotoFactory(
            caption_bg="Първа снимка", caption_en="First photo", credit_bg="БТА", credit_en="BTA"
        ),
    )  # fmt: skip
    ArticlePhotoFactory(article=article, order=1, photo=PhotoFactory(caption_bg="Втора", caption_en="Second"))
    Correction.objects.create(article=article, text_bg="Поправена дата.", text_en="The date was corrected.")
    return {"article": article, "official": official, "event": event, "place": place, "first": first}


def test_article_page_shows_every_part_of_the_story_in_bulgarian(client, story):
    article = story["article"]
    html = get(client, url_in(article))
    body = main(html)
    assert "<h1>Сътрудничеството между градовете</h1>" in body
    assert 'class="lead">Кратко резюме.' in body
    assert "24 февруари 2025 г., 14:12" in body
    assert 'class="dateline">София' in body
    assert "/ЕС/" in body
    assert "Източник: пресцентърът на общината" in body
    assert "БТА припомня" in body
    assert "Снимка: БТА" in body
    # The first photo is the figure, shown once; the second is in the gallery.
    first_url = story["first"].photo.image.url
    assert body.count(first_url) == 1
    assert body.count("<figure") == 2 and "Втора" in body
    # The official is linked, with the role held on the story's date (it has ended since).
    assert f'href="{url_in(story["official"])}"' in body
    assert "Екрем Имамоглу</a>, кмет, Стара Загора" in body
    assert f'href="{url_in(story["event"])}"' in body
    assert "Поправки" in body and "Поправена дата." in body


def test_article_page_in_english_shows_the_english_version_and_latin_initials(client, story):
    url = url_in(story["article"], "en")
    body = main(get(client, url))
    assert "<h1>Cooperation between cities</h1>" in body
    assert "24 February 2025, 14:12" in body
    assert "/ES/" in body and "Source: the municipality&#x27;s press centre" in body
    assert "Ekrem Imamoglu</a>, mayor, Stara Zagora" in body
    assert "The date was corrected." in body
    assert not re.search("[А-Яа-я]", body)


def test_language_switcher_leads_to_the_same_story_in_the_other_language(client, story):
    article = story["article"]
    page = read(get(client, url_in(article)))
    english = url_in(article, "en")
    assert english in page.links
    html = get(client, english)
    assert '<html lang="en">' in html
    assert 'hreflang="bg"' in html and 'hreflang="x-default"' in html


def test_story_without_english_gets_a_clear_page_linking_the_original(client):
    article = ArticleFactory(title_bg="Само на български", title_en="", lead_en="", body_en="")
    bg_url = url_in(article)
    bg_page = read(get(client, bg_url))
    english_link = next(link for link in bg_page.links if link.startswith("/en/news/"))
    html = get(client, english_link, status=404)
    assert "This item is not available in English" in html
    assert f'href="{bg_url}"' in html and 'lang="bg"' in html
    assert 'hreflang="en"' not in get(client, bg_url).split("</head>")[0]


def test_english_pages_never_show_bulgarian_fallbacks(client):
    section = SectionFactory(name_bg="Региони", name_en="Regions")
    ArticleFactory(title_bg="Само на български", title_en="", section=section)
    mixed = ArticleFactory(title_bg="Двуезична", title_en="Bilingual", lead_en="", section=section)
    for url in ["/en/", url_in(section).replace("/bg/", "/en/"), "/en/archive/"]:
        body = main(get(client, url))
        assert "Само на български" not in body
        assert not re.search("[А-Яа-я]", body), url
    body = main(get(client, url_in(mixed, "en")))
    assert "Bilingual" in body and "Кратко резюме" not in body


def test_untranslated_names_are_transliterated_on_english_pages(client):
    place = MunicipalityFactory(name_bg="Стара Загора", name_en="")
    body = main(get(client, f"/en/municipality/{place.slug}/"))
    assert "<h1>Stara Zagora</h1>" in body


def test_home_has_lead_latest_sections_and_events(client):
    section = SectionFactory(name_bg="Политика", name_en="Politics")
    lead = ArticleFactory(title_bg="Водеща новина", priority=1, section=section)
    ArticleFactory.create_batch(3, section=section)
    EventFactory(name_bg="Ден на града", start_date=timezone.localdate() + timedelta(days=3))
    EventFactory(name_bg="Минало събитие", start_date=date(2020, 1, 1), end_date=date(2020, 1, 2))
    body = main(get(client, "/bg/"))
    assert 'id="lead-title"><a href="' + url_in(lead) in body
    assert "Последни новини" in body and "Политика" in body
    assert "Ден на града" in body and "Минало събитие" not in body


def section_block(body: str, section) -> str:
    start = body.index(f'aria-labelledby="section-{section.pk}"')
    return body[start : body.index("</section>", start)]


def test_home_section_blocks_hold_each_sections_newest_public_stories(client):
    politics = SectionFactory(name_bg="Политика", name_en="Politics", order=1)
    culture = SectionFactory(name_bg="Култура", name_en="Culture", order=2)
    now = timezone.now()
    politics_stories = [
        ArticleFactory(section=politics, title_bg=f"Политика {n}", title_en=f"Politics {n}",
                       publish_at=now - timedelta(hours=n))
        for n in range(1, 7)
    ]  # fmt: skip
    bg_only = ArticleFactory(
        section=culture, title_bg="Само български", title_en="", publish_at=now - timedelta(hours=1)
    )
    ArticleFactory(section=culture, title_bg="Култура чернова", draft=True)
    ArticleFactory(section=culture, title_bg="Култура утре", scheduled=True)
    body = main(get(client, "/bg/"))
    assert body.index(f'id="section-{politics.pk}"') < body.index(f'id="section-{culture.pk}"')
    block = section_block(body, politics)
    shown = [story.title_bg for story in politics_stories if story.title_bg in block]
    assert shown == ["Политика 1", "Политика 2", "Политика 3", "Политика 4"]
    assert block.index("Политика 1") < block.index("Политика 4")
    culture_block = section_block(body, culture)
    assert bg_only.title_bg in culture_block
    assert "чернова" not in culture_block and "утре" not in culture_block
    english = main(get(client, "/en/"))
    assert "Politics 1" in section_block(english, politics)
    # A section whose stories have no English has no block on the English front page.
    assert f'id="section-{culture.pk}"' not in english


def test_a_section_newer_than_the_cached_menu_still_has_its_page(client):
    from newsroom import sitewide
    from newsroom.models import Section

    SectionFactory(name_bg="Политика")
    sitewide.sections()  # the menu's cached list, from before the new section
    # bulk_create sends no signal: the cached list does not know the new section.
    (fresh,) = Section.objects.bulk_create([Section(name_bg="Спорт", name_en="Sport", slug="sport", order=5)])
    ArticleFactory(section=fresh, title_bg="Мач")
    ArticleFactory(section=fresh, title_bg="Реванш")
    body = main(get(client, "/bg/section/sport/"))
    assert "<h1>Спорт</h1>" in body and "Мач" in body and "Реванш" in body
    archive = main(get(client, f"/bg/archive/{timezone.localdate():%Y/%-m}/"))
    assert archive.count("· Спорт") == 2  # each story's section, read once for both
    get(client, "/bg/section/nyama-takava/", status=404)


def test_section_tag_municipality_official_and_event_pages(client, story):
    article, place, official, event = story["article"], story["place"], story["official"], story["event"]
    tag = TagFactory(name_bg="Местна власт")
    article.tags.add(tag)
    current = OfficialFactory(full_name_bg="Живко Тодоров")
    MandateFactory(
        official=current, municipality=place, position=Mandate.Position.MAYOR, start=date(2023, 11, 1)
    )
    for url in [url_in(article.section), url_in(tag), url_in(event)]:
        assert article.title_bg in main(get(client, url))
    municipality = main(get(client, url_in(place)))
    assert article.title_bg in municipality
    assert "Живко Тодоров" in municipality and "Екрем Имамоглу" not in municipality  # current officials only
    profile = main(get(client, url_in(official)))
    assert article.title_bg in profile and "27 юни 2019 г." in profile
    event_page = main(get(client, url_in(event)))
    assert "24 февруари 2025 г." in event_page and "София" in event_page and "Стара Загора" in event_page


def test_archive_by_month_and_day(client, story):
    assert "февруари 2025 г." in main(get(client, "/bg/archive/"))
    assert story["article"].title_bg in main(get(client, "/bg/archive/2025/2/"))
    assert story["article"].title_bg in main(get(client, "/bg/archive/2025/2/24/"))
    assert story["article"].title_bg not in main(get(client, "/bg/archive/2025/2/25/"))


@pytest.mark.parametrize(
    "url", ["/bg/archive/2025/13/", "/bg/archive/2025/2/30/", "/bg/archive/9999/12/", "/bg/archive/0/1/",
            "/bg/archive/99999999999999999999/1/"],
)  # fmt: skip
def test_impossible_archive_dates_answer_404(client, url):
    get(client, url, status=404)


@pytest.mark.parametrize("page", ["99999999999", "-1", "abc", "0", "51"])
def test_absurd_page_numbers_on_lists_answer_404(client, page):
    section = SectionFactory()
    ArticleFactory(section=section)
    get(client, f"{url_in(section)}?page={page}", status=404)


def test_lists_are_paginated(client):
    section = SectionFactory()
    ArticleFactory.create_batch(25, section=section)
    first = main(get(client, url_in(section)))
    second = main(get(client, url_in(section) + "?page=2"))
    assert first.count('class="story-item"') == 20 and second.count('class="story-item"') == 5
    # Lists are not counted: each page says its number and links to its neighbours only.
    assert "Страница 1" in first and 'page=2" rel="next"' in first and 'rel="prev"' not in first
    assert "Страница 2" in second and 'page=1" rel="prev"' in second and 'rel="next"' not in second
    assert "Страница 3" not in second
    get(client, url_in(section) + "?page=3", status=404)


def test_standing_pages_in_both_languages_and_old_urls_redirect(client):
    Page.objects.create(kind="about", title_bg="За нас", title_en="About us", body_bg="<p>Текст</p>")
    Page.objects.create(kind="privacy", title_bg="Поверителност", title_en="")
    assert "<h1>За нас</h1>" in get(client, "/bg/about/")
    assert "<h1>About us</h1>" in get(client, "/en/about/")
    assert "not available in English" in get(client, "/en/privacy/", status=404)
    get(client, "/bg/contacts/", status=404)
    footer = get(client, "/bg/").split('class="site-footer"')[1]
    assert 'href="/bg/about/"' in footer and 'href="/bg/privacy/"' in footer
    Redirect.objects.create(
        site=Site.objects.get_current(), old_path="/stari/za-nas.html", new_path="/bg/about/"
    )
    response = client.get("/stari/za-nas.html")
    assert response.status_code == 301 and response["Location"] == "/bg/about/"


def test_not_found_page_speaks_the_language_of_its_address(client, settings):
    settings.DEBUG = False
    assert "Страницата не е намерена" in get(client, "/bg/nyama-takava/", status=404)
    english = get(client, "/en/no-such-page/", status=404)
    assert "Page not found" in english and '<html lang="en">' in english


def test_server_error_page_speaks_the_language_and_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/en/")
    for language, text in [("en", "Something went wrong"), ("bg", "Възникна грешка")]:
        with translation.override(language), django_assert_num_queries(0):
            response = server_error(request)
        assert response.status_code == 500
        assert text in response.content.decode() and f'<html lang="{language}">' in response.content.decode()


def test_root_and_x_default_redirect_by_the_browser_language(client, story):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/bg/"
    path = url_in(story["article"]).removeprefix("/bg")
    assert client.get(path, HTTP_ACCEPT_LANGUAGE="bg")["Location"].startswith("/bg/news/")


def test_news_modal_reads_as_plain_content_in_the_page_language(client):
    site = SiteSettings.load()
    site.modal_header_bg, site.modal_text_bg = "Важно", "Текстът на съобщението."
    site.modal_header_en, site.modal_text_en = "Notice", "The notice's text."
    site.save()
    purge_public_pages()  # as saving in the admin does
    html = get(client, "/bg/")
    notice = html.split('id="news-notice"', 1)[1].split("</section>", 1)[0]
    assert "Важно" in notice and "Текстът на съобщението." in notice
    assert "<dialog" not in html and " hidden" not in notice.split(">", 1)[0]
    assert "The notice&#x27;s text." in get(client, "/en/")
    bg_key = re.search(r'data-notice-key="(\w+)"', html).group(1)
    site.modal_text_bg = "Ново съобщение."
    site.save()
    purge_public_pages()  # as saving in the admin does
    assert re.search(r'data-notice-key="(\w+)"', get(client, "/bg/")).group(1) != bg_key


def test_news_modal_falls_back_to_bulgarian_and_is_absent_when_empty(client):
    site = SiteSettings.load()
    site.modal_header_bg, site.modal_text_bg = "Важно", "Само на български."
    site.modal_header_en = site.modal_text_en = ""
    site.save()
    purge_public_pages()  # as saving in the admin does
    english = get(client, "/en/")
    assert 'id="news-notice"' in english and 'lang="bg"' in english.split('id="news-notice"')[1][:300]
    site.modal_header_bg = site.modal_text_bg = ""
    site.save()
    purge_public_pages()  # as saving in the admin does
    assert 'id="news-notice"' not in get(client, "/bg/")
    assert "data-notice-open" not in get(client, "/bg/")


def test_public_pages_carry_no_inline_script_style_or_handlers(client, story):
    """So they work under a strict Content-Security-Policy."""
    en_url = url_in(story["article"], "en")
    for url in ["/bg/", url_in(story["article"]), en_url, "/bg/search/?q=град", "/en/archive/"]:
        html = get(client, url)
        for script in re.findall(r"<script\b[^>]*>", html):
            assert 'src="' in script or 'type="application/ld+json"' in script, (url, script)
        assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=", html), url


def test_article_template_renders_from_the_article_and_request_alone(rf):
    """The admin's preview renders the story page with nothing but the object and the request."""
    from django.template.loader import render_to_string

    draft = ArticleFactory(draft=True, title_bg="Чернова за преглед", signature="ЕС")
    ArticlePhotoFactory(article=draft)
    request = rf.get("/admin/articles/article/1/preview/")
    with translation.override("bg"):
        html = render_to_string(
            "articles/article_detail.html", {"article": draft, "object": draft}, request=request
        )
    assert "<h1>Чернова за преглед</h1>" in html and "/ЕС/" in html
    assert '<meta name="robots" content="noindex">' in html
