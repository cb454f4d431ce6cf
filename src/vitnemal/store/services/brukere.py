"""Users of the register (Django ``contrib.auth``) and the group that holds the register's
permissions."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission, User
from django.db import transaction

from vitnemal.errors import VitnemalError
from vitnemal.store import hendelser, tilgang
from vitnemal.store.models import Hendelse


def registergruppe() -> Group:
    """The group with every permission of the register (created or completed)."""
    gruppe, _ = Group.objects.get_or_create(name=tilgang.GRUPPE)
    perms = Permission.objects.filter(content_type__app_label="store",
                                      codename__in=list(tilgang.HANDLINGER))
    gruppe.permissions.add(*perms)
    return gruppe


def opprett(navn: str, *, av: User | None = None) -> tuple[User, bool]:
    """A user in the register group (``vitnemal db bruker``; ``db migrate`` for the CLI's
    user). Returns the user and whether it was created. ``av`` is the acting user, if any."""
    navn = navn.strip()
    if not navn or len(navn) > 150:
        raise VitnemalError("brukernavnet skal være 1–150 tegn")
    with transaction.atomic():
        bruker, ny = User.objects.get_or_create(username=navn)
        bruker.groups.add(registergruppe())
        if ny:
            hendelser.logg(av or bruker, Hendelse.Handling.BRUKER, brukernavn_ny=navn)
    return bruker, ny


def finn(navn: str) -> User:
    try:
        return User.objects.get(username=navn)
    except User.DoesNotExist:
        raise VitnemalError(f"brukeren {navn} finnes ikke i registeret; opprett den med "
                            f"«vitnemal db bruker {navn}»") from None
