"""Issuing originals: check, number, PDF, stored document and event in one transaction.

Ref: 001 §2.8 — a new document gets a new number from the issuer's series. Ref: NVB «FEIL:
skal ikke skrives ut» — a document with FEIL is refused and nothing is allocated.

The document stored is exactly the one the core checked and the PDF shows: ``kjerne.forbered``
runs with the løpenummer the document will carry. Checking needs that number before the
transaction that allocates it, so each document is checked and composed outside the lock with
a *predicted* serial (the series' last value plus what is in flight; a refused document
allocates nothing). Inside the transaction the real serials are allocated; a document keeps
its predicted serial when that serial is among them, and only a document whose prediction
missed (another issuer took numbers meanwhile, or a refusal left a hole) is checked and
composed again with its real serial (``forbered`` is cheap beside the PDF) and rendered there.
``utsted`` (one person) renders inside the transaction; masseutstedelse (``store.masse``)
renders in the worker processes beforehand.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace

from django.db import connection, transaction

from vitnemal.dokument.model import Dokument
from vitnemal.errors import VitnemalError
from vitnemal.findings import Finding
from vitnemal.store import hendelser, kjerne, nummer, tilgang
from vitnemal.store.jsontekst import JsonTekst
from vitnemal.store.models import (
    Elevmappeversjon,
    Hendelse,
    Person,
    Skole,
    UtstedtDokument,
)
from vitnemal.store.services.annullering import _ny as _annuller

GJELDENDE_ARTER = (UtstedtDokument.Art.ORIGINAL, UtstedtDokument.Art.NYTT_FNR)


@dataclass
class Kandidat:
    """A checked document waiting for its number: ``kjerne.forbered`` of ``versjon`` with the
    predicted serial ``lopenummer``, as ``data`` (``Dokument.as_dict``; or only the fields of
    ``arbeider.FELTER`` when ``tekst`` holds the whole as JSON text) and, when rendered beforehand,
    its PDF and SHA-256."""

    versjon: Elevmappeversjon
    lopenummer: int
    data: dict
    tekst: str | None = None  # ``kjerne.som_json(Dokument.as_dict())``, made by a worker
    dokument: Dokument | None = None  # the object itself, when at hand (saves ``from_dict``)
    pdf: bytes | None = None
    sha256: str = ""
    maalform: str | None = None  # as asked for: needed to compose again with another serial
    dokumenttype: object = None
    erstatter: UtstedtDokument | None = None
    arsak: str = ""

    @property
    def type(self) -> str:
        return self.data["type"]


@dataclass
class Resultat:
    """One line of an issuing run."""

    person_id: int
    status: str  # «utstedt», «nektet», «hoppet over»
    nummer: str = ""
    dokument_id: int | None = None
    type: str = ""
    melding: str = ""
    feil: list[Finding] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"person": self.person_id, "status": self.status, "nummer": self.nummer,
                "type": self.type, "melding": self.melding,
                "feil": [f.as_dict() for f in self.feil]}


@dataclass
class Tider:
    """Seconds spent per phase (the bench splits the time per document with them)."""

    sjekk: float = 0.0
    pdf: float = 0.0
    database: float = 0.0
    pdf_i_las: int = 0  # documents composed and rendered again inside the transaction


def utstederfakta(skole: Skole) -> kjerne.Utstederfakta:
    return kjerne.Utstederfakta(
        navn=skole.navn, orgnr=skole.orgnr, sted=skole.sted,
        underskrivere=(skole.underskriver_1, skole.underskriver_2),
        skolenummer=skole.skolenummer or None, fylke=skole.fylke.navn if skole.fylke else None,
        utenlandsk=skole.utenlandsk)


def siste_versjon(person: Person) -> Elevmappeversjon:
    v = (Elevmappeversjon.objects.select_related("skole", "skole__fylke", "person")
         .filter(person=person).order_by("-versjon").first())
    if v is None:
        raise VitnemalError(f"person {person.pk} har ingen elevmappe i registeret")
    return v


def navn(versjon: Elevmappeversjon) -> str:
    """How messages name a stored record (never by fødselsnummer)."""
    return f"person {versjon.person_id} versjon {versjon.versjon}"


def neste_lopenummer(skole: Skole, dato: date) -> int:
    """The serial the next document of ``skole`` in the year of ``dato`` will most likely get
    (a prediction, never a promise: allocation happens when it is stored)."""
    return min(nummer.siste(skole.orgnr, dato.year) + 1, nummer.MAKS)


def klargjor(versjon: Elevmappeversjon, *, dato: date, lopenummer: int | None = None,
             maalform: str | None = None, dokumenttype=None) -> tuple[Dokument | None, list[Finding]]:
    """Check and compose the document of a record version as its school issues it on ``dato``
    with serial ``lopenummer`` (None: the predicted next one; no database writes): the
    document, or None and the FEIL that refuse it."""
    if lopenummer is None:
        lopenummer = neste_lopenummer(versjon.skole, dato)
    return kjerne.forbered_lagret(versjon.data, utstederfakta(versjon.skole), dato=dato,
                                  lopenummer=lopenummer, navn=navn(versjon), sha=versjon.sha256,
                                  maalform=maalform, dokumenttype=dokumenttype,
                                  testdata=versjon.person.testdata)


class ErstatterFinnesIkke(VitnemalError):
    """The document to replace is not one of the person's (the web answers 404)."""


def finn_erstatter(person: Person, dokument_id: int) -> UtstedtDokument:
    """One of ``person``'s documents by id (a lookup, not a read of personal data: the caller
    has read the person; the permission to annul it is checked by ``utsted``)."""
    d = UtstedtDokument.objects.filter(pk=dokument_id, person=person).defer("pdf").first()
    if d is None:
        raise ErstatterFinnesIkke("dokumentet finnes ikke")
    return d


def utsted(bruker, person: Person, *, dato: date, maalform: str | None = None,
           dokumenttype=None, erstatter: UtstedtDokument | int | None = None, arsak: str = "",
           formal: str = "") -> Resultat:
    """Issue the document ``person``'s latest record gives. ``erstatter`` (a document or its
    id): reissue after a change of the record — the old document is annulled (``arsak``: KLA,
    FEI, NVB, ANN) as replaced by the new one, in the same transaction. An id that is not one
    of the person's documents raises ``ErstatterFinnesIkke``."""
    tilgang.krev(bruker, "utstede", person)
    if isinstance(erstatter, int):
        erstatter = finn_erstatter(person, erstatter)
    if erstatter is not None:
        tilgang.krev(bruker, "annullere", erstatter)
        if erstatter.person_id != person.pk:
            raise VitnemalError(f"dokument {erstatter.nummer} gjelder en annen person")
    versjon = siste_versjon(person)
    forventet = neste_lopenummer(versjon.skole, dato)
    dok, feil = klargjor(versjon, dato=dato, lopenummer=forventet,
                         maalform=maalform, dokumenttype=dokumenttype)
    if dok is None:
        return Resultat(person.pk, "nektet", melding=f"{len(feil)} FEIL; ikke utstedt",
                        feil=feil)
    k = Kandidat(versjon, forventet, kjerne.som_dict(dok), dokument=dok, maalform=maalform,
                 dokumenttype=dokumenttype, erstatter=erstatter, arsak=arsak or "FEI")
    return lagre_originaler(bruker, versjon.skole, [k], dato=dato, formal=formal)[0]


def _gjeldende(person_ids: list[int]) -> dict[int, list[UtstedtDokument]]:
    out: dict[int, list[UtstedtDokument]] = {}
    for d in (UtstedtDokument.objects.filter(person_id__in=person_ids, art__in=GJELDENDE_ARTER,
                                             annullering__isnull=True)
              .only("id", "person_id", "type", "nummer", "mappeversjon_id")):
        out.setdefault(d.person_id, []).append(d)
    return out


def _hindring(k: Kandidat, gjeldende: list[UtstedtDokument]) -> str:
    """Why ``k`` may not be issued now, or ""."""
    for d in gjeldende:
        if d.type != k.type:
            continue
        if k.erstatter is not None and k.erstatter.pk == d.pk:
            continue
        if d.mappeversjon_id == k.versjon.pk:
            return f"allerede utstedt som {d.nummer}"
        return (f"elevmappen er endret etter at {d.nummer} ble utstedt; utsted på nytt med "
                f"--erstatter {d.nummer}")
    return ""


def fordel(forventet: list[int], tildelt: range) -> list[int]:
    """The real serial of each document, given the serials they were composed with: a
    document keeps its own when it was allocated (and no earlier one claimed it); the others
    take the remaining allocated serials in order. So with one issuer and no refusal nothing
    changes, and a refusal or another issuer costs only the documents it displaced."""
    ledige = set(tildelt)
    ut: list[int | None] = []
    for f in forventet:
        if f in ledige:
            ledige.discard(f)
            ut.append(f)
        else:
            ut.append(None)
    rest = iter(sorted(ledige))
    return [f if f is not None else next(rest) for f in ut]


def lagre_originaler(bruker, skole: Skole, kandidater: list[Kandidat], *, dato: date,
                     formal: str = "", tider: Tider | None = None) -> list[Resultat]:
    """Number, render where needed, and store ``kandidater`` of one school in ONE
    transaction: every allocated number has its stored document, PDF and event, or none of
    them exists. A person with a valid document of the same type is skipped unless the
    candidate replaces it. The stored document is ``kjerne.forbered`` of the record version
    with the document's real serial."""
    tilgang.krev(bruker, "utstede", skole)
    tider = tider if tider is not None else Tider()
    t0 = time.perf_counter()
    utenfor_db = 0.0
    resultater: dict[int, Resultat] = {}
    fakta = utstederfakta(skole)
    with transaction.atomic():
        ids = sorted({k.versjon.person_id for k in kandidater})
        if connection.vendor == "postgresql":  # SQLite's BEGIN IMMEDIATE already serialises
            list(Person.objects.select_for_update().filter(pk__in=ids).order_by("pk")
                 .values_list("pk", flat=True))
        gjeldende = _gjeldende(ids)
        klare = []
        for i, k in enumerate(kandidater):
            hindring = _hindring(k, gjeldende.get(k.versjon.person_id, []))
            if hindring:
                resultater[i] = Resultat(k.versjon.person_id, "hoppet over", melding=hindring,
                                         type=k.type)
            else:
                klare.append((i, k))
                gjeldende.setdefault(k.versjon.person_id, []).append(
                    SimpleNamespace(pk=None, type=k.type, nummer="(denne kjøringen)",
                                    mappeversjon_id=k.versjon.pk))
        if klare:
            tildelt = nummer.tildel(skole.orgnr, dato.year, len(klare))
            rader = []
            for (_i, k), lnr in zip(klare, fordel([k.lopenummer for _, k in klare], tildelt),
                                    strict=True):
                u0 = time.perf_counter()
                if lnr != k.lopenummer:
                    _komponer_pa_nytt(k, fakta, dato, lnr, tider)
                if k.pdf is None:
                    p0 = time.perf_counter()
                    k.pdf = kjerne.render_pdf(k.dokument or kjerne.fra_dict(
                        k.data if k.tekst is None else json.loads(k.tekst)))
                    k.sha256 = kjerne.sha256(k.pdf)
                    tider.pdf += time.perf_counter() - p0
                utenfor_db += time.perf_counter() - u0
                nr = kjerne.dokumentnummer(k.type, skole.orgnr, dato.year, lnr)
                if k.data["dokumentnummer"] != nr:  # the invariant this module exists for
                    raise RuntimeError(f"dokumentnummer {k.data['dokumentnummer']} ≠ {nr}")
                rader.append(_rad(bruker, k.versjon, skole, k.data, k.pdf, k.sha256, nr, lnr,
                                  dato, UtstedtDokument.Art.ORIGINAL, tekst=k.tekst))
            UtstedtDokument.objects.bulk_create(rader, batch_size=200)
            hendelser.logg_mange(_utstedt_hendelse(bruker, r, formal) for r in rader)
            for (i, k), r in zip(klare, rader, strict=True):
                if k.erstatter is not None:
                    _annuller(bruker, k.erstatter, arsak=k.arsak, dato=dato,
                              saksbehandler=bruker.username,
                              fritekst="erstattet av nytt dokument etter endring av elevmappen",
                              erstattet_av=r, formal=formal)
                resultater[i] = Resultat(r.person_id, "utstedt", nummer=r.nummer,
                                         dokument_id=r.pk, type=r.type)
    tider.database += time.perf_counter() - t0 - utenfor_db
    return [resultater[i] for i in range(len(kandidater))]


def _komponer_pa_nytt(k: Kandidat, fakta: kjerne.Utstederfakta, dato: date, lnr: int,
                      tider: Tider) -> None:
    """``k`` with its real serial ``lnr``: checked and composed again (the stored document is
    always what the core composed with the printed number), its PDF to be rendered again."""
    s0 = time.perf_counter()
    dok, feil = kjerne.forbered_lagret(
        k.versjon.data, fakta, dato=dato, lopenummer=lnr, navn=navn(k.versjon),
        sha=k.versjon.sha256, maalform=k.maalform, dokumenttype=k.dokumenttype,
        testdata=k.versjon.person.testdata)
    tider.sjekk += time.perf_counter() - s0
    if dok is None:  # the serial's value decides no check (tested); if it ever did: roll back
        raise VitnemalError(f"{navn(k.versjon)}: nektet med løpenummer {lnr} etter å ha bestått "
                            f"med {k.lopenummer}: " + "; ".join(f.melding for f in feil))
    k.dokument, k.data, k.tekst = dok, kjerne.som_dict(dok), None
    k.lopenummer, k.pdf, k.sha256 = lnr, None, ""
    tider.pdf_i_las += 1


def _utstedt_hendelse(bruker, r: UtstedtDokument, formal: str) -> Hendelse:
    h = hendelser.ny(bruker, Hendelse.Handling.UTSTEDT, formal=formal, dokument=r,
                     type=r.type, art=r.art)
    h.person_id = r.person_id
    return h


def _rad(bruker, versjon: Elevmappeversjon, skole: Skole, data: dict, pdf: bytes, sha: str,
         nr: str, lnr: int, dato: date, art: str, *, original: UtstedtDokument | None = None,
         tildelt: bool = True, tekst: str | None = None) -> UtstedtDokument:
    """The row of an issued document: ``data`` is ``Dokument.as_dict()`` of what was printed
    (or its ``arbeider.FELTER`` when ``tekst`` is that dict as JSON text)."""
    return UtstedtDokument(
        nummer=nr, tildelt=tildelt, type=data["type"], orgnr=skole.orgnr if tildelt
        else original.orgnr, ar=dato.year if tildelt else original.ar, lopenummer=lnr, art=art,
        person_id=versjon.person_id, skole=skole, mappeversjon=versjon, original=original,
        dokument=data if tekst is None else JsonTekst(tekst), pdf=pdf, sha256=sha or kjerne.sha256(pdf),
        regelsett_versjon=kjerne.regelsett_versjon(), kodeverk_versjon=kjerne.kodeverk_versjon(),
        versjoner=kjerne.versjoner(), programversjon=kjerne.programversjon(), utstedt=dato,
        maalform=data["maalform"], underskrivere=list(data["underskrivere"]),
        forstegangsvitnemal=data["forstegangsvitnemal"], bruker=bruker)
