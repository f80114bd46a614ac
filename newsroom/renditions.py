"""Responsive image renditions, made once with Pillow when a photo is saved.

After the transaction that saved a `Photo` commits, `make_renditions` writes several widths in
WebP and JPEG plus a 1200x630 crop for Open Graph cards under MEDIA_ROOT, and records them with
their sizes in `Photo.renditions`. Templates read only that JSON (`newsroom.templatetags.pictures`):
a page never opens an image file. The record carries the source file's name, so a replaced image
gets new renditions and an unchanged one is never re-drawn.

`Photo.renditions` looks like::

    {"source": "photos/2025/02/ab12.jpg",
     "webp": [{"name": "renditions/7/ab12-320.webp", "width": 320, "height": 200}, ...],
     "jpeg": [{"name": "renditions/7/ab12-320.jpg", ...}, ...],
     "og": {"name": "renditions/7/ab12-og.jpg", "width": 1200, "height": 630}}
"""

import io
import logging
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

WIDTHS = (320, 640, 960, 1280, 1600)
OG_SIZE = (1200, 630)
FORMATS = {"webp": ("WEBP", "webp", {"quality": 80, "method": 4}), "jpeg": ("JPEG", "jpg", {"quality": 82})}


def widths_for(source_width: int) -> list[int]:
    """The standard widths not larger than the source; a small source gets its own width."""
    widths = [w for w in WIDTHS if w <= source_width]
    return widths or [source_width]


def _save(image: Image.Image, name: str, fmt: str, options: dict) -> str:
    buffer = io.BytesIO()
    to_save = image.convert("RGB") if image.mode not in ("RGB", "L") else image
    to_save.save(buffer, fmt, optimize=fmt == "JPEG", progressive=fmt == "JPEG", **options)
    if default_storage.exists(name):
        default_storage.delete(name)
    return default_storage.save(name, ContentFile(buffer.getvalue()))


def build_renditions(photo) -> dict:
    """Draw every rendition of `photo` and return the record for `Photo.renditions`."""
    stem = PurePosixPath(photo.image.name).stem
    folder = f"renditions/{photo.pk}"
    with photo.image.open("rb") as handle, Image.open(handle) as original:
        original.load()
        image = ImageOps.exif_transpose(original)
        if image.mode not in ("RGB", "RGBA", "L"):
            image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        record = {"source": photo.image.name, "width": image.width, "height": image.height}
        for key, (fmt, ext, options) in FORMATS.items():
            items = []
            for width in widths_for(image.width):
                height = max(1, round(image.height * width / image.width))
                resized = image if width == image.width else image.resize((width, height), Image.LANCZOS)
                name = _save(resized, f"{folder}/{stem}-{width}.{ext}", fmt, options)
                items.append({"name": name, "width": width, "height": height})
            record[key] = items
        card = ImageOps.fit(image, OG_SIZE, Image.LANCZOS, centering=(0.5, 0.5))
        name = _save(card, f"{folder}/{stem}-og.jpg", "JPEG", FORMATS["jpeg"][2])
        record["og"] = {"name": name, "width": OG_SIZE[0], "height": OG_SIZE[1]}
    return record


def make_renditions(photo_id: int, *, force: bool = False) -> bool:
    """Make and record the renditions of one photo. Returns whether anything was drawn.

    Never raises: a broken image leaves the photo without renditions (pages then show the
    original), and the error is logged for the desk.
    """
    from newsroom.models import Photo

    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None or not photo.image:
        return False
    if not force and (photo.renditions or {}).get("source") == photo.image.name:
        return False
    try:
        record = build_renditions(photo)
    except Exception:  # noqa: BLE001 - one bad file must not break a save or a command
        logger.exception("could not make renditions of photo %s", photo_id)
        return False
    Photo.objects.filter(pk=photo_id).update(renditions=record)
    return True


def schedule_renditions(sender, instance, **kwargs):
    """post_save receiver: draw after commit, so a rolled-back save draws nothing."""
    if not instance.image or (instance.renditions or {}).get("source") == instance.image.name:
        return
    photo_id = instance.pk
    transaction.on_commit(lambda: make_renditions(photo_id))
