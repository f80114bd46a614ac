"""Upload cases of the hardening issue not already in tests/newsroom/test_photo_uploads.py
(which covers SVG, the PNG polyglot, bombs, damaged and huge files and hostile names):
a JPEG carrying HTML and script, and invisible characters in a photo's texts."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from newsroom.models import Photo

pytestmark = pytest.mark.django_db

SCRIPT = b"<html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture
def chief(client):
    client.force_login(get_user_model().objects.create(username="chief", is_staff=True, is_superuser=True))
    return client


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (160, 100), (200, 40, 40)).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def upload(client, name, content, **texts):
    data = {
        "image": SimpleUploadedFile(name, content, content_type="image/jpeg"),
        "caption_bg": "Снимка",
        "alt_text_bg": "Площад",
        "licence": "own",
        **texts,
    }
    return client.post("/admin/newsroom/photo/add/", data)


def test_html_in_a_jpeg_comment_and_after_its_end_is_stored_as_pixels_only(chief):
    clean = jpeg()
    comment = b"\xff\xfe" + (len(SCRIPT) + 2).to_bytes(2, "big") + SCRIPT  # a COM segment
    polyglot = clean[:2] + comment + clean[2:] + SCRIPT  # and a page after the end marker
    assert Image.open(io.BytesIO(polyglot)).size == (160, 100)
    response = upload(chief, "polyglot.html.jpg", polyglot)
    assert response.status_code == 302
    stored = Path(Photo.objects.get().image.path).read_bytes()
    assert b"<script" not in stored and b"<html" not in stored
    assert stored.endswith(b"\xff\xd9")


def test_a_right_to_left_override_in_a_caption_or_credit_is_removed(chief):
    response = upload(
        chief, "photo.jpg", jpeg(),
        caption_bg="Снимка\u202e гпж.ехе", credit_bg="\u2066БТА\u2069\u200b", alt_text_en="\ufeffSquare",
    )  # fmt: skip
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.caption_bg, photo.credit_bg, photo.alt_text_en) == ("Снимка гпж.ехе", "БТА", "Square")
