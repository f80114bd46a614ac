"""App config for articles."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def next_scheduled_publish_time():
    """When the next scheduled story goes public (None if none is waiting)."""
    from articles.models import Article

    return Article.objects.scheduled().order_by("publish_at").values_list("publish_at", flat=True).first()


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from newsroom.cache import register_schedule

        # Cached public pages never outlive the next scheduled story.
        register_schedule(next_scheduled_publish_time)
