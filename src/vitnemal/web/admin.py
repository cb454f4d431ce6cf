"""Django admin for fylkesadmin: schools, counties, users and roles. A fylkesadmin (staff, with
the role ``fylkesadmin``) sees and assigns only the schools of their county
(``tilgang.skoler(…, "forvalte")``); users and roles are checked and audited in
``store.services.brukerforvaltning``, schools here with ``tilgang`` and ``hendelser``."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from vitnemal.store import hendelser, tilgang
from vitnemal.store.models import Fylke, Hendelse, Rolle, Skole
from vitnemal.store.services import brukerforvaltning


def _mine(request) -> set[int] | None:
    return tilgang.skoler(request.user, "forvalte")


def _forvalter(request) -> bool:
    return tilgang.har(request.user, "forvalte")


def _tjeneste(funksjon, *args, **kwargs):
    """A service call whose refusal is the admin's 403 (the admin view's transaction rolls
    back)."""
    try:
        return funksjon(*args, **kwargs)
    except tilgang.IngenTilgang as exc:
        raise PermissionDenied(str(exc)) from None


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


class _Rollerett:
    """Users and roles: for a superuser or a fylkesadmin (by role, not by Django's model
    permissions); what each may touch is decided by ``brukerforvaltning``."""

    def has_module_permission(self, request):
        return _forvalter(request)

    def has_view_permission(self, request, obj=None):
        return _forvalter(request)

    def has_add_permission(self, request):
        return _forvalter(request)

    def has_change_permission(self, request, obj=None):
        return _forvalter(request)

    def has_delete_permission(self, request, obj=None):
        return _forvalter(request)


@admin.register(Rolle)
class RolleAdmin(_Rollerett, admin.ModelAdmin):
    list_display = ("bruker", "rolle", "skole", "fylke")
    list_filter = ("rolle",)

    def get_queryset(self, request):
        return brukerforvaltning.roller(request.user).select_related("bruker", "skole", "fylke")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        ids = _mine(request)
        if ids is not None and db_field.name == "bruker":
            kwargs["queryset"] = brukerforvaltning.synlige(request.user).order_by("username")
        if ids is not None and db_field.name == "skole":
            kwargs["queryset"] = Skole.objects.filter(pk__in=ids)
        if ids is not None and db_field.name == "fylke":
            kwargs["queryset"] = Fylke.objects.filter(
                pk__in=Skole.objects.filter(pk__in=ids).values("fylke_id"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        _tjeneste(brukerforvaltning.lagre_rolle, request.user, obj)

    def delete_model(self, request, obj):
        _tjeneste(brukerforvaltning.fjern_rolle, request.user, obj)

    def delete_queryset(self, request, queryset):
        for rolle in queryset:
            _tjeneste(brukerforvaltning.fjern_rolle, request.user, rolle)


class NyBrukerSkjema(AdminUserCreationForm):
    """A fylkesadmin's new user: name, password and one role at a school of the county."""

    rolle = forms.ChoiceField(choices=Rolle.Navn.choices)
    skole = forms.ModelChoiceField(queryset=Skole.objects.none())


admin.site.unregister(User)


@admin.register(User)
class BrukerAdmin(_Rollerett, UserAdmin):
    """Django's user admin, narrowed for a fylkesadmin: the users with a role in the county;
    name, e-mail, active and password of those who work only there; no administrator fields."""

    fylke_fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Personopplysninger", {"fields": ("first_name", "last_name", "email")}),
        ("Tilgang", {"fields": ("is_active",),
                     "description": "Roller gis under «Roller». Deaktiver i stedet for å slette."}),
    )
    fylke_add_fieldsets = ((None, {"classes": ("wide",), "fields": (
        "username", "usable_password", "password1", "password2", "rolle", "skole")}),)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(
            pk__in=brukerforvaltning.synlige(request.user).values("pk"))

    def has_view_permission(self, request, obj=None):
        return _forvalter(request) and (
            obj is None or brukerforvaltning.synlige(request.user).filter(pk=obj.pk).exists())

    def has_change_permission(self, request, obj=None):
        return _forvalter(request) and (obj is None
                                        or brukerforvaltning.kan_endre(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        return _mine(request) is None

    def get_fieldsets(self, request, obj=None):
        if _mine(request) is None:
            return super().get_fieldsets(request, obj)
        return self.fylke_add_fieldsets if obj is None else self.fylke_fieldsets

    def get_list_filter(self, request):
        return super().get_list_filter(request) if _mine(request) is None else ("is_active",)

    def get_form(self, request, obj=None, **kwargs):
        ids = _mine(request)
        if obj is not None or ids is None:
            return super().get_form(request, obj, **kwargs)
        grunn = super().get_form(request, obj, form=NyBrukerSkjema, **kwargs)

        class Skjema(grunn):
            def __init__(self, *a, **kw):
                super().__init__(*a, **kw)
                self.fields["skole"].queryset = Skole.objects.filter(pk__in=ids).order_by("navn")

        return Skjema

    def save_model(self, request, obj, form, change):
        if change:
            _tjeneste(brukerforvaltning.lagre_bruker, request.user, obj, form.changed_data)
            return
        data = form.cleaned_data
        _tjeneste(brukerforvaltning.opprett, request.user, obj, data.get("rolle"),
                  skole=data.get("skole"))

    def user_change_password(self, request, id, form_url=""):
        svar = super().user_change_password(request, id, form_url)
        if request.method == "POST" and svar.status_code == 302:
            bruker = self.get_object(request, id)
            _tjeneste(brukerforvaltning.passord_satt, request.user, bruker)
        return svar


@admin.register(Fylke)
class FylkeAdmin(admin.ModelAdmin):
    list_display = ("nummer", "navn")


admin.site.site_header = "Vitnemål på nett – administrasjon"
admin.site.site_title = "Vitnemål-administrasjon"
