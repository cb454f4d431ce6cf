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
    """A CLI permission (or a superuser): every school. The audit log goes with «lese»."""
    if bruker.is_superuser:
        return True
    rettigheter = getattr(bruker, "_vitnemal_rettigheter", None)
    if rettigheter is None:  # once per user object, as Django caches permissions on it
        rettigheter = bruker._vitnemal_rettigheter = _globale_rettigheter(bruker.pk)
    return ("lese" if handling == "revidere" else handling) in rettigheter


def _globale_rettigheter(bruker_id: int) -> set[str]:
    """The ``store`` permissions a user holds, directly or through a group: what
    ``bruker.has_perm("store.…")`` answers from under ``ModelBackend`` (the only backend that
    grants permissions here; tests/web/test_tilgang.py compares the two).

    One SQL statement, written out: every web request asks this, and the ORM's version (two
    queries in ``ModelBackend``, or one with an OR over two joins) cost 2.2 / 1.2 ms of CPU per
    request against 0.2 ms for this text (bench/web.py: a PDF download is ~9 ms in all)."""
    from django.contrib.auth.models import Group, Permission, User
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    t = {"perm": Permission._meta.db_table, "ct": ContentType._meta.db_table,
         "up": User.user_permissions.through._meta.db_table,
         "ug": User.groups.through._meta.db_table,
         "gp": Group.permissions.through._meta.db_table}
    sql = (f"SELECT p.codename FROM {t['perm']} p JOIN {t['ct']} c ON c.id = p.content_type_id "
           f"WHERE c.app_label = 'store' AND (p.id IN (SELECT permission_id FROM {t['up']} "
           f"WHERE user_id = %s) OR p.id IN (SELECT gp.permission_id FROM {t['gp']} gp "
           f"JOIN {t['ug']} ug ON ug.group_id = gp.group_id WHERE ug.user_id = %s))")
    with connection.cursor() as c:
        c.execute(sql, [bruker_id, bruker_id])
        return {kode for (kode,) in c.fetchall()}


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
