"""The one policy module: may this user do this to this object?

Every service and selector calls ``krev`` (or filters with ``skoler``) before it reads or
writes. Two kinds of users:

- the CLI's users: Django ``contrib.auth`` permissions of the ``store`` app held by the user
  or a group (``db migrate`` gives the CLI user the group ``registerbruker`` with all of them)
  — they act on every school, as before issue 16;
- web users (issue 16): roles per school or county (``roller.Rolle``). A role gives its
  actions on the objects of its schools only (a county role: every school of the county):

  ========================  ============================================================
  saksbehandler             read and edit records, import, issue, duplicate
  rektor                    as saksbehandler, plus annul
  fylkesadmin               read; schools, number series, new fødselsnummer; audit log
  revisor                   read-only, including the audit log
  ========================  ============================================================

An object belongs to schools: a school itself, a document's or record version's school, and
a person's every school (of any record version or issued document). A user of school A never
gets school B's objects.
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
    "revidere": "lese hendelsesloggen",
}

GRUPPE = "registerbruker"

ROLLER: dict[str, frozenset[str]] = {
    "saksbehandler": frozenset({"lese", "importere", "utstede"}),
    "rektor": frozenset({"lese", "importere", "utstede", "annullere"}),
    "fylkesadmin": frozenset({"lese", "forvalte", "endre_fodselsnummer", "revidere"}),
    "revisor": frozenset({"lese", "revidere"}),
}
"""Which actions each web role gives at its schools (docs/decisions.md, issue 16)."""


class IngenTilgang(VitnemalError):
    """The acting user may not do this."""


def _global(bruker, handling: str) -> bool:
    """A CLI permission (or a superuser): every school. The audit log goes with «lese».

    The same answer as ``bruker.has_perm("store.<perm>")`` under ``ModelBackend`` (the only
    backend that grants permissions here), read in one query (the user's own and their groups'
    permissions of the ``store`` app) instead of two, once per user object: every web request
    asks this, and the second query was 6 % of a PDF download's time (bench/web.py)."""
    if bruker.is_superuser:
        return True
    rettigheter = getattr(bruker, "_vitnemal_rettigheter", None)
    if rettigheter is None:
        from django.contrib.auth.models import Permission
        from django.db.models import Q

        rettigheter = set(Permission.objects.filter(content_type__app_label="store")
                          .filter(Q(user=bruker) | Q(group__user=bruker))
                          .values_list("codename", flat=True))
        bruker._vitnemal_rettigheter = rettigheter
    return ("lese" if handling == "revidere" else handling) in rettigheter


def skoler(bruker, handling: str) -> set[int] | None:
    """The ids of the schools where ``bruker`` may do ``handling``; None means every school."""
    if handling not in HANDLINGER:
        raise ValueError(f"ukjent handling {handling!r}")
    if bruker is None or not bruker.is_active or not bruker.is_authenticated:
        return set()
    if _global(bruker, handling):
        return None
    roller = _roller(bruker)
    return {s for rolle, s in roller if handling in ROLLER.get(rolle, ())}


def _roller(bruker) -> list[tuple[str, int]]:
    """(role, school id) pairs of the user, a county role expanded to its schools; read once
    per user object (as Django caches permissions on it)."""
    cache = getattr(bruker, "_vitnemal_roller", None)
    if cache is None:
        from vitnemal.store.models import Rolle, Skole

        rader = list(Rolle.objects.filter(bruker=bruker).values_list("rolle", "skole_id",
                                                                      "fylke_id"))
        fylker = {f for _, _, f in rader if f is not None}
        skoler_i = {}
        for pk, f in Skole.objects.filter(fylke_id__in=fylker).values_list("pk", "fylke_id") \
                if fylker else ():
            skoler_i.setdefault(f, []).append(pk)
        cache = [(r, s) for r, s, f in rader if s is not None]
        cache += [(r, pk) for r, _, f in rader if f is not None for pk in skoler_i.get(f, [])]
        bruker._vitnemal_roller = cache
    return cache


def skoler_for(obj) -> set[int]:
    """The schools an object belongs to (see the module docstring)."""
    from vitnemal.store.models import (
        Annullering,
        Elevmappeversjon,
        Person,
        Skole,
        UtstedtDokument,
    )

    if isinstance(obj, Skole):
        return {obj.pk}
    if isinstance(obj, UtstedtDokument | Elevmappeversjon):
        return {obj.skole_id}
    if isinstance(obj, Annullering):
        return {obj.dokument.skole_id}
    if isinstance(obj, Person):
        if getattr(obj, "_vitnemal_skoler", None) is None:  # once per person object
            obj._vitnemal_skoler = set(
                Elevmappeversjon.objects.filter(person=obj).values_list("skole_id", flat=True)
                .union(UtstedtDokument.objects.filter(person=obj)
                       .values_list("skole_id", flat=True)))
        return obj._vitnemal_skoler
    raise TypeError(f"tilgang vet ikke hvilken skole {type(obj).__name__} hører til")


def har(bruker, handling: str, obj=None) -> bool:
    """May ``bruker`` do ``handling`` to ``obj`` (a school, person, record version or document;
    None: at some school)?"""
    tillatt = skoler(bruker, handling)
    if tillatt is None:
        return True
    if obj is None:
        return bool(tillatt)
    return bool(tillatt & skoler_for(obj))


def krev(bruker, handling: str, obj=None) -> None:
    if not har(bruker, handling, obj):
        navn = getattr(bruker, "username", None) or "(ingen)"
        raise IngenTilgang(f"brukeren {navn} har ikke tilgang til å {HANDLINGER[handling]}")


def personer(bruker, handling: str = "lese"):
    """The persons ``bruker`` may ``handling`` (a queryset): those with a record version or a
    document at one of the user's schools."""
    from django.db.models import Exists, OuterRef, Q

    from vitnemal.store.models import Elevmappeversjon, Person, UtstedtDokument

    ids = skoler(bruker, handling)
    qs = Person.objects.all()
    if ids is None:
        return qs
    return qs.filter(
        Q(Exists(Elevmappeversjon.objects.filter(person=OuterRef("pk"), skole_id__in=ids)))
        | Q(Exists(UtstedtDokument.objects.filter(person=OuterRef("pk"), skole_id__in=ids))))
