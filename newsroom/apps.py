"""App config for the shared core."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Newsroom core")

    def ready(self):
        from newsroom import accounts  # noqa: F401  (connects the login audit to auth signals)
        from newsroom.models import Photo
        from newsroom.renditions import schedule_renditions
        from newsroom.sites import sync_site_with_settings

        post_save.connect(schedule_renditions, sender=Photo, dispatch_uid="newsroom-photo-renditions")
        post_migrate.connect(sync_site_with_settings, sender=self, dispatch_uid="newsroom-sync-site")
        from newsroom import (
            checks,  # noqa: F401 - registers the deploy checks
            plain_text,
        )
        from newsroom.models import Page, Section, SiteSettings
        from newsroom.sitewide import forget_on_change

        plain_text.connect()
        # Every public page shows these; they are cached (newsroom/sitewide.py) and dropped on change.
        forget_on_change(SiteSettings, "site-settings")
        forget_on_change(Section, "sections")
        forget_on_change(Page, "pages")
