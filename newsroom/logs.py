"""Logging pieces: the request id every record carries, JSON lines, and error mails that name it.

`RequestIdMiddleware` puts the id of the request being served into `current_request_id`; the
filter copies it onto each log record, so a line in the logs, the access log (X-Request-ID
response header), an error e-mail and a Sentry event can be matched to one another.
"""

import contextvars
import copy
import json
import logging
from datetime import UTC, datetime

from django.utils import log as django_log

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log shippers (LOG_FORMAT=json)."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", current_request_id.get()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = request.path
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class AdminEmailHandler(django_log.AdminEmailHandler):
    """Django's error mail to ADMINS, with the request id in the subject too."""

    def emit(self, record):
        request_id = getattr(record, "request_id", current_request_id.get())
        if request_id and request_id != "-":
            record = copy.copy(record)
            record.msg = f"{record.msg} [request {request_id}]"
        super().emit(record)
