"""Cross-cutting middleware: request ids, the Permissions-Policy header, a friendly 503 when
the database is gone, and no modeltranslation fallback on non-Bulgarian public pages."""

import logging
import re
import uuid

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from modeltranslation.utils import fallbacks

from newsroom.logs import current_request_id

logger = logging.getLogger(__name__)

REQUEST_ID_HEADER = "X-Request-ID"
# An id from the proxy is kept if it looks like one; anything else is replaced, never logged.
VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestIdMiddleware:
    """Takes X-Request-ID from the proxy (or makes one) and returns it on the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = current_request_id.set(request_id)
        if settings.SENTRY_DSN:
            import sentry_sdk

            sentry_sdk.get_isolation_scope().set_tag("request_id", request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class PermissionsPolicyMiddleware:
    """Sends Permissions-Policy from settings.PERMISSIONS_POLICY ({feature: [allowlist]})."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allow)})" for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 with a static page, not a traceback.

    The page is rendered without a request, so no context processor touches the database; the
    language is the one LocaleMiddleware took from the URL. The connection that failed is
    thrown away at the end of the request (Django's connection health checks), so the site
    recovers by itself on the first request after the database returns.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("database unavailable, answered 503: %s: %s", type(exception).__name__, exception)
        return service_unavailable()


def service_unavailable() -> HttpResponse:
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = "30"
    add_never_cache_headers(response)
    # Logged once above, to the console: an outage must not send ADMINS a mail per request
    # (readiness checks and monitoring report it).
    response._has_been_logged = True
    return response


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
