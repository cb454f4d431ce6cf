"""Reads for the web application (issue 16). Every function checks ``tilgang`` per object and
writes an audit event for each person whose data it returns. An object the user may not see
is reported exactly like one that does not exist (``IkkeFunnet``): no existence oracle.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from vitnemal.errors import VitnemalError
from vitnemal.store import hendelser, kjerne, selectors, tilgang
from vitnemal.store.models import (
    Elevmappeversjon,
    Hendelse,
    Person,
    Skole,
    UtstedtDokument,
)
from vitnemal.store.services.utstedelse import navn as versjonsnavn
from vitnemal.store.services.utstedelse import neste_lopenummer, utstederfakta

MAKS_TREFF = 100
MAKS_KANDIDATER = 5000


class IkkeFunnet(VitnemalError):
    """No such object, or not one of the user's schools (the web answers 404 either way)."""


@dataclass
class Dokumentrad:
    dok: UtstedtDokument
    status: str
    erstattet_av: str

    @property
    def gyldig(self) -> bool:
        return self.status == "gyldig"


@dataclass
class Personside:
    person: Person
    versjon: Elevmappeversjon | None
    utskrift: object | None  # vitnemal.utskrift.Utskrift
    fullfortkoder: list
    problemer: list
    dokumenter: list[Dokumentrad]
    versjoner: list[Elevmappeversjon]
    rettigheter: dict[str, bool] = field(default_factory=dict)


def _logg_lest(bruker, personer, hva: str, **detaljer) -> None:
    hendelser.logg_mange(_lest(bruker, pid, hva, detaljer) for pid in sorted(set(personer)))


def _lest(bruker, pid: int, hva: str, detaljer: dict) -> Hendelse:
    h = hendelser.ny(bruker, Hendelse.Handling.LEST, formal="web", hva=hva, **detaljer)
    h.person_id = pid
    return h


def mine_skoler(bruker) -> list[Skole]:
    ids = tilgang.skoler(bruker, "lese")
    qs = Skole.objects.select_related("fylke").order_by("navn")
    return list(qs if ids is None else qs.filter(pk__in=ids))


def _fodselsdato_prefikser(d: date) -> list[str]:
    """Ref: 003 A01 — the first six digits of the numbers a person born on ``d`` can have:
    fødselsnummer, D-nummer (day + 40), H-nummer (month + 40), synthetic (month + 80)."""
    yy = f"{d.year % 100:02d}"
    return [f"{dd:02d}{mm:02d}{yy}" for dd in (d.day, d.day + 40)
            for mm in (d.month, d.month + 40, d.month + 80)]


def sok(bruker, *, navn: str = "", fodt: date | None = None,
        fodselsnummer: str = "") -> list[Person]:
    """Persons of the user's schools by part of the name, birth date, or exact (current or
    former) fødselsnummer; each person returned is logged as read.

    The matching persons are found first (the person table alone), and only they are checked
    against the user's schools: the access filter over a large register's record table is
    then a few index lookups, not a scan (bench/web.py)."""
    if not (fodselsnummer or navn.strip() or fodt):
        return []
    qs = Person.objects.all()
    if fodselsnummer:
        fnr = "".join(fodselsnummer.split())
        qs = qs.filter(Q(fodselsnummer=fnr) | Q(endringer__gammelt=fnr))
    for ord_ in navn.split():
        qs = qs.filter(navn__icontains=ord_)
    if fodt is not None:
        q = Q()
        for p in _fodselsdato_prefikser(fodt):
            q |= Q(fodselsnummer__startswith=p)
        qs = qs.filter(q)
    kandidater = list(qs.order_by().values_list("pk", flat=True).distinct()[:MAKS_KANDIDATER])
    treff = list(tilgang.personer(bruker, "lese").filter(pk__in=kandidater)
                 .order_by("navn", "pk")[:MAKS_TREFF])
    _logg_lest(bruker, (p.pk for p in treff), "søk")
    return treff


def person(bruker, person_id: int, hva: str = "person") -> Person:
    p = Person.objects.filter(pk=person_id).first()
    if p is None or not tilgang.har(bruker, "lese", p):
        raise IkkeFunnet("personen finnes ikke, eller du har ikke tilgang til den")
    _logg_lest(bruker, [p.pk], hva)
    return p


def _dokumentrader(qs, antall: int | None = None) -> list[Dokumentrad]:
    """The newest ``antall`` documents of ``qs`` with their status: two queries."""
    dok = list(qs.defer("pdf", "dokument").select_related("skole").order_by("-id")[:antall])
    statuser = selectors.statuser(dok)  # an empty list asks the database nothing
    return [Dokumentrad(d, *statuser[d.pk]) for d in dok]


def personside(bruker, person_id: int, *, dato: date | None = None) -> Personside:
    """Everything the person page shows: the latest record as the core judges it today
    (fullførtkoder with reasons, the document decision, every finding), the documents issued
    and the record's versions."""
    p = person(bruker, person_id, "personside")
    versjoner = list(Elevmappeversjon.objects.filter(person=p)
                     .select_related("bruker", "skole", "skole__fylke")
                     .order_by("-versjon")[:MAKS_VERSJONER])
    for ny, forrige in zip(versjoner, versjoner[1:], strict=False):
        ny.endringer = endringer(forrige.data, ny.data)
    siste = versjoner[0] if versjoner else None
    utskrift, koder, problemer = None, [], []
    if siste is not None:
        utskrift, koder, problemer = vurdering(siste, dato or date.today(), p.testdata)
    rettigheter = {h: tilgang.har(bruker, h, p) for h in ("importere", "utstede", "annullere")}
    return Personside(p, siste, utskrift, koder, problemer,
                      _dokumentrader(UtstedtDokument.objects.filter(person=p)), versjoner,
                      rettigheter)


_VURDERINGER: OrderedDict = OrderedDict()
_LAAS = threading.Lock()
MAKS_VURDERINGER = 256


def vurdering(versjon: Elevmappeversjon, dato: date, testdata: bool):
    """``kjerne.vurder_lagret`` of a stored version, remembered per process for the last
    ``MAKS_VURDERINGER`` (version, school facts, date): a version never changes, so a repeated
    view of the same person does not run the whole catalogue again."""
    lopenummer = neste_lopenummer(versjon.skole, dato)  # the number it would get if issued now
    nokkel = (versjon.pk, versjon.sha256, versjon.skole_id, versjon.skole.endret, dato,
              lopenummer, testdata, kjerne.regelsett_versjon())
    with _LAAS:
        svar = _VURDERINGER.get(nokkel)
        if svar is not None:
            _VURDERINGER.move_to_end(nokkel)
            return svar
    svar = kjerne.vurder_lagret(versjon.data, utstederfakta(versjon.skole), dato=dato,
                                lopenummer=lopenummer, navn=versjonsnavn(versjon),
                                testdata=testdata)
    with _LAAS:
        _VURDERINGER[nokkel] = svar
        while len(_VURDERINGER) > MAKS_VURDERINGER:
            _VURDERINGER.popitem(last=False)
    return svar


MAKS_VERSJONER = 20


def _fagnokkel(fag: dict) -> tuple:
    return (fag.get("fagkode"), fag.get("trinn"), fag.get("termin"))


def endringer(forrige: dict, ny: dict) -> list[str]:
    """What changed from one record version to the next, in words: fag rows added or removed,
    and per fag row each changed field («ENG1007 eksamen: D → 5»); other parts by name."""
    ut = []
    gamle = {_fagnokkel(f): f for f in forrige.get("fag", [])}
    nye = {_fagnokkel(f): f for f in ny.get("fag", [])}
    for k in nye.keys() - gamle.keys():
        ut.append(f"{k[0]} lagt til")
    for k in gamle.keys() - nye.keys():
        ut.append(f"{k[0]} fjernet")
    for k in nye.keys() & gamle.keys():
        a, b = gamle[k], nye[k]
        for felt in sorted(a.keys() | b.keys()):
            if a.get(felt) != b.get(felt):
                ut.append(f"{k[0]} {felt}: {_kort(a.get(felt))} → {_kort(b.get(felt))}")
    for del_ in sorted((forrige.keys() | ny.keys()) - {"fag", "person"}):
        if forrige.get(del_) != ny.get(del_):
            ut.append(f"{del_} endret")
    if forrige.get("person", {}).get("navn") != ny.get("person", {}).get("navn"):
        ut.append("navn endret")
    if forrige.get("person", {}).get("fodselsnummer") != ny.get("person", {}).get("fodselsnummer"):
        ut.append("fødselsnummer endret")
    return sorted(ut)


def _kort(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, dict):
        return " ".join([str(v.get("kode", "")), *map(str, v.get("parametre", []))]).strip()
    return str(v)


def dokument(bruker, dokument_id: int, *, pdf: bool = False) -> UtstedtDokument:
    """One document the user may read, its read logged. With ``pdf`` only what a download
    needs is read (the PDF, number, school and person ids): the document's body and its
    original's columns are not loaded for the file alone."""
    if pdf:
        qs = UtstedtDokument.objects.only("pk", "nummer", "skole_id", "person_id", "pdf")
    else:
        qs = (UtstedtDokument.objects.select_related("person", "skole", "original")
              .defer("pdf", "original__pdf", "original__dokument"))
    d = qs.filter(pk=dokument_id).first()
    if d is None or not tilgang.har(bruker, "lese", d):
        raise IkkeFunnet("dokumentet finnes ikke, eller du har ikke tilgang til det")
    handling = Hendelse.Handling.PDF_LEST if pdf else Hendelse.Handling.LEST
    h = hendelser.ny(bruker, handling, formal="web", dokument=d, hva="dokument")
    h.person_id = d.person_id  # the id is loaded, the person is not
    h.save()
    return d


def dokumentside(bruker, dokument_id: int) -> tuple[Dokumentrad, list[Hendelse],
                                                    list[UtstedtDokument]]:
    d = dokument(bruker, dokument_id)
    status, erstattet = selectors.status(d)
    ev = list(Hendelse.objects.filter(dokument=d).exclude(handling=Hendelse.Handling.LEST)
              .exclude(handling=Hendelse.Handling.PDF_LEST).order_by("id"))
    return Dokumentrad(d, status, erstattet), ev, selectors.gjengivelser(d)


STATUSER = {"gyldig": "gyldig", "annullert": "annullert"}


def dokumentliste(bruker, *, skole: int | None = None, ar: int | None = None,
                  type: str = "", status: str = "", antall: int = 200) -> list[Dokumentrad]:
    """The register: issued documents of the user's schools, filtered; logged per person."""
    ids = tilgang.skoler(bruker, "lese")
    qs = UtstedtDokument.objects.all()
    if ids is not None:
        qs = qs.filter(skole_id__in=ids)
    if skole:
        qs = qs.filter(skole_id=skole)
    if ar:
        qs = qs.filter(ar=ar)
    if type in ("V", "K"):
        qs = qs.filter(type=type)
    if status == "annullert":
        qs = qs.filter(annullering__isnull=False)
    elif status == "gyldig":
        qs = qs.filter(annullering__isnull=True)
    rader = _dokumentrader(qs.select_related("person"), antall)
    _logg_lest(bruker, (r.dok.person_id for r in rader), "dokumentliste")
    return rader


def hendelseslogg(bruker, *, person_id: int | None = None, brukernavn: str = "",
                  fra: date | None = None, til: date | None = None,
                  antall: int = 500) -> list[Hendelse]:
    """The audit log of the user's schools (revisor, fylkesadmin), newest first. Reading it is
    itself logged."""
    ids = tilgang.skoler(bruker, "revidere")
    if ids is not None and not ids:
        raise tilgang.IngenTilgang("du har ikke tilgang til hendelsesloggen")
    qs = Hendelse.objects.all()
    if ids is not None:
        personer = tilgang.personer(bruker, "revidere").values("pk")
        qs = qs.filter(Q(skole_id__in=ids) | Q(dokument__skole_id__in=ids)
                       | Q(person_id__in=personer))
    if person_id:
        qs = qs.filter(person_id=person_id)
    if brukernavn.strip():
        qs = qs.filter(brukernavn=brukernavn.strip())
    tz = timezone.get_current_timezone()
    if fra:
        qs = qs.filter(tidspunkt__gte=datetime.combine(fra, time.min, tz))
    if til:
        qs = qs.filter(tidspunkt__lt=datetime.combine(til + timedelta(days=1), time.min, tz))
    ut = list(qs.order_by("-id")[:antall])
    hendelser.logg(bruker, Hendelse.Handling.LEST, formal="web", hva="hendelseslogg",
                   antall=len(ut))
    return ut


def siste_hendelser(bruker, antall: int = 10) -> list[Hendelse]:
    """The latest changes (not reads) at the user's schools, for the start page."""
    ids = tilgang.skoler(bruker, "lese")
    qs = Hendelse.objects.exclude(handling__in=[Hendelse.Handling.LEST,
                                                Hendelse.Handling.PDF_LEST])
    if ids is not None:
        qs = qs.filter(Q(skole_id__in=ids) | Q(dokument__skole_id__in=ids))
    return list(qs.order_by("-id")[:antall])


def beredskap(bruker) -> dict[str, int]:
    """Readiness counts of the user's schools: persons with a record, and with a valid issued
    document (the start page shows them beside the årshjul's deadlines)."""
    ids = tilgang.skoler(bruker, "lese")
    versjoner = Elevmappeversjon.objects.filter(**({} if ids is None else {"skole_id__in": ids}))
    med_dok = Person.objects.filter(pk__in=versjoner.values("person_id"), dokumenter__isnull=False,
                                    dokumenter__annullering__isnull=True).distinct()
    return {"personer": versjoner.values("person_id").distinct().count(),
            "utstedt": med_dok.count()}


def vurder_endring(versjon: Elevmappeversjon, data: dict, *, dato: date, testdata: bool):
    """The checks on edited, unsaved record data of ``versjon``'s person, as its school would
    issue the document on ``dato`` (with the predicted next løpenummer); the caller has read
    ``versjon`` through ``personside`` (permission checked, read audited)."""
    return kjerne.vurder_lagret(data, utstederfakta(versjon.skole), dato=dato,
                                lopenummer=neste_lopenummer(versjon.skole, dato),
                                navn=versjonsnavn(versjon), testdata=testdata)
