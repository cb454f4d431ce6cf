"""Root URL conf: the web application (namespace ``web``) and Django admin at ``/admin/``."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("vitnemal.web.urls", namespace="web")),
]
