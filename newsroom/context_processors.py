"""Template context shared by every page: the press office's site strings."""

import logging

from django.db import DatabaseError

from newsroom.models import SiteSettings

logger = logging.getLogger(__name__)


def site(request):
    # Error pages render through here too: with the database gone they still need a site name.
    try:
        site_settings = SiteSettings.load()
    except DatabaseError:
        logger.warning("site settings unavailable; using defaults")
        site_settings = SiteSettings()
    return {"site_settings": site_settings}
