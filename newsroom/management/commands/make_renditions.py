"""`manage.py make_renditions`: draw the renditions of photos that lack them (or all, --force).

Saving a photo draws its renditions after commit; this command is for photos that came in
another way (an import, a restored backup, a changed set of widths).
"""

from django.core.management.base import BaseCommand

from newsroom.models import Photo
from newsroom.renditions import make_renditions


class Command(BaseCommand):
    help = "Make responsive renditions for photos that have none (or for every photo with --force)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Redraw every photo's renditions.")

    def handle(self, *args, force=False, **options):
        drawn = sum(make_renditions(pk, force=force) for pk in Photo.objects.values_list("pk", flat=True))
        self.stdout.write(self.style.SUCCESS(f"Renditions drawn for {drawn} photo(s)."))
