"""Django admin for fylkesadmin: schools, counties, roles. A fylkesadmin (staff with the
model permissions) sees only the schools of their county and the roles there."""

from __future__ import annotations

from django.contrib import admin

from vitnemal.store import tilgang
from vitnemal.store.models import Fylke, Rolle, Skole


class _Fylkesvis(admin.ModelAdmin):
    skole_felt = "pk"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        ids = tilgang.skoler(request.user, "forvalte")
        return qs if ids is None else qs.filter(**{f"{self.skole_felt}__in": ids})


@admin.register(Skole)
class SkoleAdmin(_Fylkesvis):
    list_display = ("navn", "orgnr", "skolenummer", "fylke", "underskriver_1", "underskriver_2")
    search_fields = ("navn", "orgnr")


@admin.register(Rolle)
class RolleAdmin(_Fylkesvis):
    skole_felt = "skole"
    list_display = ("bruker", "rolle", "skole", "fylke")
    list_filter = ("rolle",)


@admin.register(Fylke)
class FylkeAdmin(admin.ModelAdmin):
    list_display = ("nummer", "navn")


admin.site.site_header = "Vitnemål på nett – administrasjon"
admin.site.site_title = "Vitnemål-administrasjon"
