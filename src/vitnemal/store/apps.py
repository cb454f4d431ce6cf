from django.apps import AppConfig


class StoreConfig(AppConfig):
    name = "vitnemal.store"
    label = "store"
    verbose_name = "Vitnemålsregister"
    default_auto_field = "django.db.models.BigAutoField"
