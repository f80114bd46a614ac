"""Health checks for load balancers and orchestrators.

/healthz: the process answers (no database, no cache). /readyz: the database answers, so this
node can take traffic; 503 otherwise. The cache's state is reported in the body but never
takes a node out of service: without it pages are only slower. Neither is ever cached, and
both are exempt from the HTTPS redirect (SECURE_REDIRECT_EXEMPT).
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


def _database_ok() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
        # One line, no traceback: a load balancer asks every few seconds.
        logger.warning("readiness: database unreachable: %s: %s", type(exc).__name__, exc)
        return False


def _cache_ok() -> bool:
    key = f"newsroom:readyz:{uuid.uuid4().hex}"
    try:
        cache.set(key, 1, timeout=5)
        ok = cache.get(key) == 1
        cache.delete(key)
        return ok
    except Exception as exc:  # noqa: BLE001
        logger.warning("readiness: cache unreachable: %s: %s", type(exc).__name__, exc)
        return False


@never_cache
@require_safe
def readyz(request):
    database = _database_ok()
    body = {
        "status": "ok" if database else "unavailable",
        "database": "ok" if database else "unavailable",
        "cache": "ok" if _cache_ok() else "unavailable",
    }
    return JsonResponse(body, status=200 if database else 503)
