"""`manage.py reindex_search`: rebuild every story's search index (after a stemmer change)."""

from django.core.management.base import BaseCommand

from articles.models import Article
from articles.search import update_search_index


class Command(BaseCommand):
    help = "Rebuild the full-text search index of every story, in every language."

    def handle(self, *args, **options):
        count = 0
        for article in Article.objects.iterator(chunk_size=500):
            update_search_index(Article, article)
            count += 1
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt for {count} stories."))
