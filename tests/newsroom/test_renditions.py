"""Renditions are drawn once, after commit, and recorded with their sizes; pages read the record."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.template import Context, Template
from PIL import Image

from newsroom.models import Photo
from newsroom.renditions import OG_SIZE, make_renditions
from tests.factories import PhotoFactory, image_bytes

pytestmark = pytest.mark.django_db


def media(name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / name


def test_saving_a_photo_draws_webp_and_jpeg_widths_and_an_open_graph_card_after_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        photo = PhotoFactory(image=ContentFile(image_bytes(size=(1500, 1000)), name="square.jpg"))
    photo.refresh_from_db()
    assert photo.renditions == {}, "nothing is drawn before the transaction commits"
    for callback in callbacks:
        callback()
    photo.refresh_from_db()
    record = photo.renditions
    assert [item["width"] for item in record["webp"]] == [320, 640, 960, 1280]
    assert [item["width"] for item in record["jpeg"]] == [320, 640, 960, 1280]
    for item in record["webp"] + record["jpeg"]:
        with Image.open(media(item["name"])) as image:
            assert image.size == (item["width"], item["height"])
            assert image.format == ("WEBP" if item["name"].endswith(".webp") else "JPEG")
    assert record["jpeg"][0]["height"] == round(1000 * 320 / 1500)
    with Image.open(media(record["og"]["name"])) as card:
        assert card.size == OG_SIZE


def test_a_small_photo_is_not_enlarged(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory(image=ContentFile(image_bytes(size=(200, 150)), name="small.png"))
    photo.refresh_from_db()
    assert [item["width"] for item in photo.renditions["jpeg"]] == [200]


def test_an_unchanged_image_is_not_redrawn_when_the_photo_is_saved_again(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory()
    photo.refresh_from_db()
    drawn = photo.renditions
    assert make_renditions(photo.pk) is False
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        photo.caption_bg = "Нов надпис"
        photo.save()
    assert callbacks == []
    photo.refresh_from_db()
    assert photo.renditions == drawn


def test_a_broken_image_leaves_no_renditions_and_no_error(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        photo = PhotoFactory()
    Path(photo.image.path).write_bytes(b"not an image")
    assert make_renditions(photo.pk) is False
    assert Photo.objects.get(pk=photo.pk).renditions == {}


def test_picture_tag_uses_the_record_and_never_opens_the_files(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory(image=ContentFile(image_bytes(size=(1600, 1000)), name="wide.jpg"))
    photo = Photo.objects.get(pk=photo.pk)
    for item in photo.renditions["jpeg"] + photo.renditions["webp"]:
        media(item["name"]).unlink()  # a template that opened files would now fail
    html = Template("{% load pictures %}{% picture photo %}").render(Context({"photo": photo}))
    assert '<source type="image/webp" srcset="' in html
    assert "-320.webp 320w" in html and "-1600.jpg 1600w" in html
    assert 'width="960" height="600"' in html
    assert 'alt="A square with a fountain"' not in html  # bg is the active language here
    assert 'alt="Площад с фонтан"' in html


def test_picture_without_renditions_shows_the_original_with_its_size():
    photo = PhotoFactory(image=ContentFile(image_bytes(size=(640, 480)), name="new.jpg"))
    html = Template("{% load pictures %}{% picture photo %}").render(Context({"photo": photo}))
    assert photo.image.url in html and 'width="640" height="480"' in html


def test_make_renditions_command_draws_what_is_missing(django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=False):
        photo = PhotoFactory()
    out = StringIO()
    call_command("make_renditions", stdout=out)
    assert "1 photo" in out.getvalue()
    assert Photo.objects.get(pk=photo.pk).renditions["og"]["width"] == 1200
    call_command("make_renditions", stdout=out)
    assert "for 0 photo" in out.getvalue()


def test_demo_photos_get_renditions_when_the_demo_is_loaded(django_capture_on_commit_callbacks):
    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    photos = list(Photo.objects.all())
    assert photos
    for photo in photos:
        assert photo.renditions["source"] == photo.image.name
        assert photo.renditions["og"]["width"] == 1200 and photo.renditions["webp"]
