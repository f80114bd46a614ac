"""`{% picture photo %}`: a responsive <picture> from `Photo.renditions`, never opening a file.

WebP and JPEG `srcset`s with `sizes`, and width/height from the database so the page does not
jump while images load. A photo whose renditions are not made yet shows its original.
"""

from django import template
from django.core.files.storage import default_storage
from django.utils.html import format_html, format_html_join

register = template.Library()

DEFAULT_SIZES = "(min-width: 48rem) 46rem, 100vw"


def _srcset(items) -> str:
    return ", ".join(f"{default_storage.url(item['name'])} {item['width']}w" for item in items)


def rendition_url(photo, kind: str = "og") -> str:
    """URL of one recorded rendition ("og" card by default); the original when there is none."""
    record = (photo.renditions or {}).get(kind) if photo else None
    if record:
        return default_storage.url(record["name"])
    return photo.image.url if photo and photo.image else ""


@register.simple_tag
def picture(photo, sizes=DEFAULT_SIZES, loading="lazy", css_class="", alt=None):
    if photo is None or not photo.image:
        return ""
    alt_text = photo.alt_text if alt is None else alt
    renditions = photo.renditions or {}
    jpeg, webp = renditions.get("jpeg") or [], renditions.get("webp") or []
    class_attr = format_html(' class="{}"', css_class) if css_class else ""
    if not jpeg:
        return format_html(
            '<img src="{}" alt="{}" width="{}" height="{}" loading="{}" decoding="async"{}>',
            photo.image.url, alt_text or "", photo.width, photo.height, loading, class_attr,
        )  # fmt: skip
    # The fallback <img> is a middle width: sharp on phones, light for old browsers.
    fallback = next((item for item in jpeg if item["width"] >= 960), jpeg[-1])
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        [("image/webp", _srcset(webp), sizes)] if webp else [],
    )
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" alt="{}" width="{}" height="{}" '
        'loading="{}" decoding="async"{}></picture>',
        sources, default_storage.url(fallback["name"]), _srcset(jpeg), sizes, alt_text or "",
        fallback["width"], fallback["height"], loading, class_attr,
    )  # fmt: skip
