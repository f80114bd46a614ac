"""Photo uploads: check what a file really is, then re-encode it into a clean, upright sRGB photo.

Every photo upload goes through `PhotoUploadField` (the form field of `Photo.image`), so the admin's
add and change forms, and any other model form for photos, get the same checks:

- the size limit (`settings.PHOTO_MAX_BYTES`) is checked before Pillow opens anything;
- the content decides, never the name: only JPEG, PNG and WebP are opened (Pillow is told so), SVG
  is refused outright, a text file named `.jpg` is refused;
- the pixel limit (`settings.PHOTO_MAX_PIXELS`, and Pillow's own decompression-bomb guard) is
  checked from the header, before the pixels are decoded;
- the pixels are decoded completely, so corrupt and truncated files are refused;
- what is stored is a new file made from the pixels alone: EXIF orientation applied, colours
  converted to sRGB, all metadata (EXIF with GPS, XMP, comments, text chunks) and any trailing data
  (HTML-in-PNG polyglots) gone, under a generated name (`newsroom.models.photo_upload_to`).

Each refusal is a `ValidationError` with a translated message; nothing here raises anything else.
"""

import io
import math
import warnings
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Only these decoders ever see an upload: Pillow's other plugins (EPS, PSD, ...) are not exposed.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
HEAD_BYTES = 1024

MESSAGES = {
    "empty": _("The file is empty."),
    "too_big": _("The file is %(size)s; a photo may be at most %(limit)s."),
    "svg": _("SVG drawings are not accepted. Upload a photo as JPEG, PNG or WebP."),
    "not_image": _("The file is not a JPEG, PNG or WebP image, whatever its name says."),
    "too_many_pixels": _(
        "The image has too many pixels: at most %(limit)s megapixels are accepted. "
        "Reduce its size and upload it again."
    ),
    "damaged": _("The image is damaged or incomplete. Export it again and upload the new file."),
}


@dataclass(frozen=True)
class CleanPhoto:
    content: bytes
    format: str  # JPEG, PNG or WEBP
    width: int
    height: int

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]


def _refuse(code: str, **params):
    raise ValidationError(MESSAGES[code], code=code, params=params or None)


def _has_image_signature(head: bytes) -> bool:
    return head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    )


def _looks_like_svg(head: bytes) -> bool:
    """SVG is XML text: refused by what the file holds, whatever it is called. (A photo whose
    metadata happens to mention "<svg" starts with an image signature and is not mistaken.)"""
    if _has_image_signature(head):
        return False
    text = head.lstrip(b"\xef\xbb\xbf\x00\t\r\n ").lower()
    return text.startswith(b"<?xml") or b"<svg" in text or b"<!doctype svg" in text


def _pixel_limit() -> int:
    limit = settings.PHOTO_MAX_PIXELS
    if Image.MAX_IMAGE_PIXELS:
        limit = min(limit, Image.MAX_IMAGE_PIXELS)
    return limit


def _megapixels(pixels: int) -> str:
    # Rounded down, so "at most N megapixels" stays true.
    return f"{math.floor(pixels / 100_000) / 10:g}"


def _open_checked(upload) -> Image.Image:
    """Open the upload as JPEG, PNG or WebP and decode every pixel, or refuse it.

    Relies on Pillow's ImageFile.LOAD_TRUNCATED_IMAGES staying off (its default): nothing in the
    project may switch it on, or truncated uploads would be padded instead of refused.
    """
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns between MAX_IMAGE_PIXELS and twice that, and raises beyond it.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=ACCEPTED_FORMATS)
            width, height = image.size
            if width * height > _pixel_limit():
                _refuse("too_many_pixels", limit=_megapixels(_pixel_limit()))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse("too_many_pixels", limit=_megapixels(_pixel_limit()))
    except UnidentifiedImageError:
        _refuse("not_image")
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, MemoryError):
        # Pillow reports truncated data, bad chunks, oversized text chunks and broken headers
        # through all of these.
        _refuse("damaged")
    if image.format not in ACCEPTED_FORMATS:  # pragma: no cover - Image.open(formats=...) ensures it
        _refuse("not_image")
    return image


def _to_srgb(image: Image.Image) -> Image.Image:
    """Pixels in RGB (or RGBA where there is transparency), converted to sRGB from any ICC profile."""
    icc = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16- and 32-bit greyscale: scale to 8 bits instead of clipping.
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif image.mode == "F":
        image = image.convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode in ("P", "L", "RGB") and "transparency" in image.info
    )
    if image.mode in ("P", "PA"):
        image = image.convert("RGBA" if has_alpha else "RGB")
    elif image.mode in ("LA", "La", "RGBa") or (image.mode in ("L", "RGB") and has_alpha):
        image = image.convert("RGBA")
    target = "RGBA" if has_alpha else "RGB"
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(
                image, source, ImageCms.createProfile("sRGB"), outputMode=target
            )
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # A broken or unusable profile: fall back to the plain conversion below.
    if image.mode != target:
        image = image.convert(target)
    return image


def clean_photo(upload) -> CleanPhoto:
    """Check an uploaded file and return the photo to store, or raise a ValidationError."""
    size = getattr(upload, "size", None)
    if not size:
        _refuse("empty")
    if size > settings.PHOTO_MAX_BYTES:
        _refuse("too_big", size=filesizeformat(size), limit=filesizeformat(settings.PHOTO_MAX_BYTES))
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    if _looks_like_svg(head):
        _refuse("svg")

    image = _open_checked(upload)
    source_format = image.format
    try:
        image = ImageOps.exif_transpose(image) or image
    except (OSError, SyntaxError, ValueError, TypeError, KeyError, IndexError):
        pass  # Unreadable EXIF: keep the pixels as they are; the metadata is dropped anyway.
    image = _to_srgb(image)
    if source_format == "JPEG" and image.mode != "RGB":
        image = image.convert("RGB")
    # Nothing of the original travels with the pixels: no EXIF (GPS), XMP, comments, ICC or text.
    image.info = {}

    out = io.BytesIO()
    if source_format == "JPEG":
        image.save(out, "JPEG", quality=90, optimize=True)
    elif source_format == "WEBP":
        image.save(out, "WEBP", quality=90, method=4)
    else:
        image.save(out, "PNG", optimize=False)
    return CleanPhoto(content=out.getvalue(), format=source_format, width=image.width, height=image.height)


class PhotoUploadField(forms.FileField):
    """The form field for library photos: returns the cleaned, re-encoded file, never the upload.

    The uploader's file name is not checked and not kept (names are generated when stored), so a
    300-character or `../../x.jpg` name is harmless; the content alone decides.
    """

    def __init__(self, *, max_length=None, **kwargs):
        if not kwargs.get("help_text"):
            kwargs["help_text"] = _(
                "A JPEG, PNG or WebP photo. Location and other metadata are removed when it is stored."
            )
        # The stored name is generated, so the length of the uploaded name is irrelevant.
        super().__init__(max_length=None, **kwargs)
        self.widget.attrs.setdefault("accept", "image/jpeg,image/png,image/webp")

    def to_python(self, data):
        if data in self.empty_values:
            return None
        if not hasattr(data, "size") or not hasattr(data, "read"):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        photo = clean_photo(data)
        return ContentFile(photo.content, name=f"photo.{photo.extension}")
