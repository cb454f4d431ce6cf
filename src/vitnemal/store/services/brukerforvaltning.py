"""User administration for the web (issue 16): a fylkesadmin creates users, deactivates them
and gives them roles at the schools of their own county; a superuser (or a CLI user with the
global ``forvalte`` permission) everywhere. Every write is checked here and audited
(``Hendelse.Handling.BRUKER``); the Django admin (``web.admin``) only calls these functions.

What a fylkesadmin (``tilgang.skoler(av, "forvalte")`` is a set of school ids) may do:

- see the users with at least one role inside their schools (a school role at one of them, or
  a county role whose every school is one of them) — never other users;
- create a user with one role at one of their schools;
- change a user's name, e-mail, active flag and password only when every role of the user is
  inside their schools and the user has no superuser, staff, group or direct permission (a
  user who also works in another county, or an administrator, is managed by a superuser);
- give and take roles inside their schools to the users they see.

Never: superuser, staff, groups, global permissions, or a role outside their schools.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet

from vitnemal.store import hendelser, tilgang
from vitnemal.store.models import Fylke, Hendelse, Rolle, Skole

FRIE_FELT = frozenset({"first_name", "last_name", "email", "is_active", "password"})
"""The user fields a fylkesadmin may change (the rest is for a superuser)."""


def _skoler(av) -> set[int] | None:
    ids = tilgang.skoler(av, "forvalte")
    if ids is not None and not ids:
        tilgang.krev(av, "forvalte")  # raises IngenTilgang with the usual message
    return ids


def _fylker_innenfor(ids: set[int]) -> QuerySet:
    """The counties whose every school is in ``ids`` (and that have one)."""
    utenfor = Skole.objects.exclude(pk__in=ids).exclude(fylke__isnull=True).values("fylke_id")
    return Fylke.objects.filter(skole__pk__in=ids).exclude(pk__in=utenfor).values("pk")


def innenfor(ids: set[int] | None) -> Q:
    """Roles inside the schools ``ids``: at one of them, or for a county whose every school is
    one of them."""
    if ids is None:
        return Q()
    return Q(skole_id__in=ids) | Q(fylke_id__in=_fylker_innenfor(ids))


def synlige(av) -> QuerySet[User]:
    """The users ``av`` may see: every user (global) or those with a role inside av's schools."""
    ids = tilgang.skoler(av, "forvalte")
    if ids is None:
        return User.objects.all()
    return User.objects.filter(pk__in=Rolle.objects.filter(innenfor(ids)).values("bruker_id"))


def roller(av) -> QuerySet[Rolle]:
    """The roles ``av`` may see and take away."""
    ids = tilgang.skoler(av, "forvalte")
    return Rolle.objects.filter(innenfor(ids)) if ids is not None else Rolle.objects.all()


def kan_endre(av, bruker: User) -> bool:
    """May ``av`` change ``bruker``'s own fields (name, e-mail, active, password)?"""
    ids = tilgang.skoler(av, "forvalte")
    if ids is None:
        return True
    if not ids or bruker.pk is None:
        return False
    bruker = User.objects.get(pk=bruker.pk)  # as stored, not as a form changed it
    if bruker.is_superuser or bruker.is_staff or bruker.groups.exists() \
            or bruker.user_permissions.exists():
        return False
    alle = Rolle.objects.filter(bruker=bruker)
    inne = alle.filter(innenfor(ids))
    return inne.exists() and not alle.exclude(pk__in=inne.values("pk")).exists()


def _nekt(melding: str):
    raise tilgang.IngenTilgang(melding)


def _rolle_innenfor(ids: set[int] | None, rolle: Rolle) -> bool:
    if ids is None:
        return True
    if rolle.skole_id is not None:
        return rolle.skole_id in ids
    return _fylker_innenfor(ids).filter(pk=rolle.fylke_id).exists()


def _sjekk_rolle(ids, rolle: Rolle) -> None:
    if rolle.rolle not in Rolle.Navn.values:
        _nekt(f"ukjent rolle {rolle.rolle!r}")
    if (rolle.skole_id is None) == (rolle.fylke_id is None):
        _nekt("en rolle gjelder én skole eller ett fylke")
    if not _rolle_innenfor(ids, rolle):
        _nekt("du kan bare gi roller ved skolene i ditt eget fylke")


def _logg(av, hva: str, bruker: User, rolle: Rolle | None = None, **detaljer) -> None:
    if rolle is not None:
        detaljer.update(rolle=rolle.rolle, fylke=rolle.fylke.navn if rolle.fylke_id else "")
    hendelser.logg(av, Hendelse.Handling.BRUKER, formal="admin", hva=hva,
                   skole=rolle.skole if rolle is not None and rolle.skole_id else None,
                   bruker_id=bruker.pk, brukernavn_ny=bruker.username, **detaljer)


def opprett(av, bruker: User, rolle: str | None = None, *, skole: Skole | None = None,
            fylke: Fylke | None = None) -> User:
    """Store the new, unsaved ``bruker`` (its password already set) with ``rolle`` at ``skole``
    or ``fylke``; a fylkesadmin must give a role inside their county, and may not create an
    administrator."""
    ids = _skoler(av)
    if bruker.pk is not None:
        raise ValueError("brukeren finnes allerede")
    if ids is not None:
        if bruker.is_superuser or bruker.is_staff:
            _nekt("bare en superbruker kan opprette administratorer")
        if rolle is None:
            _nekt("en ny bruker må få en rolle ved en skole i fylket ditt")
    with transaction.atomic():
        bruker.save()
        _logg(av, "opprettet", bruker)
        if rolle is not None:
            lagre_rolle(av, Rolle(bruker=bruker, rolle=rolle, skole=skole, fylke=fylke),
                        ny_bruker=True)
    return bruker


def lagre_bruker(av, bruker: User, endret: list[str]) -> User:
    """Save a change of ``bruker``'s fields ``endret`` (the form's changed fields)."""
    ids = _skoler(av)
    if ids is not None and (not kan_endre(av, bruker) or not set(endret) <= FRIE_FELT):
        _nekt("du kan bare endre navn, e-post, aktiv og passord for brukere som bare har "
              "roller i ditt fylke")
    with transaction.atomic():
        bruker.save()
        _logg(av, "deaktivert" if "is_active" in endret and not bruker.is_active else "endret",
              bruker, endret=sorted(endret))
    return bruker


def passord_satt(av, bruker: User) -> None:
    """Audit a password set by ``av`` through the admin's password form (checked there with
    ``kan_endre``; checked again here)."""
    if not kan_endre(av, bruker):
        _nekt("du kan ikke sette passord for denne brukeren")
    _logg(av, "passord", bruker)


def lagre_rolle(av, rolle: Rolle, *, ny_bruker: bool = False) -> Rolle:
    """Give (or change) a role: inside av's schools, to a user av sees; a changed role must have
    been inside them before, too."""
    ids = _skoler(av)
    _sjekk_rolle(ids, rolle)
    if ids is not None:
        if not ny_bruker and not synlige(av).filter(pk=rolle.bruker_id).exists():
            _nekt("du kan bare gi roller til brukere med en rolle i ditt fylke")
        if rolle.pk is not None and not roller(av).filter(pk=rolle.pk).exists():
            _nekt("du kan bare endre roller i ditt eget fylke")
    with transaction.atomic():
        rolle.save()
        _logg(av, "rolle gitt", rolle.bruker, rolle)
    return rolle


def fjern_rolle(av, rolle: Rolle) -> None:
    """Take a role away (inside av's schools)."""
    ids = _skoler(av)
    if ids is not None and not roller(av).filter(pk=rolle.pk).exists():
        _nekt("du kan bare fjerne roller i ditt eget fylke")
    with transaction.atomic():
        _logg(av, "rolle fjernet", rolle.bruker, rolle)
        rolle.delete()
