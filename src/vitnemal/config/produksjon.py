"""Production settings of the web application: ``DJANGO_SETTINGS_MODULE=vitnemal.config.produksjon``
behind a TLS-terminating proxy, served by gunicorn (README, «Webapplikasjonen»).

Required environment: ``VITNEMAL_SECRET_KEY`` (at least 50 random characters),
``VITNEMAL_ALLOWED_HOSTS`` (comma separated), ``DATABASE_URL`` (PostgreSQL). ``manage.py check
--deploy`` is clean with these settings (tests/web/test_sikkerhet.py).
"""

from __future__ import annotations

import os

from vitnemal.config.settings import *  # noqa: F403
from vitnemal.errors import InputError

SECRET_KEY = os.environ.get("VITNEMAL_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise InputError("VITNEMAL_SECRET_KEY skal være satt til minst 50 tilfeldige tegn i produksjon")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("VITNEMAL_ALLOWED_HOSTS", "").split(",") if h]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
