"""WSGI entry point (gunicorn prcheck.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prcheck.settings")
application = get_wsgi_application()
