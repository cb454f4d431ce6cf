from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "vitnemal.web"
    label = "web"
    verbose_name = "Vitnemål på nett"
