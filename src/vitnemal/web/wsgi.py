"""WSGI entry point: ``gunicorn vitnemal.web.wsgi`` (production:
``DJANGO_SETTINGS_MODULE=vitnemal.config.produksjon``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vitnemal.config.settings")
application = get_wsgi_application()
