"""`load_demo` loads the cleaned seed story and its world, and running it twice changes nothing."""

import re
from datetime import date, datetime, time, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from articles.demo import SEED_FILE
from articles.models import Article
from events.models import Event
from newsroom.models import Mandate, Municipality, Official, Photo, SiteSettings

pytestmark = pytest.mark.django_db

LEAKS = ("site.bta", "news.modal.header", "news.modal.text", "/ЕС/", "data:image", "<image")


def seed_lines():
    return [line.strip() for line in SEED_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def all_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"newsroom", "events", "articles", "auth"}
    }


def load(**kwargs):
    out = StringIO()
    call_command("load_demo", stdout=out, **kwargs)
    return out.getvalue()


def test_loading_twice_gives_the_same_rows(settings):
    settings.DEBUG = True
    load()
    first = all_counts()
    first_ids = sorted(Article.objects.values_list("id", "slug_bg"))
    load()
    assert all_counts() == first
    assert sorted(Article.objects.values_list("id", "slug_bg")) == first_ids
    assert first["articles.Article"] >= 6


def test_seed_story_is_the_seed_text_without_the_leaks(settings):
    settings.DEBUG = True
    load()
    lines = seed_lines()
    story = Article.objects.get(priority=Article.Priority.LEAD)
    assert story.title_bg == lines[0].removeprefix("site.bta")
    body_paragraphs = re.findall(r"<p>(.*?)</p>", story.body_bg)
    assert body_paragraphs == [lines[3], lines[4], lines[6]]
    assert story.background_bg == f"<p>{lines[5]}</p>"
    assert story.background_bg.startswith("<p>БТА припомня")
    assert story.signature == "ЕС"
    assert story.lead_bg and len(story.lead_bg) <= 300
    assert story.title_en and story.body_en and story.lead_en
    for field in ("title_bg", "title_en", "lead_bg", "body_bg", "body_en", "background_bg"):
        for leak in LEAKS:
            assert leak not in getattr(story, field), f"{leak} in {field}"


def test_seed_story_is_tied_to_its_places_people_and_event(settings):
    settings.DEBUG = True
    load()
    story = Article.objects.get(priority=Article.Priority.LEAD)
    assert {m.slug for m in story.municipalities.all()} >= {"stara-zagora", "sofia", "istanbul"}
    assert {o.slug for o in story.officials.all()} == {
        "nadezhda-chakarova", "vasil-terziev", "ekrem-imamoglu",
    }  # fmt: skip
    forum = story.events.get()
    assert (forum.start_date, forum.end_date) == (date(2025, 2, 24), date(2025, 2, 25))
    assert forum.host_municipality.slug == "sofia"
    assert story.owner_municipality.slug == "stara-zagora"
    assert story.article_photos.count() == 2
    chakarova = Official.objects.get(slug="nadezhda-chakarova")
    assert chakarova.mandate_on(date(2025, 2, 24)).position == Mandate.Position.DEPUTY_MAYOR
    assert Municipality.objects.get(slug="istanbul").country == "TR"


def test_demo_photos_are_real_images_whose_alt_text_is_not_the_headline(settings):
    settings.DEBUG = True
    load()
    headlines = set(Article.objects.values_list("title_bg", flat=True))
    for photo in Photo.objects.all():
        assert photo.width > 0 and photo.height > 0
        assert photo.alt_text_bg and photo.alt_text_en
        assert photo.alt_text_bg not in headlines
        assert photo.credit_bg


def test_modal_and_site_name_are_set_in_both_languages(settings):
    settings.DEBUG = True
    load()
    site = SiteSettings.load()
    for field in ("site_name", "modal_header", "modal_text"):
        assert getattr(site, f"{field}_bg") and getattr(site, f"{field}_en")
        assert "." not in getattr(site, f"{field}_bg").split()[0]  # not a key like news.modal


def test_workflow_demo_stories_are_in_review_and_scheduled_for_tomorrow_10(settings):
    settings.DEBUG = True
    load()
    review = Article.objects.get(title_bg="Стара Загора посреща кметовете от Югоизточна България")
    assert review.status == Article.Status.REVIEW
    scheduled = Article.objects.get(title_bg="Община Стара Загора обявява програмата за Деня на града")
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert scheduled.publish_at == datetime.combine(tomorrow, time(10), tzinfo=ZoneInfo("Europe/Sofia"))
    assert scheduled.is_scheduled
    assert not Article.objects.published().filter(pk__in=[review.pk, scheduled.pk]).exists()


def test_logins_are_created_with_debug_and_printed(settings):
    settings.DEBUG = True
    output = load()
    users = get_user_model().objects
    for name in ("admin", "editor", "reporter", "press-stara-zagora", "press-sofia"):
        assert users.get(username=name).check_password("newsroom-demo")
        assert name in output
    assert users.get(username="admin").is_superuser


def test_without_debug_no_logins_unless_asked(settings):
    settings.DEBUG = False
    output = load()
    assert not get_user_model().objects.exists()
    assert "No demo logins" in output
    assert Article.objects.exists()
    load(with_logins=True)
    assert get_user_model().objects.filter(username="editor").exists()


def test_event_lists_the_articles_that_cover_it(settings):
    settings.DEBUG = True
    load()
    forum = Event.objects.get(slug="b40-balkan-cities-forum-sofia-2025")
    assert forum.articles.published().count() >= 3
