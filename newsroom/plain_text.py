"""Plain-text fields (headlines, leads, names, captions) are normalised on every save.

`newsroom.text.normalize_plain_text` removes bidirectional overrides, zero-width characters and
NUL, and composes the text (NFC). It runs from `pre_save` for the content models of newsroom,
events and articles, so it holds for the admin, services, imports and the demo loader alike.
Rich-text fields (`RICH_FIELDS` on the model) are the sanitizer's; slugs, URLs, e-mail addresses
and choices are validated by their own fields; the login audit keeps what was sent.
"""

from django.conf import settings
from django.db import models
from django.db.models.signals import pre_save

from newsroom.text import normalize_plain_text

CONTENT_APPS = {"newsroom", "events", "articles"}
RAW_MODELS = {"newsroom.loginaudit"}
NOT_PLAIN_TEXT = (
    models.SlugField, models.URLField, models.EmailField, models.GenericIPAddressField,
    models.FilePathField,
)  # fmt: skip


def plain_text_fields(model) -> list[str]:
    rich = set(getattr(model, "RICH_FIELDS", ()))
    columns = {field.attname for field in model._meta.concrete_fields}
    names = []
    for field in model._meta.concrete_fields:
        if f"{field.attname}_{settings.LANGUAGE_CODE}" in columns:
            # A translated field's own name reads and writes the active language's column (with
            # fallback); the per-language columns themselves are normalised instead.
            continue
        if not isinstance(field, models.CharField | models.TextField) or isinstance(field, NOT_PLAIN_TEXT):
            continue
        if field.choices:
            continue
        base = getattr(field, "translated_field", field).name
        if base in rich:
            continue
        names.append(field.attname)
    return names


def normalize_instance(sender, instance, raw=False, **kwargs):
    meta = sender._meta
    if raw or meta.app_label not in CONTENT_APPS or meta.label_lower in RAW_MODELS:
        return
    for name in plain_text_fields(sender):
        value = getattr(instance, name, None)
        if isinstance(value, str):
            setattr(instance, name, normalize_plain_text(value))


def connect():
    pre_save.connect(normalize_instance, dispatch_uid="newsroom.plain_text")
