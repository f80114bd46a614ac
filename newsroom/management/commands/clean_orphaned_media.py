"""List, and with --delete remove, media files that no database row refers to.

Files are referred to by any FileField/ImageField of any model, or named inside a JSONField
(photo renditions). Only files older than --min-age-hours are touched, so an upload still in
progress (file written, row not yet committed) is never taken. Works with any storage backend
that can list directories (the file system, S3).
"""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db.models import FileField, JSONField
from django.utils import timezone


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def referenced_names() -> set[str]:
    names: set[str] = set()
    media_url = settings.MEDIA_URL if settings.MEDIA_URL.startswith("/") else f"/{settings.MEDIA_URL}"
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, FileField | JSONField)]
        if not fields:
            continue
        for row in model._default_manager.values_list(*(f.attname for f in fields)).iterator():
            for value in row:
                for text in _strings(value):
                    # A rendition may be stored as a name or as a URL under MEDIA_URL.
                    name = text.split(media_url, 1)[-1] if media_url in text else text
                    names.add(name.lstrip("/"))
    return names


def stored_names(storage, directory: str = ""):
    directories, files = storage.listdir(directory)
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for sub in directories:
        yield from stored_names(storage, f"{directory}/{sub}" if directory else sub)


class Command(BaseCommand):
    help = "List media files no database row refers to; --delete removes them."

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="Remove them (default: only list).")
        parser.add_argument(
            "--min-age-hours", type=float, default=24, help="Leave younger files alone (default 24)."
        )

    def handle(self, *args, delete=False, min_age_hours=24, **options):
        storage = default_storage
        referenced = referenced_names()
        cutoff = timezone.now() - timedelta(hours=min_age_hours)
        try:
            candidates = [name for name in stored_names(storage) if name not in referenced]
        except FileNotFoundError:
            candidates = []
        orphans = [name for name in candidates if storage.get_modified_time(name) < cutoff]
        for name in orphans:
            if delete:
                storage.delete(name)
            self.stdout.write(f"{'deleted' if delete else 'orphaned'}: {name}")
        verb = "Deleted" if delete else "Found"
        self.stdout.write(f"{verb} {len(orphans)} orphaned media file(s); {len(referenced)} referenced.")
