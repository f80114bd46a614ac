"""Photo uploads through the real admin add view: each bad file is refused with its message and
nothing is stored; each accepted photo is stored upright, in sRGB, without metadata, under a
generated name."""

import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from newsroom.models import Photo
from tests.factories import ArticleFactory, ArticlePhotoFactory, OfficialFactory, PhotoFactory
from tests.newsroom.imagemaker import encode, png_claiming_size, swapped_primaries_icc

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/newsroom/photo/add/"
STORED_NAME = re.compile(r"^photos/\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png|webp)$")

NOT_AN_IMAGE = "The file is not a JPEG, PNG or WebP image, whatever its name says."
SVG = "SVG drawings are not accepted. Upload a photo as JPEG, PNG or WebP."
DAMAGED = "The image is damaged or incomplete. Export it again and upload the new file."


def too_many_pixels(limit: str) -> str:
    return (
        f"The image has too many pixels: at most {limit} megapixels are accepted. "
        "Reduce its size and upload it again."
    )


@pytest.fixture
def admin_client(client):
    # No password: hashing one would only slow every test down.
    user = get_user_model().objects.create(username="photo-boss", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def upload(client, name: str, content: bytes, language: str = "en", content_type: str = "image/jpeg"):
    data = {
        "image": SimpleUploadedFile(name, content, content_type=content_type),
        "caption_bg": "Снимка",
        "alt_text_bg": "Площад",
        "licence": "own",
    }
    return client.post(ADD_URL, data, HTTP_ACCEPT_LANGUAGE=language)


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def image_errors(response) -> list[str]:
    assert response.status_code == 200, "a refused upload shows the form again, not an error page"
    return list(response.context["adminform"].form.errors.get("image", []))


def photo_jpeg(size=(200, 100), color=(30, 120, 200), **params) -> bytes:
    return encode(Image.new("RGB", size, color), "JPEG", **params)


def stored_image(photo: Photo) -> Image.Image:
    with photo.image.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


# --- Refused ----------------------------------------------------------------------------------

SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def truncated_jpeg() -> bytes:
    data = encode(Image.effect_noise((400, 300), 60).convert("RGB"), "JPEG", quality=95)
    return data[: len(data) // 2]


def corrupt_png() -> bytes:
    data = bytearray(encode(Image.effect_noise((200, 200), 60).convert("RGB"), "PNG"))
    middle = len(data) // 2
    data[middle : middle + 64] = b"\xff" * 64  # garbage inside the compressed pixels
    return bytes(data)


REFUSED = {
    "svg with a script": ("drawing.svg", SVG_WITH_SCRIPT, SVG),
    "svg named .jpg": ("photo.jpg", b'<?xml version="1.0"?>\n' + SVG_WITH_SCRIPT, SVG),
    "text file named .jpg": ("photo.jpg", b"This is not a photo, just some text.\n" * 20, NOT_AN_IMAGE),
    "html named .png": ("photo.png", b"<html><body><script>alert(1)</script></body></html>", NOT_AN_IMAGE),
    "gif": ("photo.gif", encode(Image.new("RGB", (50, 50), "red"), "GIF"), NOT_AN_IMAGE),
    "tiff named .jpg": ("photo.jpg", encode(Image.new("RGB", (50, 50), "red"), "TIFF"), NOT_AN_IMAGE),
    "truncated jpeg": ("photo.jpg", truncated_jpeg(), DAMAGED),
    "corrupt png": ("photo.png", corrupt_png(), DAMAGED),
    "only a jpeg header": ("photo.jpg", photo_jpeg()[:200], DAMAGED),
    "decompression bomb": ("bomb.png", png_claiming_size(100_000, 100_000), too_many_pixels("50")),
    "empty file": ("photo.jpg", b"", "The file is empty."),
}


@pytest.mark.parametrize(("name", "content", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_bad_files_are_refused_with_a_clear_message_and_nothing_is_stored(
    admin_client, settings, name, content, message
):
    response = upload(admin_client, name, content)
    assert image_errors(response) == [message]
    assert Photo.objects.count() == 0
    assert stored_files(settings) == []


def test_a_50_mb_file_is_refused_with_its_size_and_the_limit(admin_client, settings, tmp_path):
    big = tmp_path / "huge.jpg"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, almost nothing on disk
        handle.write(photo_jpeg())
        handle.truncate(50 * 1024 * 1024)
    response = upload(admin_client, "huge.jpg", big.read_bytes())
    assert image_errors(response) == ["The file is 50.0\xa0MB; a photo may be at most 20.0\xa0MB."]
    assert Photo.objects.count() == 0
    assert stored_files(settings) == []


def test_the_pixel_limit_comes_from_settings(admin_client, settings):
    settings.PHOTO_MAX_PIXELS = 1_000_000
    response = upload(admin_client, "wide.jpg", photo_jpeg(size=(1001, 1000)))
    assert image_errors(response) == [too_many_pixels("1")]
    assert Photo.objects.count() == 0

    response = upload(admin_client, "fits.jpg", photo_jpeg(size=(1000, 1000)))
    assert response.status_code == 302
    assert Photo.objects.get().width == 1000


def test_pillows_decompression_bomb_warning_is_a_refusal_too(admin_client, settings):
    """Above Pillow's own guard (about 89 megapixels) even a generous setting does not let it through."""
    settings.PHOTO_MAX_PIXELS = 1_000_000_000
    response = upload(admin_client, "bomb.png", png_claiming_size(10_000, 10_000))
    assert image_errors(response) == [too_many_pixels("89.4")]
    assert stored_files(settings) == []


def test_refusals_are_translated_into_bulgarian(admin_client, settings):
    response = upload(admin_client, "photo.jpg", b"just text", language="bg")
    assert image_errors(response) == [
        "Файлът не е изображение във формат JPEG, PNG или WebP, каквото и да казва името му."
    ]
    response = upload(admin_client, "drawing.svg", SVG_WITH_SCRIPT, language="bg")
    assert image_errors(response) == [
        "Не се приемат SVG рисунки. Качете снимка във формат JPEG, PNG или WebP."
    ]


# --- Neutralised ------------------------------------------------------------------------------


def test_html_in_png_polyglot_is_stored_as_pixels_only(admin_client, settings):
    from tests.newsroom.imagemaker import png_chunk

    clean = encode(Image.new("RGB", (120, 80), (10, 200, 30)), "PNG")
    script = b"<html><script>alert(document.domain)</script></html>"
    # A script in a text chunk before the end, and an HTML page after it.
    polyglot = clean[:-12] + png_chunk(b"tEXt", b"Comment\x00" + script) + clean[-12:] + script
    assert Image.open(io.BytesIO(polyglot)).size == (120, 80)

    response = upload(admin_client, "polyglot.png", polyglot, content_type="image/png")
    assert response.status_code == 302
    photo = Photo.objects.get()
    stored = Path(photo.image.path).read_bytes()
    assert b"<script" not in stored and b"<html" not in stored
    assert stored.endswith(png_chunk(b"IEND", b""))
    assert stored_image(photo).getpixel((5, 5)) == (10, 200, 30)


HOSTILE_NAMES = {
    "path traversal": "../../x.jpg",
    "absolute path": "/etc/cron.d/x.jpg",
    "encoded NUL": "a.php%00.jpg",
    "NUL byte": "a.php\x00.jpg",
    "php double extension": "shell.php.jpg",
    "300 characters": "л" * 296 + ".jpg",
    "right-to-left override": "photo\u202egpj.exe",
    "html in the name": '"><img src=x onerror=alert(1)>.jpg',
}


@pytest.mark.parametrize("name", HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
def test_uploaded_names_never_reach_the_file_system_or_urls(admin_client, settings, name):
    response = upload(admin_client, name, photo_jpeg())
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert STORED_NAME.match(photo.image.name), photo.image.name
    assert photo.image.name.endswith(".jpg")
    media = Path(settings.MEDIA_ROOT)
    assert stored_files(settings) == [media / photo.image.name]
    for fragment in ("x", "php", "etc", "gpj", "exe", "onerror", "лллл", "%00"):
        if fragment in name:
            assert fragment not in photo.image.name.split("/")[-1].removesuffix(".jpg")
            assert fragment not in photo.image.url.rsplit("/", 1)[-1].removesuffix(".jpg")


def test_a_photo_whose_metadata_mentions_svg_is_not_mistaken_for_one(admin_client):
    jpeg = photo_jpeg(comment=b'<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    assert b"<svg" in jpeg[:1024]
    assert upload(admin_client, "logo-photo.jpg", jpeg).status_code == 302
    assert b"<svg" not in Path(Photo.objects.get().image.path).read_bytes()


def test_the_uploader_is_recorded_and_cannot_be_chosen(admin_client):
    other = get_user_model().objects.create(username="someone-else", is_staff=True)
    response = admin_client.post(
        ADD_URL,
        {"image": SimpleUploadedFile("a.jpg", photo_jpeg()), "licence": "own", "uploaded_by": other.pk},
    )
    assert response.status_code == 302
    assert Photo.objects.get().uploaded_by.username == "photo-boss"


def test_the_stored_extension_follows_the_content_not_the_name(admin_client):
    png = encode(Image.new("RGB", (60, 40), (200, 10, 10)), "PNG")
    assert upload(admin_client, "holiday.jpg", png, content_type="image/png").status_code == 302
    photo = Photo.objects.get()
    assert photo.image.name.endswith(".png")
    assert stored_image(photo).format == "PNG"


# --- Normalised -------------------------------------------------------------------------------


def sideways_jpeg_with_metadata() -> bytes:
    """200x100, red on the left and blue on the right, with EXIF 'rotate 90° clockwise to show',
    GPS coordinates, a camera serial, an XMP packet and a comment."""
    image = Image.new("RGB", (200, 100), (220, 0, 0))
    image.paste((0, 0, 220), (100, 0, 200, 100))
    exif = image.getexif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW
    exif[0x010F] = "SecretCam"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (42.0, 25.0, 30.0), "E", (25.0, 37.0, 10.0)
    return encode(
        image,
        "JPEG",
        quality=95,
        exif=exif,
        comment=b"home address comment",
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">secret-xmp-location</x:xmpmeta>',
    )


def test_exif_orientation_is_applied_to_the_pixels(admin_client):
    assert upload(admin_client, "sideways.jpg", sideways_jpeg_with_metadata()).status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (100, 200)
    image = stored_image(photo)
    assert image.size == (100, 200)
    top, bottom = image.getpixel((50, 20)), image.getpixel((50, 180))
    assert top[0] > 180 and top[2] < 60, "the left (red) half is now on top"
    assert bottom[2] > 180 and bottom[0] < 60
    assert 0x0112 not in image.getexif()


def test_location_and_all_other_metadata_are_stripped(admin_client):
    original = sideways_jpeg_with_metadata()
    for marker in (b"SecretCam", b"home address comment", b"secret-xmp-location"):
        assert marker in original
    assert upload(admin_client, "gps.jpg", original).status_code == 302
    photo = Photo.objects.get()
    stored = Path(photo.image.path).read_bytes()
    for marker in (b"SecretCam", b"home address comment", b"secret-xmp-location", b"Exif\x00\x00"):
        assert marker not in stored
    image = stored_image(photo)
    assert dict(image.getexif()) == {}
    assert image.getexif().get_ifd(0x8825) == {}
    assert "comment" not in image.info and "xmp" not in image.info and "exif" not in image.info


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_metadata_is_stripped_from_png_and_webp_too(admin_client, fmt):
    image = Image.new("RGB", (80, 60), (20, 40, 60))
    exif = image.getexif()
    exif[0x010F] = "SecretCam"
    exif.get_ifd(0x8825)[2] = (42.0, 25.0, 30.0)
    params = {"exif": exif, "xmp": b"<x:xmpmeta>secret-xmp-location</x:xmpmeta>"}
    if fmt == "PNG":
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_text("Comment", "home address comment")
        params["pnginfo"] = info
    original = encode(image, fmt, **params)
    assert b"SecretCam" in original
    assert upload(admin_client, f"meta.{fmt.lower()}", original, content_type="image/png").status_code == 302
    stored = Path(Photo.objects.get().image.path).read_bytes()
    for marker in (b"SecretCam", b"secret-xmp-location", b"home address comment", b"eXIf", b"EXIF"):
        assert marker not in stored
    assert Image.open(io.BytesIO(stored)).format == fmt


def test_cmyk_jpeg_is_stored_as_rgb(admin_client):
    cmyk = Image.new("CMYK", (64, 64), (0, 255, 255, 0))  # full magenta and yellow: red
    assert upload(admin_client, "print.jpg", encode(cmyk, "JPEG", quality=95)).status_code == 302
    image = stored_image(Photo.objects.get())
    assert image.mode == "RGB"
    red, green, blue = image.getpixel((32, 32))
    assert red > 230 and green < 30 and blue < 30


def test_png_with_an_icc_profile_is_converted_to_srgb(admin_client):
    """In the embedded profile red and green are swapped: what it calls red is sRGB green."""
    tagged = encode(Image.new("RGB", (64, 64), (255, 0, 0)), "PNG", icc_profile=swapped_primaries_icc())
    assert upload(admin_client, "tagged.png", tagged, content_type="image/png").status_code == 302
    image = stored_image(Photo.objects.get())
    red, green, blue = image.getpixel((10, 10))
    assert green > 230 and red < 30 and blue < 30
    assert "icc_profile" not in image.info, "the pixels are sRGB now; the old profile must not travel"


def test_a_broken_icc_profile_does_not_break_the_upload(admin_client):
    tagged = encode(Image.new("RGB", (64, 64), (255, 0, 0)), "PNG", icc_profile=b"not a profile at all")
    assert upload(admin_client, "tagged.png", tagged, content_type="image/png").status_code == 302
    assert stored_image(Photo.objects.get()).getpixel((10, 10)) == (255, 0, 0)


def test_palette_and_grey_with_alpha_become_rgba_keeping_transparency(admin_client):
    palette = Image.new("P", (40, 40), 0)
    palette.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    palette.paste(1, (20, 0, 40, 40))
    grey_alpha = Image.new("LA", (40, 40), (128, 0))
    for name, image, params in (
        ("palette.png", palette, {"transparency": 0}),
        ("grey.png", grey_alpha, {}),
    ):
        response = upload(admin_client, name, encode(image, "PNG", **params), content_type="image/png")
        assert response.status_code == 302
    stored = [stored_image(photo) for photo in Photo.objects.order_by("id")]
    assert [image.mode for image in stored] == ["RGBA", "RGBA"]
    assert stored[0].getpixel((5, 5))[3] == 0 and stored[0].getpixel((30, 5)) == (0, 0, 255, 255)
    assert stored[1].getpixel((5, 5)) == (128, 128, 128, 0)


def test_sixteen_bit_grey_png_is_scaled_not_clipped(admin_client):
    deep = Image.new("I;16", (32, 32), 32768)
    assert upload(admin_client, "deep.png", encode(deep, "PNG"), content_type="image/png").status_code == 302
    assert stored_image(Photo.objects.get()).getpixel((4, 4)) == (128, 128, 128)


def test_editing_a_photo_without_a_new_file_keeps_the_stored_one(admin_client):
    assert upload(admin_client, "a.jpg", photo_jpeg()).status_code == 302
    photo = Photo.objects.get()
    response = admin_client.post(
        f"/admin/newsroom/photo/{photo.pk}/change/",
        {"caption_bg": "Нов надпис", "licence": "own"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.caption_bg == "Нов надпис" and STORED_NAME.match(photo.image.name)


def test_a_bad_file_on_the_change_form_keeps_the_old_photo(admin_client, settings):
    assert upload(admin_client, "a.jpg", photo_jpeg()).status_code == 302
    photo = Photo.objects.get()
    response = admin_client.post(
        f"/admin/newsroom/photo/{photo.pk}/change/",
        {"caption_bg": "x", "licence": "own", "image": SimpleUploadedFile("b.jpg", b"text")},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert image_errors(response) == [NOT_AN_IMAGE]
    assert stored_files(settings) == [Path(settings.MEDIA_ROOT) / photo.image.name]


# --- The library: search and list -------------------------------------------------------------


def search(client, term: str, url="/admin/newsroom/photo/") -> set[int]:
    response = client.get(url, {"q": term}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return {photo.pk for photo in response.context["cl"].result_list}


def test_the_library_is_searched_by_caption_credit_alt_text_and_official(admin_client):
    forum = PhotoFactory(caption_bg="Форумът B40 в София", credit_bg="Пресцентър", alt_text_en="A hall")
    portrait = PhotoFactory(caption_bg="Портрет", credit_en="Municipal press office")
    quoted = PhotoFactory(caption_bg="Зала")
    PhotoFactory(caption_bg="Друго", credit_bg="Друг")
    OfficialFactory(full_name_bg="Надежда Чакарова", full_name_en="Nadezhda Chakarova", portrait=portrait)
    article = ArticleFactory()
    article.officials.add(OfficialFactory(full_name_bg="Живко Тодоров", full_name_en="Zhivko Todorov"))
    ArticlePhotoFactory(article=article, photo=quoted)

    assert search(admin_client, "B40") == {forum.pk}
    assert search(admin_client, "Пресцентър") == {forum.pk}
    assert search(admin_client, "press office") == {portrait.pk}
    assert search(admin_client, "hall") == {forum.pk}
    assert search(admin_client, "Чакарова") == {portrait.pk}
    assert search(admin_client, "Nadezhda Chakarova") == {portrait.pk}
    assert search(admin_client, "Todorov") == {quoted.pk}


def test_photo_autocomplete_for_article_inlines_finds_an_officials_portrait(admin_client):
    portrait = PhotoFactory(caption_bg="Портрет на кмета")
    OfficialFactory(full_name_bg="Надежда Чакарова", portrait=portrait)
    PhotoFactory(caption_bg="Друго")
    response = admin_client.get(
        "/admin/autocomplete/",
        {"term": "Чакарова", "app_label": "articles", "model_name": "articlephoto", "field_name": "photo"},
    )
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [str(portrait.pk)]


def test_the_library_list_shows_thumbnails_with_alt_text(admin_client):
    photo = PhotoFactory(alt_text_bg="Кметът на трибуната")
    html = admin_client.get("/admin/newsroom/photo/", HTTP_ACCEPT_LANGUAGE="bg").content.decode()
    assert f'<img src="{photo.image.url}" alt="Кметът на трибуната"' in html


def test_every_model_form_for_photos_gets_the_same_checks():
    """Not only the admin: any model form for Photo (inlines, future views) refuses the same files."""
    from django.forms import modelform_factory

    form_class = modelform_factory(Photo, fields=["image", "licence"])
    form = form_class(
        data={"licence": "own"},
        files={"image": SimpleUploadedFile("photo.jpg", b"just text", content_type="image/jpeg")},
    )
    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors["image"] == [NOT_AN_IMAGE]


def test_the_add_form_tells_what_is_accepted(admin_client):
    html = admin_client.get(ADD_URL, HTTP_ACCEPT_LANGUAGE="bg").content.decode()
    assert 'accept="image/jpeg,image/png,image/webp"' in html
    assert "При запазването се премахват местоположението и другите метаданни." in html
