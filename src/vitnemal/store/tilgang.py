"""The one policy module: may this user do this to this object?

Every service and selector calls ``krev`` before it reads or writes. Today a permission is a
Django ``contrib.auth`` permission of the ``store`` app held by the user or a group (``db
migrate`` gives the CLI user the group ``registerbruker`` with all of them); issue 16 adds roles
per school and county here (saksbehandler for own schools, rektor also annuls, fylkesadmin for
the county, revisor read-only), without touching the services.
"""

from __future__ import annotations

from vitnemal.errors import VitnemalError

HANDLINGER = {
    "importere": "importere elevmapper",
    "utstede": "utstede dokumenter",
    "annullere": "annullere dokumenter",
    "lese": "lese personopplysninger i registeret",
    "endre_fodselsnummer": "registrere nytt fødselsnummer",
    "forvalte": "forvalte skoler og nummerserier",
}

GRUPPE = "registerbruker"


class IngenTilgang(VitnemalError):
    """The acting user may not do this."""


def har(bruker, handling: str, obj=None) -> bool:
    """``obj`` is the school, person or document acted on (for issue 16's per-object rules)."""
    if handling not in HANDLINGER:
        raise ValueError(f"ukjent handling {handling!r}")
    if bruker is None or not bruker.is_active:
        return False
    return bruker.has_perm(f"store.{handling}")


def krev(bruker, handling: str, obj=None) -> None:
    if not har(bruker, handling, obj):
        navn = getattr(bruker, "username", None) or "(ingen)"
        raise IngenTilgang(f"brukeren {navn} har ikke tilgang til å {HANDLINGER[handling]}")
