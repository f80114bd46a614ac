"""The shared core's models: constraints, translations with fallback, stable unique slugs,
and officials whose roles change over time."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from newsroom.models import Mandate, Municipality, Section, SiteSettings
from tests.factories import MandateFactory, MunicipalityFactory, OfficialFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def test_english_falls_back_to_bulgarian_when_missing():
    place = Municipality.objects.create(name_bg="Стара Загора", name_en="")
    with translation.override("en"):
        assert Municipality.objects.get(pk=place.pk).name == "Стара Загора"
    place.name_en = "Stara Zagora"
    place.save()
    with translation.override("en"):
        assert Municipality.objects.get(pk=place.pk).name == "Stara Zagora"
    with translation.override("bg"):
        assert Municipality.objects.get(pk=place.pk).name == "Стара Загора"


def test_slug_is_transliterated_from_the_bulgarian_name():
    assert Municipality.objects.create(name_bg="Стара Загора").slug == "stara-zagora"
    assert Section.objects.create(name_bg="Икономика").slug == "ikonomika"


def test_slugs_are_unique():
    first = Municipality.objects.create(name_bg="Бяла")
    second = Municipality.objects.create(name_bg="Бяла", region_bg="Варна")
    assert (first.slug, second.slug) == ("byala", "byala-2")
    with pytest.raises(IntegrityError), transaction.atomic():
        Municipality.objects.create(name_bg="Друга", slug="byala")


def test_slug_stays_when_the_name_changes():
    place = Municipality.objects.create(name_bg="Сталин")
    place.name_bg = "Варна"
    place.save()
    place.refresh_from_db()
    assert place.slug == "stalin"


def test_country_is_stored_as_upper_case_iso_code():
    assert Municipality.objects.create(name_bg="Истанбул", country="tr").country == "TR"


def test_coordinates_out_of_range_are_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Municipality.objects.create(name_bg="Никъде", latitude=95, longitude=10)


def test_mandate_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        MandateFactory(start=date(2024, 1, 1), end=date(2023, 1, 1))


def test_a_story_keeps_the_role_its_subject_held_on_the_story_date():
    """A deputy mayor who becomes mayor is a deputy mayor in last year's stories."""
    official = OfficialFactory(full_name_bg="Надежда Чакърова")
    city = MunicipalityFactory(name_bg="Стара Загора")
    MandateFactory(
        official=official, municipality=city, position=Mandate.Position.DEPUTY_MAYOR,
        start=date(2023, 11, 13), end=date(2026, 5, 31),
    )  # fmt: skip
    MandateFactory(
        official=official, municipality=city, position=Mandate.Position.MAYOR, start=date(2026, 6, 1)
    )
    assert official.mandate_on(date(2025, 2, 24)).position == Mandate.Position.DEPUTY_MAYOR
    assert official.mandate_on(date(2026, 7, 1)).position == Mandate.Position.MAYOR
    assert official.mandate_on(date(2020, 1, 1)) is None


def test_suspended_mayor_holds_no_current_mandate_after_the_end():
    mandate = MandateFactory(start=date(2019, 6, 27), end=date(2025, 3, 22), note_bg="отстранен от длъжност")
    assert mandate.official.mandate_on(date(2025, 2, 24)) == mandate
    assert mandate.official.mandate_on(date(2025, 4, 1)) is None
    assert list(mandate.municipality.current_mandates(date(2025, 4, 1))) == []


def test_photo_stores_its_dimensions_and_a_generated_name():
    photo = PhotoFactory()
    assert (photo.width, photo.height) == (800, 500)
    assert "photo.jpg" not in photo.image.name
    assert photo.image.name.startswith("photos/") and photo.image.name.endswith(".jpg")


def test_site_settings_is_a_single_row_and_modal_shows_only_with_text():
    settings = SiteSettings.load()
    assert not settings.has_modal
    settings.modal_header_bg = "Важно"
    settings.save()
    assert SiteSettings.objects.count() == 1
    assert SiteSettings.load().has_modal
    SiteSettings(site_name_bg="Друго").save()  # saving another instance updates the one row
    assert SiteSettings.objects.count() == 1
