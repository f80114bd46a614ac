"""Template context shared by every page: the press office's site strings and news modal."""

import hashlib
import logging

from django.conf import settings
from django.db import DatabaseError
from django.utils import translation

from newsroom import sitewide
from newsroom.models import SiteSettings

logger = logging.getLogger(__name__)


def modal_content(site_settings: SiteSettings, language: str) -> dict | None:
    """The modal's header and text in `language`, else Bulgarian; None when there is nothing."""
    for lang in dict.fromkeys([language, settings.LANGUAGE_CODE]):
        header = (getattr(site_settings, f"modal_header_{lang}", "") or "").strip()
        text = (getattr(site_settings, f"modal_text_{lang}", "") or "").strip()
        if header or text:
            digest = hashlib.sha256(f"{header}\n{text}".encode()).hexdigest()[:16]
            return {"header": header, "text": text, "language": lang, "key": digest}
    return None


def site(request):
    """One query: the site strings, and the news modal in the page's language."""
    # Error pages render through here too: with the database gone they still need a site name.
    try:
        site_settings = sitewide.cached("site-settings", SiteSettings.load)
    except DatabaseError:
        logger.warning("site settings unavailable; using defaults")
        site_settings = SiteSettings()
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {"site_settings": site_settings, "news_modal": modal_content(site_settings, language)}
