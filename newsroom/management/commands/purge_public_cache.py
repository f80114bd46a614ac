"""Purge every cached public page and feed (and the CDN's copies) by hand.

Editorial services purge by themselves; this is for changes that do not go through them, such
as the site strings, the news modal or a template deployed mid-day.
"""

from django.core.management.base import BaseCommand

from newsroom.cache import public_cache_version, purge_public_pages


class Command(BaseCommand):
    help = "Purge every cached public page and feed, in both languages, here and at the CDN."

    def handle(self, *args, **options):
        purge_public_pages()
        self.stdout.write(f"Public cache purged (version {public_cache_version()}).")
