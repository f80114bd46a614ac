"""The scheduled media clean-up removes only old files that no row refers to."""

import io
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from newsroom.models import Photo
from tests.factories import PhotoFactory

pytestmark = pytest.mark.django_db


def make_old(name, days=3):
    path = default_storage.path(name)
    then = time.time() - days * 86400
    os.utime(path, (then, then))


def run(*args):
    out = io.StringIO()
    call_command("clean_orphaned_media", *args, stdout=out)
    return out.getvalue()


def test_only_old_unreferenced_files_are_listed_then_deleted():
    photo = PhotoFactory()
    rendition = default_storage.save("renditions/r-800.webp", ContentFile(b"webp"))
    Photo.objects.filter(pk=photo.pk).update(renditions={"800": {"webp": rendition}})
    orphan = default_storage.save("photos/2024/01/left-behind.jpg", ContentFile(b"jpg"))
    fresh_orphan = default_storage.save("photos/2024/01/uploading-now.jpg", ContentFile(b"jpg"))
    for name in (photo.image.name, rendition, orphan):
        make_old(name)

    listing = run()
    assert f"orphaned: {orphan}" in listing
    assert fresh_orphan not in listing and photo.image.name not in listing and rendition not in listing
    assert default_storage.exists(orphan)  # listing deletes nothing

    run("--delete")
    assert not default_storage.exists(orphan)
    assert default_storage.exists(photo.image.name)
    assert default_storage.exists(rendition)
    assert default_storage.exists(fresh_orphan)
