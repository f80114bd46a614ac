"""App config for articles."""

from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from articles.models import Article
        from articles.search import update_search_index

        # The search index follows the text; it holds no workflow, so a signal is the right size.
        post_save.connect(update_search_index, sender=Article, dispatch_uid="articles-search-index")
