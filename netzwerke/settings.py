"""Settings for the Netzwerkdatenbank, read from the environment.

The defaults give a development site on SQLite; production sets DEBUG=0,
SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (see README).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY ist nicht gesetzt. Mit DEBUG=0 muss SECRET_KEY in der Umgebung stehen, "
            "z. B. SECRET_KEY=$(python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))')."
        )
    SECRET_KEY = "django-insecure-nur-fuer-die-entwicklung"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",  # SearchVectorField, trigram lookups (no-ops on SQLite)
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "axes",
    # the read API at /api/v1/ (netzwerke/api/), its OpenAPI document and the docs' assets
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "netzwerke",
    "survey",
    "website",
    "outbox",
]

MIDDLEWARE = [
    # first, so that every log line of the request carries its id
    "netzwerke.requestlog.RequestIdMiddleware",
    # /healthz and /readyz: before the HTTPS redirect, sessions and rate limits
    "netzwerke.outage.HealthMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS only for /api/ (CORS_URLS_REGEX); before CommonMiddleware, which may redirect
    "corsheaders.middleware.CorsMiddleware",
    # after WhiteNoise, which serves static files precompressed; see README "Speed"
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # inside SessionMiddleware, which saves the session when this one moved its end on
    "netzwerke.sessions.SlidingSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # needs the language and the user; its responses still get the CSP and frame headers
    "netzwerke.caching.PublicPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # last, so that it sees the authenticated user and the final response
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "netzwerke.urls"
WSGI_APPLICATION = "netzwerke.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                # operator name and logo in every header, from the cache
                "website.context_processors.site_operator",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=None if not DEBUG else 0,
        conn_health_checks=True,
    )
}
# optional read replica for the public pages of anonymous visitors (netzwerke/replica.py)
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=None if not DEBUG else 0, conn_health_checks=True
    )
    # tests read the primary's test database through the alias
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["netzwerke.replica.ReplicaRouter"]
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql" and env_bool("DB_POOL", False):
        # the built-in psycopg pool excludes persistent connections
        _database["CONN_MAX_AGE"] = 0
        _database.setdefault("OPTIONS", {})["pool"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # shared by every worker process on the machine, so rate limits and lockouts hold;
    # `manage.py createcachetable` creates the table (see README, Production)
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "netzwerke_cache",
        }
    }

# public pages for anonymous visitors (netzwerke/caching.py); PAGE_CACHE=0 renders every
# request anew but keeps the HTTP caching headers
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
# a streamed export larger than this is not kept (its memory would grow with the data)
PAGE_CACHE_MAX_BYTES = int(os.environ.get("PAGE_CACHE_MAX_BYTES", str(8 * 1024 * 1024)))
PUBLIC_MAX_AGE = int(os.environ.get("PUBLIC_MAX_AGE", "60"))
# URLs per sitemap page (the protocol allows 50,000; smaller pages render faster)
SITEMAP_PAGE_SIZE = 5000
# the yardstick page of benchmarks/load.py (netzwerke/fortunes.py); never in production
BENCHMARK_PAGE = env_bool("BENCHMARK_PAGE", False)
# set to the deployed version, so that a new release does not answer 304 with old HTML
RELEASE = os.environ.get("RELEASE", "")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "survey:dashboard"
LOGOUT_REDIRECT_URL = "/"

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
# bounded before axes stores it (a longer name used to end in a 500 on PostgreSQL)
AXES_USERNAME_CALLABLE = "netzwerke.security.axes_username"
# the same client address as the rate limits, behind TRUSTED_PROXIES proxies
AXES_CLIENT_IP_CALLABLE = "netzwerke.security.client_ip"
# proxies in front of the app that append to X-Forwarded-For (0: REMOTE_ADDR is the client)
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
# login (per address, besides the axes lockout per user name and address), invitation,
# password reset, registration, submit, correction; see netzwerke/ratelimit.py
RATELIMITS = {}
# months after which drafts, handled correction suggestions and the personal data in the
# history are removed by the monthly retention commands; the Datenschutz page quotes it
RETENTION_MONTHS = int(os.environ.get("RETENTION_MONTHS", "12"))

# German is the source language and keeps its URLs unprefixed; English lives under /en/
# (i18n_patterns in netzwerke/urls.py). Our msgids are German, so only English has a
# catalog of our strings (locale/en); locale/de holds German for texts of Django's own
# admin and auth that its catalog leaves in English. See README "Languages".
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates the European way ("1 March 2025"), not Django's US ones
FORMAT_MODULE_PATH = ["netzwerke.formats"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

_email_backend = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
_delivery = {"BACKEND": _email_backend}
if _email_backend.endswith("smtp.EmailBackend"):
    _delivery["OPTIONS"] = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", "25")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "timeout": 20,
    }
# In production every mail is queued in the database (outbox app) and sent by
# `manage.py send_queued_mail --loop`, so a mail server outage never breaks a request;
# `make run` (DEBUG) prints mail to the console at once.
MAIL_QUEUE = env_bool("MAIL_QUEUE", not DEBUG)
if MAIL_QUEUE:
    MAILERS = {"default": {"BACKEND": "outbox.backends.QueueBackend"}, "delivery": _delivery}
else:
    MAILERS = {"default": _delivery, "delivery": _delivery}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "netzwerkdatenbank@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# reviewers notified about new submissions
REVIEW_NOTIFY_EMAILS = env_list("REVIEW_NOTIFY_EMAILS")

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# sessions in PostgreSQL (any app server answers any request); with REDIS_URL,
# SESSION_ENGINE=django.contrib.sessions.backends.cached_db reads them from Redis
SESSION_ENGINE = os.environ.get("SESSION_ENGINE", "django.contrib.sessions.backends.db")
SESSION_COOKIE_HTTPONLY = True
# sliding: a signed-in session ends between half this and this long after its last request,
# never while someone works (netzwerke/sessions.py)
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(12 * 3600)))
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# error mail (through the mail queue in production): ADMINS=ops@example.org,…
ADMINS = env_list("ADMINS")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "netzwerke.requestlog.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "plain",
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # 4xx as warnings (403: permission refused), 5xx as errors, mailed to ADMINS
        "django.request": {
            "handlers": ["console", "mail_admins"],
            "level": "WARNING",
            "propagate": False,
        },
        # authentication and authorisation failures
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "netzwerke.security": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "netzwerke.outage": {
            "handlers": ["console", "mail_admins"],
            "level": "ERROR",
            "propagate": False,
        },
        "outbox": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# errors to Sentry when SENTRY_DSN is set and the optional sentry-sdk is installed
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    try:
        import sentry_sdk
    except ImportError as exc:
        raise ImproperlyConfigured(
            "SENTRY_DSN ist gesetzt, aber sentry-sdk fehlt: pip install '.[sentry]'"
        ) from exc
    sentry_sdk.init(dsn=SENTRY_DSN, send_default_pii=False)

SITE_NAME = "Netzwerkdatenbank Fachkräftesicherung"

# The read API (netzwerke/api/): anonymous and read-only, JSON only. No authentication
# class, so no request of the API reads a session or sets a cookie.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "OAS_VERSION": "3.1.0",
    "TITLE": "Netzwerkdatenbank Fachkräftesicherung – API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Swagger UI from drf-spectacular-sidecar, served by us: no third-party request
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # no validator badge (it would call validator.swagger.io)
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None, "tryItOutEnabled": True},
    "POSTPROCESSING_HOOKS": ["netzwerke.api.schema.add_licence"],
}
# CORS: every origin may read the API (GET), nothing else; no credentials
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]
