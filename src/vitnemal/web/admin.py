"""Django admin for fylkesadmin: schools, counties, roles. A fylkesadmin (staff with the model
permissions) sees and assigns only the schools of their county (``tilgang.skoler(…,
"forvalte")``); every save is checked there and written to the audit log."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied

from vitnemal.store import hendelser, tilgang
from vitnemal.store.models import Fylke, Hendelse, Rolle, Skole


def _mine(request) -> set[int] | None:
    return tilgang.skoler(request.user, "forvalte")


@admin.register(Skole)
class SkoleAdmin(admin.ModelAdmin):
    list_display = ("navn", "orgnr", "skolenummer", "fylke", "underskriver_1", "underskriver_2")
    search_fields = ("navn", "orgnr")

    def get_queryset(self, request):
        ids = _mine(request)
        qs = super().get_queryset(request)
        return qs if ids is None else qs.filter(pk__in=ids)

    def has_add_permission(self, request):
        return _mine(request) is None and super().has_add_permission(request)

    def save_model(self, request, obj, form, change):
        if change and not tilgang.har(request.user, "forvalte", obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)
        hendelser.logg(request.user, Hendelse.Handling.SKOLE, formal="admin", skole=obj,
                       ny=not change, endret=sorted(form.changed_data))


@admin.register(Rolle)
class RolleAdmin(admin.ModelAdmin):
    list_display = ("bruker", "rolle", "skole", "fylke")
    list_filter = ("rolle",)

    def get_queryset(self, request):
        ids = _mine(request)
        qs = super().get_queryset(request).select_related("bruker", "skole", "fylke")
        if ids is None:
            return qs
        fylker = Skole.objects.filter(pk__in=ids).values("fylke_id")
        return qs.filter(skole_id__in=ids) | qs.filter(fylke_id__in=fylker)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        ids = _mine(request)
        if ids is not None and db_field.name == "skole":
            kwargs["queryset"] = Skole.objects.filter(pk__in=ids)
        if ids is not None and db_field.name == "fylke":
            kwargs["queryset"] = Fylke.objects.filter(
                pk__in=Skole.objects.filter(pk__in=ids).values("fylke_id"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        ids = _mine(request)
        if ids is not None:
            skoler = ({obj.skole_id} if obj.skole_id else
                      set(Skole.objects.filter(fylke_id=obj.fylke_id).values_list("pk", flat=True)))
            if not skoler or not skoler <= ids:
                raise PermissionDenied
        super().save_model(request, obj, form, change)
        hendelser.logg(request.user, Hendelse.Handling.BRUKER, formal="admin",
                       skole=obj.skole, rolle=obj.rolle, bruker_id=obj.bruker_id,
                       fylke=obj.fylke.navn if obj.fylke_id else "")


@admin.register(Fylke)
class FylkeAdmin(admin.ModelAdmin):
    list_display = ("nummer", "navn")


admin.site.site_header = "Vitnemål på nett – administrasjon"
admin.site.site_title = "Vitnemål-administrasjon"
