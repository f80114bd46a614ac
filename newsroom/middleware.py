"""Middleware of the shared core."""

from django.conf import settings
from django.utils import translation
from modeltranslation.utils import fallbacks


def no_fallback_in_translations(get_response):
    """On public pages in a language other than Bulgarian, translated fields do not fall back.

    modeltranslation reads an empty English field as the Bulgarian one; that is right in the
    admin but would put Bulgarian text into English pages. Public views choose what to show
    (`in_language`), and an empty English field then stays empty. The admin keeps its fallback.
    """

    def middleware(request):
        language = translation.get_language()
        if language == settings.LANGUAGE_CODE or request.path.startswith("/admin/"):
            return get_response(request)
        with fallbacks(False):
            return get_response(request)

    return middleware
