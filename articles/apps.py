"""App config for articles."""

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def next_scheduled_publish_time():
    """When the next scheduled story goes public (None if none is waiting)."""
    from articles.models import Article

    return Article.objects.scheduled().order_by("publish_at").values_list("publish_at", flat=True).first()


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from articles.models import Article
        from articles.search import update_search_index

        # The search index follows the text; it holds no workflow, so a signal is the right size.
        post_save.connect(update_search_index, sender=Article, dispatch_uid="articles-search-index")
        connection_created.connect(set_trigram_threshold, dispatch_uid="articles-trigram-threshold")

        from newsroom.cache import register_schedule

        # Cached public pages never outlive the next scheduled story.
        register_schedule(next_scheduled_publish_time)

        # The role groups come from a data migration; re-granting after every migrate (articles
        # is the last app) gives "Site admin" the permissions of models added later too.
        post_migrate.connect(grant_role_permissions, sender=self, dispatch_uid="articles-grant-roles")


def grant_role_permissions(sender, **kwargs):
    from django.apps import apps

    from articles.roles import grant_roles

    grant_roles(apps)


def set_trigram_threshold(sender, connection, **kwargs):
    """pg_trgm's default word-similarity threshold (0.6) misses one wrong letter in a short
    name ("Чакарова" for "Чакърова" scores 0.5). Set per connection so the indexed `%>`
    operator applies it."""
    if connection.vendor == "postgresql":
        from articles.search import TRIGRAM_WORD_THRESHOLD

        with connection.cursor() as cursor:
            cursor.execute("SET pg_trgm.word_similarity_threshold = %s", [TRIGRAM_WORD_THRESHOLD])
