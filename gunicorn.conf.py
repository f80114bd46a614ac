"""gunicorn settings for newsroom (`make serve`, or `gunicorn -c gunicorn.conf.py` on a server).

Everything here can be changed by environment variables, listed in README.md.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


wsgi_app = "newsroom.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{_int('PORT', 8000)}"

# Sync workers: two per CPU plus one is gunicorn's advice for I/O-bound Django.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
threads = _int("GUNICORN_THREADS", 1)
# A worker stuck this long is killed and replaced; slow clients are the proxy's business.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then so a slow leak never becomes an outage.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# Access log and errors to stdout/stderr: the service manager (systemd, a container) keeps them.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
if os.environ.get("LOG_FORMAT") == "json":
    # Client-sent free text (query string, agent, referer) is left out: a quote in it would
    # break the JSON line (the path is checked by gunicorn's request-line parser).
    access_log_format = (
        '{"time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", '
        '"status": %(s)s, "bytes": "%(B)s", "duration_us": %(D)s, '
        '"request_id": "%({x-request-id}o)s"}'
    )
else:
    access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(B)s %(D)sus "%(a)s" request_id=%({x-request-id}o)s'

# The proxy in front is the only one whose X-Forwarded-* headers gunicorn believes.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# gunicorn 24+ opens a control socket in ~/.gunicorn/ by default: two servers on one machine
# would fight over it. Off unless GUNICORN_CONTROL_SOCKET names a per-instance path.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
