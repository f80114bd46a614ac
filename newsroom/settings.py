"""The one settings module: everything environment-specific comes from environment variables.

Local defaults are safe (SQLite inside the project, local-memory cache); production (DEBUG off)
refuses to start without a SECRET_KEY and a DATABASE_URL. Every variable is listed in README.md.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG:
        # Only ever used with DEBUG on: a known key is harmless on a developer's machine.
        SECRET_KEY = "newsroom-insecure-development-key-do-not-use-in-production"
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production (DEBUG off) refuses to start without one: "
            "export SECRET_KEY to a long random string, or set DEBUG=1 for local development."
        )

if not DEBUG and not env_str("DATABASE_URL"):
    raise ImproperlyConfigured(
        "DATABASE_URL is not set. Production (DEBUG off) refuses to guess a database: export "
        "DATABASE_URL, e.g. postgres://newsroom:password@127.0.0.1:5432/newsroom, or set DEBUG=1 "
        "for local development on SQLite."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin classes patch in first.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sites",
    "django.contrib.redirects",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "newsroom",
    "events",
    "articles",
]

MIDDLEWARE = [
    # First, so every log line of the request (and its error report) carries the id.
    "newsroom.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "newsroom.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "newsroom.db_router.PrimaryPinningMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "newsroom.middleware.no_fallback_in_translations",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "newsroom.two_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    # Last, so it sees the exceptions of views only: a lost database becomes a friendly 503.
    "newsroom.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "newsroom.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

# --- Database -------------------------------------------------------------------------------
DEFAULT_SQLITE = BASE_DIR / "var" / "newsroom.sqlite3"


def database(url: str) -> dict:
    config = dj_database_url.parse(
        url, conn_max_age=int(env_str("DB_CONN_MAX_AGE", "60")), conn_health_checks=True
    )
    if config["ENGINE"] == "django.db.backends.postgresql":
        # A database that stops answering must fail fast (503), not hold every worker.
        config.setdefault("OPTIONS", {})["connect_timeout"] = int(env_str("DB_CONNECT_TIMEOUT", "5"))
    return config


DATABASES = {"default": database(env_str("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # SQLite cannot share a connection between threads of the dev server safely when persisted.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# A read replica takes anonymous readers' queries; writers and their next requests stay on the
# primary (newsroom.db_router). Tests read the primary through it (MIRROR).
if env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = database(env_str("DATABASE_REPLICA_URL"))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["newsroom.db_router.PrimaryReplicaRouter"]
# Seconds after a write during which the writer's browser keeps reading from the primary.
REPLICA_STICKY_SECONDS = int(env_str("REPLICA_STICKY_SECONDS", "30"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "newsroom"),
            # A Redis that is down or unreachable must cost a page at most this long.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Public pages and feeds (newsroom.cache.public_page): seconds kept in our cache, and the
# Cache-Control lifetimes given to browsers (max-age) and to a CDN (s-maxage). None of them
# outlives the next scheduled story. PUBLIC_CACHE=0 switches the page cache off entirely (every
# request renders; the benchmark's uncached runs use it).
PUBLIC_CACHE_ENABLED = env_bool("PUBLIC_CACHE", True)
PUBLIC_CACHE_SECONDS = int(env_str("PUBLIC_CACHE_SECONDS", "600"))
PUBLIC_CACHE_MAX_AGE = int(env_str("PUBLIC_CACHE_MAX_AGE", "60"))
PUBLIC_CACHE_S_MAXAGE = int(env_str("PUBLIC_CACHE_S_MAXAGE", "300"))
# Called (POST) after every purge so a CDN drops its copies too; failures are only logged.
CDN_PURGE_URL = env_str("CDN_PURGE_URL")
CDN_PURGE_TOKEN = env_str("CDN_PURGE_TOKEN")

# --- Auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# Where signing in lands when `next` is missing or refused (another site): the admin, not
# Django's /accounts/profile/, which does not exist here.
LOGIN_REDIRECT_URL = "admin:index"
# The request.META key of a header set by our own reverse proxy with the client's address, e.g.
# HTTP_X_FORWARDED_FOR. Unset: the login audit records REMOTE_ADDR (a header could be forged).
TRUSTED_PROXY_IP_HEADER = env_str("TRUSTED_PROXY_IP_HEADER") or None
# A second factor (TOTP) for staff who can publish: superusers and these groups
# (newsroom.two_factor). On in production; off with DEBUG so the demo logins of `make run` work.
REQUIRE_2FA = env_bool("REQUIRE_2FA", not DEBUG)
SECOND_FACTOR_GROUPS = ["Editor", "Site admin"]
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "newsroom")
# Password reset links are valid for this many seconds (Django's default is three days).
PASSWORD_RESET_TIMEOUT = int(env_str("PASSWORD_RESET_TIMEOUT", str(24 * 60 * 60)))
# Admin sign-in throttle (newsroom.throttle): failures counted in the database, so every worker
# and every machine agrees. Per username and per client address, within a sliding window.
LOGIN_FAILURE_WINDOW = int(env_str("LOGIN_FAILURE_WINDOW", "900"))
LOGIN_FAILURE_LIMIT_USERNAME = int(env_str("LOGIN_FAILURE_LIMIT_USERNAME", "5"))
LOGIN_FAILURE_LIMIT_ADDRESS = int(env_str("LOGIN_FAILURE_LIMIT_ADDRESS", "20"))
# The client address is REMOTE_ADDR unless a proxy header is named here (e.g.
# HTTP_X_FORWARDED_FOR); then the right-most address not in TRUSTED_PROXIES is the client.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# --- Languages and time ---------------------------------------------------------------------
LANGUAGE_CODE = "bg"
LANGUAGES = [
    ("bg", _("Bulgarian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as each language writes them ("24 февруари 2025 г., 14:12"): newsroom/formats/.
FORMAT_MODULE_PATH = ["newsroom.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Sofia")

MODELTRANSLATION_DEFAULT_LANGUAGE = "bg"
MODELTRANSLATION_LANGUAGES = ("bg", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("bg",)
# The tabbed admin would load jQuery UI from a CDN: unreachable offline and refused by our CSP.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

SITE_ID = 1

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "var" / "static")
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Media on S3-compatible storage when a bucket is named (pip install 'newsroom[s3]'); boto3
# reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment itself.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
MEDIA_HOSTS: list[str] = []
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
            "default_acl": env_str("AWS_DEFAULT_ACL") or None,
        },
    }
    media_host = env_str("AWS_S3_CUSTOM_DOMAIN") or env_str("AWS_S3_ENDPOINT_URL")
    MEDIA_HOSTS = [
        f"https://{media_host.split('://')[-1].rstrip('/')}"
        if media_host
        else f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    ]

# Uploads: keep big files out of memory and refuse absurd request bodies early.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
PHOTO_MAX_BYTES = int(env_str("PHOTO_MAX_BYTES", str(20 * 1024 * 1024)))
PHOTO_MAX_PIXELS = int(env_str("PHOTO_MAX_PIXELS", str(50_000_000)))

# --- E-mail (Django 6.1's MAILERS) -------------------------------------------------------
# SMTP when EMAIL_HOST is set; otherwise mail is printed to the console (local development).
if env_str("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("EMAIL_HOST"),
                "port": int(env_str("EMAIL_PORT", "587")),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# "Name:email,..." or plain addresses; Django 6 wants address strings ("Name <email>").
ADMINS = [
    f"{a.split(':', 1)[0].strip()} <{a.split(':', 1)[1].strip()}>" if ":" in a else a
    for a in env_list("ADMINS")
]

# --- Security ------------------------------------------------------------------------------
# TLS ends at the proxy in front of gunicorn, which must set X-Forwarded-Proto (and strip any
# the client sent). Production redirects plain HTTP to HTTPS, except the health checks.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Joining the browsers' preload list is hard to undo: the operator decides (SECURE_HSTS_PRELOAD=1),
# and `check --deploy` does not nag about it meanwhile.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content Security Policy (Django's own). Public pages carry no inline script; a template that
# cannot avoid one marks it with nonce="{{ csp_nonce }}", and only such responses get a nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *MEDIA_HOSTS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Powerful browser features the site never uses are switched off (newsroom.middleware).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb",
    )
}  # fmt: skip

# The benchmark's yardstick view (bench/views.py); never on in production.
BENCH_ENDPOINTS = env_bool("NEWSROOM_BENCH", False)

# --- Site -----------------------------------------------------------------------------------
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Logs and error reports -----------------------------------------------------------------
# One line per record on stderr, JSON with LOG_FORMAT=json; every record carries the request id
# (X-Request-ID). Errors go by e-mail to ADMINS, and to Sentry when SENTRY_DSN is set.
LOG_FORMAT = env_str("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "newsroom.logs.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "newsroom.logs.JsonFormatter"},
        "mail": {"format": "%(message)s\n\nRequest ID: %(request_id)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        },
        "mail_admins": {
            "class": "newsroom.logs.AdminEmailHandler",
            "filters": ["request_id", "require_debug_false"],
            "formatter": "mail",
            "level": "ERROR",
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"handlers": ["console", "mail_admins"], "level": "WARNING", "propagate": False},
        "django.security": {"handlers": ["console", "mail_admins"], "level": "WARNING", "propagate": False},
        # Scanners send made-up Host headers all day: log them, do not mail them.
        "django.security.DisallowedHost": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    try:
        import sentry_sdk
        from sentry_sdk.integrations.django import DjangoIntegration
    except ImportError as exc:
        raise ImproperlyConfigured(
            "SENTRY_DSN is set but sentry-sdk is not installed: pip install 'newsroom[sentry]'."
        ) from exc
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
    )
