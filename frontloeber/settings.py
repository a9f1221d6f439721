"""Frontløber settings: one module; every deployment difference comes from environment variables.

FRONTLOEBER_ENV=production switches on the production defaults (no debug, secure cookies, HSTS) and
makes SECRET_KEY, ALLOWED_HOSTS and a real mail setting (EMAIL_HOST, or EMAIL_DISABLED=true) mandatory.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("FRONTLOEBER_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("FRONTLOEBER_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", not PRODUCTION)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when FRONTLOEBER_ENV=production.")
    SECRET_KEY = "dev-only-insecure-key-never-used-in-production-0123456789abcdefghijklmnop"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when FRONTLOEBER_ENV=production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "frontloeber.core.views.csrf_failure"

# Absolute address of the site, used in links inside e-mails (invitations, password reset).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "frontloeber.core",
    "frontloeber.accounts",
    "frontloeber.organisations",
    "frontloeber.ideas",
    "frontloeber.experiments",
    "frontloeber.actions",
    "frontloeber.reflection",
    "frontloeber.workshops",
    "frontloeber.competences",
    "frontloeber.notifications",
    "frontloeber.insights",
    "frontloeber.sso",
    "frontloeber.provisioning",
    "frontloeber.api",
    # django-ninja's own templates and static files: Swagger UI served from here, not from a CDN.
    "ninja",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.saml",
    "allauth.socialaccount.providers.openid_connect",
    "frontloeber.webhooks",
    "frontloeber.devices",
    "frontloeber.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "frontloeber.core.middleware.DanishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "frontloeber.accounts.sessions.SessionLimitsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "frontloeber.core.middleware.MethodNotAllowedPageMiddleware",
    # NUL in the address or a form field: a clear 400 before any view (PostgreSQL cannot hold it).
    "frontloeber.core.middleware.RefuseNulMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "frontloeber.urls"
WSGI_APPLICATION = "frontloeber.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "frontloeber.organisations.context_processors.navigation",
                "frontloeber.core.header.counts",
                "frontloeber.core.head.head",
            ],
        },
    },
]

# SQLite under var/ unless DATABASE_URL says otherwise.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'frontloeber.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web process read while the task worker writes.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
if env_bool("DB_TRANSACTION_POOLING", False):
    # Behind PgBouncer in transaction pooling mode each transaction may get another server connection: a
    # statement prepared on one, or a cursor left open on one, would not be there for the next.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = None

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # How a person signed in through the organisation's own sign-in (frontloeber/sso/backends.py).
    "frontloeber.sso.backends.SamlSignIn",
    "frontloeber.sso.backends.OidcSignIn",
]

# Single sign-on (issue 19): django-allauth runs SAML 2.0 and OpenID Connect; each organisation's provider
# is read from frontloeber.sso's models by its adapter, and Frontløber decides who may in
# (frontloeber/sso/adapter.py). allauth's own signup, e-mail and password pages are not used.
ACCOUNT_ADAPTER = "frontloeber.sso.adapter.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "frontloeber.sso.adapter.SocialAccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_PROVIDERS = {
    "saml": {"provider_class": "frontloeber.sso.providers.SamlProvider"},
    "openid_connect": {"provider_class": "frontloeber.sso.providers.OidcProvider"},
}
# Metadata and discovery documents are fetched over https only; plain http only for the test IdPs and the
# demo on this machine.
SSO_ALLOW_PLAIN_HTTP = env_bool("SSO_ALLOW_PLAIN_HTTP", DEBUG)
# Webhooks go to https addresses on the internet only; outside production also to plain http on this machine
# (127.0.0.0/8, ::1), for a receiver in development and the tests. Never in production.
WEBHOOKS_ALLOW_LOOPBACK = not PRODUCTION and env_bool("WEBHOOKS_ALLOW_LOOPBACK", DEBUG)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "organisations:home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3

# The client's address for rate limits (frontloeber/core/clientip.py): REMOTE_ADDR when the app is reached
# directly (0, the default), else the address the trusted reverse proxies in front of it report in
# X-Forwarded-For. Set it to the number of proxies really there: behind the TLS proxy, 1.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")
# The proxies' own addresses or networks (comma-separated, e.g. "10.0.0.5,10.0.1.0/24"): when set, only a
# request that comes from one of them has its X-Forwarded-For believed, so a client that reaches the app
# port directly cannot pick its address.
TRUSTED_PROXY_ADDRESSES = env_list("TRUSTED_PROXY_ADDRESSES")

# Login rate limiting (django-axes): five failures per account and address, then a 15-minute pause; and
# LOGIN_FAILURES_PER_ADDRESS failures from one address across all accounts (password spraying), counted in
# the shared cache by the handler in accounts/ratelimit.py, pause the address the same way.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "frontloeber.core.clientip.client_ip"
AXES_HANDLER = "frontloeber.accounts.ratelimit.LoginRateLimitHandler"
AXES_USERNAME_FORM_FIELD = "username"
# Count failures per address whatever its letter case, as the login itself ignores case.
AXES_USERNAME_CALLABLE = "frontloeber.accounts.ratelimit.login_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURES_PER_ADDRESS", "30"))

# Joining a workshop room (workshops/join_views.py): guests per address per room, and joins per browser
# session, each within a window (10 minutes and an hour) that starts again after a pause that long.
WORKSHOP_GUESTS_PER_ADDRESS = int(os.environ.get("WORKSHOP_GUESTS_PER_ADDRESS", "30"))
WORKSHOP_JOINS_PER_BROWSER = 5
# How often the live screens ask for news, in milliseconds: every 2 s is live enough for a room and light on a
# server with many rooms open.
WORKSHOP_POLL_MS = int(os.environ.get("WORKSHOP_POLL_MS", "2000"))

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["frontloeber.formats"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "frontloeber" / "static"]
# Outside production static files come from the apps' folders as they are, DEBUG or not (the demo runs with
# DEBUG off); production serves the collected, hashed files.
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# One cache shared by every worker, since rate limits count in it: Redis when REDIS_URL is set, otherwise
# the database (its table is made by core's first migration). Never a cache in each process's memory.
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
        if os.environ.get("REDIS_URL")
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "frontloeber_cache",
            # Room for every counter: culling would quietly forget some, and with them their limits.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    )
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# E-mail: SMTP when EMAIL_HOST is set. In development the console otherwise; production refuses to start
# without it, because the console would print password-reset links and personal survey links into the
# server's log. EMAIL_DISABLED=true is the named way to run without e-mail: nothing is sent at all, and
# startup says so in one log line (core/apps.py).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Frontløber <noreply@frontloeber.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_DISABLED = env_bool("EMAIL_DISABLED", False)
if EMAIL_DISABLED:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
elif os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
elif PRODUCTION:
    raise ImproperlyConfigured(
        "EMAIL_HOST must be set when FRONTLOEBER_ENV=production (e-mail would otherwise go to the log, with "
        "password-reset and survey links in it). To run without any e-mail, set EMAIL_DISABLED=true."
    )
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Background work goes through Django's task framework (django-tasks backport), stored in the database
# and run by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Sessions (issue 19, point 5; accounts/sessions.py): signed out after SESSION_IDLE_MINUTES without a
# request and SESSION_LIFETIME_HOURS after signing in, whatever happens; REAUTHENTICATE_MINUTES is how long a
# proof of who one is counts before single sign-on, mappings or an erasure ask for it again.
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "60"))
SESSION_LIFETIME_HOURS = int(os.environ.get("SESSION_LIFETIME_HOURS", "12"))
REAUTHENTICATE_MINUTES = int(os.environ.get("REAUTHENTICATE_MINUTES", "10"))
SESSION_COOKIE_AGE = 60 * 60 * SESSION_LIFETIME_HOURS
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # The load balancer asks each node directly over HTTP; a redirect would read as "down".
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Frontløber's own settings.
INVITATION_VALID_DAYS = 14

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact_secrets": {"()": "frontloeber.core.redaction.RedactSecretsFilter"},
        "one_line_refusals": {"()": "frontloeber.core.logging_filters.OneLineRefusalFilter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # A refused request (403, 400) is one line without a traceback; a 500 keeps it.
        "django.request": {"filters": ["one_line_refusals"]},
        "axes": {"level": "WARNING"},
        # WeasyPrint narrates every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
