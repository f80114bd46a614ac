"""Reads from a replica for anonymous readers; everything else on the primary.

With DATABASE_REPLICA_URL set, `PrimaryPinningMiddleware` decides per request: a GET or HEAD
from a browser without a session cookie reads from the replica. A request that writes (any
other method), a signed-in user (session cookie), and any request carrying the sticky cookie
set after a write read from the primary, so writers always see their own changes despite
replication lag. Outside requests (management commands, services, tests) the primary is used.
"""

import contextvars

from django.conf import settings

use_replica: contextvars.ContextVar[bool] = contextvars.ContextVar("use_replica", default=False)

STICKY_COOKIE = "newsroom_primary"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if "replica" in settings.DATABASES and use_replica.get():
            return "replica"
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same data.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica gets its schema by replication.
        return db == "default"


class PrimaryPinningMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        writes = request.method not in SAFE_METHODS
        replica = (
            "replica" in settings.DATABASES
            and not writes
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and STICKY_COOKIE not in request.COOKIES
        )
        token = use_replica.set(replica)
        try:
            response = self.get_response(request)
        finally:
            use_replica.reset(token)
        if writes and "replica" in settings.DATABASES:
            response.set_cookie(
                STICKY_COOKIE,
                "1",
                max_age=settings.REPLICA_STICKY_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
