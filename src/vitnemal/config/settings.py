"""Settings the register runs under (``vitnemal.store``); the CLI and the tests use them.

The database, in order of precedence:

- ``DATABASE_URL`` — e.g. ``postgresql://bruker:passord@vert:5432/vitnemal`` (PostgreSQL 15+,
  psycopg 3) or ``sqlite:////sti/register.sqlite3``; parsed by ``dj-database-url``;
- ``VITNEMAL_DB`` — the path of an SQLite file;
- else the SQLite file ``$XDG_DATA_HOME/vitnemal/register.sqlite3`` (``~/.local/share/…``).

SQLite runs in WAL mode with ``synchronous=FULL`` (a committed number survives a power cut:
with NORMAL the last commits could be lost and their numbers issued again), every transaction
starts ``BEGIN IMMEDIATE`` (the writer lock is taken at the start, so two issuers never both
read the counter and then fail to upgrade) and waits up to ``VITNEMAL_DB_TIMEOUT`` seconds
(default 60) for the lock.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from vitnemal.errors import InputError

SECRET_KEY = os.environ.get("VITNEMAL_SECRET_KEY", "vitnemal-register-cli-ikke-hemmelig")
DEBUG = False
USE_TZ = True
TIME_ZONE = "Europe/Oslo"
LANGUAGE_CODE = "nb"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "sequences.apps.SequencesConfig",
    "django_tasks",
    "django_tasks_db",
    "vitnemal.store.apps.StoreConfig",
    "vitnemal.web.apps.WebConfig",
]

# --- The web application (issue 16; ``vitnemal.web``). The CLI uses the same settings. ---
ROOT_URLCONF = "vitnemal.config.urls"
WSGI_APPLICATION = "vitnemal.web.wsgi.application"
ALLOWED_HOSTS = [h for h in os.environ.get("VITNEMAL_ALLOWED_HOSTS",
                                            "localhost,127.0.0.1,[::1],testserver").split(",") if h]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "vitnemal.web.sesjon.Fornyelse",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "vitnemal.web.sikkerhet.Sikkerhetshoder",
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2id first: new passwords are hashed with it, older hashes are upgraded on login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "vitnemal.web.kontekst.meny",
    ]},
}]
STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("VITNEMAL_STATIC_ROOT") or None
WHITENOISE_USE_FINDERS = True
LOGIN_URL = "web:logg-inn"
LOGIN_REDIRECT_URL = "web:start"
LOGOUT_REDIRECT_URL = "web:logg-inn"
# Sessions end after 30 minutes without activity and when the browser closes; the session row
# is renewed at most once a minute (``vitnemal.web.sesjon``), not written on every request.
SESSION_COOKIE_AGE = int(os.environ.get("VITNEMAL_SESJON_SEKUNDER", "1800"))
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Lock-out (django-axes): 5 failed logins for the same user name and address lock for 1 hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "web/sperret.html"

# Background work (issue 17): Django's Tasks API (the ``django-tasks`` backport) with the
# database backend (``django-tasks-db``): tasks are rows in the register's own database, so the
# embedded SQLite default needs no broker and a county adds ``vitnemal worker`` processes
# against the same PostgreSQL. Moving to RQ or Celery is this setting (docs/decisions.md).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("VITNEMAL_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# No log line carries personal data: Django's own loggers are kept at WARNING (SQL with
# parameters is logged only at DEBUG), every line is one JSON object on stderr, and a filter
# masks every fødselsnummer (``meldinger.FODSELSNUMMER_I_TEKST``) in the message and its arguments
# (``vitnemal.config.logg``).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"uten_fnr": {"()": "vitnemal.config.logg.UtenFodselsnummer"}},
    "formatters": {"json": {"()": "vitnemal.config.logg.JsonLinjer"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json",
                            "filters": ["uten_fnr"]}},
    "loggers": {
        "django": {"handlers": ["stderr"], "level": "WARNING"},
        "axes": {"handlers": ["stderr"], "level": "WARNING"},
        "django_tasks": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "django_tasks_db": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "vitnemal": {"handlers": ["stderr"], "level": os.environ.get("VITNEMAL_LOGG", "WARNING"),
                     "propagate": False},
    },
}


def data_dir() -> Path:
    """The per-user data folder (XDG Base Directory)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "vitnemal"


def sqlite_options() -> dict:
    timeout = float(os.environ.get("VITNEMAL_DB_TIMEOUT", "60"))
    return {
        "transaction_mode": "IMMEDIATE",
        "timeout": timeout,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                        f"PRAGMA busy_timeout={int(timeout * 1000)}",
    }


def database() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        try:
            db = dj_database_url.parse(url, conn_max_age=0)
        except Exception:  # noqa: BLE001 - any unparsable URL gets the same message
            raise InputError("DATABASE_URL kan ikke leses; skriv f.eks. "
                             "postgresql://bruker@vert:5432/vitnemal") from None
        engine = db.get("ENGINE", "")
        if engine.endswith("sqlite3"):
            db["OPTIONS"] = {**db.get("OPTIONS", {}), **sqlite_options()}
        elif not engine.endswith("postgresql"):
            raise InputError("DATABASE_URL skal peke på PostgreSQL eller SQLite")
        else:
            # A web worker keeps its PostgreSQL connection between requests (checked before
            # reuse): a new connection per request cost the server a process start and the
            # worker a handshake on every page (bench/web.py, docs/decisions.md).
            db["CONN_MAX_AGE"] = int(os.environ.get("VITNEMAL_DB_TILKOBLING_SEKUNDER", "300"))
            db["CONN_HEALTH_CHECKS"] = True
        return db
    path = os.environ.get("VITNEMAL_DB") or str(data_dir() / "register.sqlite3")
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": path, "OPTIONS": sqlite_options()}


DATABASES = {"default": database()}
