"""`manage.py reindex_search`: rebuild every story's search index (after a stemmer change)."""

from django.core.management.base import BaseCommand

from articles.search import refresh_search_vectors


class Command(BaseCommand):
    help = "Rebuild the full-text search index of every story, in every language."

    def handle(self, *args, **options):
        count = refresh_search_vectors()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt for {count} stories."))
