"""Issuing originals: check, number, PDF, stored document and event in one transaction.

Ref: 001 §2.8 — a new document gets a new number from the issuer's series. Ref: NVB «FEIL:
skal ikke skrives ut» — a document with FEIL is refused and nothing is allocated.

The readable default (``utsted``) checks and composes outside the transaction, then in one
transaction allocates the number, renders the PDF with it, stores the document and its event.
``lagre_originaler`` also takes PDFs rendered beforehand with a predicted number
(masseutstedelse, ``store.masse``): a prediction that comes true saves rendering inside the
lock; a wrong one is rendered again there, so the result is the same either way.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date

from django.db import connection, transaction

from vitnemal.dokument.model import Dokument
from vitnemal.errors import VitnemalError
from vitnemal.findings import Finding
from vitnemal.store import hendelser, kjerne, nummer, tilgang
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
    """A checked document waiting for its number."""

    versjon: Elevmappeversjon
    dokument: Dokument  # composed with a placeholder løpenummer
    pdf: bytes | None = None  # rendered beforehand with ``forventet``
    forventet: str | None = None
    erstatter: UtstedtDokument | None = None
    arsak: str = ""
    data: dict | None = None  # ``kjerne.som_dict(dokument)``, when made beforehand


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
    pdf_i_las: int = 0  # PDFs rendered inside the transaction (prediction missed)


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


def klargjor(versjon: Elevmappeversjon, *, dato: date, maalform: str | None = None,
             dokumenttype=None) -> tuple[Dokument | None, list[Finding]]:
    """Check and compose the document of a record version as its school issues it on
    ``dato`` (no database writes): the document, or None and the FEIL that refuse it."""
    return kjerne.forbered_lagret(versjon.data, utstederfakta(versjon.skole), dato=dato,
                                  navn=navn(versjon), maalform=maalform,
                                  dokumenttype=dokumenttype, testdata=versjon.person.testdata)


def utsted(bruker, person: Person, *, dato: date, maalform: str | None = None,
           dokumenttype=None, erstatter: UtstedtDokument | None = None, arsak: str = "",
           formal: str = "") -> Resultat:
    """Issue the document ``person``'s latest record gives. ``erstatter``: reissue after a
    change of the record — the old document is annulled (``arsak``: KLA, FEI, NVB, ANN) as
    replaced by the new one, in the same transaction."""
    tilgang.krev(bruker, "utstede", person)
    if erstatter is not None:
        tilgang.krev(bruker, "annullere", erstatter)
        if erstatter.person_id != person.pk:
            raise VitnemalError(f"dokument {erstatter.nummer} gjelder en annen person")
    versjon = siste_versjon(person)
    dok, feil = klargjor(versjon, dato=dato, maalform=maalform, dokumenttype=dokumenttype)
    if dok is None:
        return Resultat(person.pk, "nektet", melding=f"{len(feil)} FEIL; ikke utstedt",
                        feil=feil)
    k = Kandidat(versjon, dok, erstatter=erstatter, arsak=arsak or "FEI")
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
        if d.type != k.dokument.type.value:
            continue
        if k.erstatter is not None and k.erstatter.pk == d.pk:
            continue
        if d.mappeversjon_id == k.versjon.pk:
            return f"allerede utstedt som {d.nummer}"
        return (f"elevmappen er endret etter at {d.nummer} ble utstedt; utsted på nytt med "
                f"--erstatter {d.nummer}")
    return ""


def lagre_originaler(bruker, skole: Skole, kandidater: list[Kandidat], *, dato: date,
                     formal: str = "", tider: Tider | None = None) -> list[Resultat]:
    """Number, render where needed, and store ``kandidater`` of one school in ONE
    transaction: every allocated number has its stored document, PDF and event, or none of
    them exists. A person with a valid document of the same type is skipped unless the
    candidate replaces it."""
    tilgang.krev(bruker, "utstede", skole)
    tider = tider if tider is not None else Tider()
    t0 = time.perf_counter()
    pdf_tid = 0.0
    resultater: dict[int, Resultat] = {}
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
                                         type=k.dokument.type.value)
            else:
                klare.append((i, k))
                gjeldende.setdefault(k.versjon.person_id, []).append(
                    UtstedtDokument(type=k.dokument.type.value, nummer="(denne kjøringen)",
                                    mappeversjon_id=k.versjon.pk))
        if klare:
            numre = nummer.tildel(skole.orgnr, dato.year, len(klare))
            rader = []
            for (_i, k), lnr in zip(klare, numre, strict=True):
                nr = kjerne.dokumentnummer(k.dokument.type, skole.orgnr, dato.year, lnr)
                dok = kjerne.med_nummer(k.dokument, nr)
                pdf = k.pdf
                if pdf is None or k.forventet != nr:
                    p0 = time.perf_counter()
                    pdf = kjerne.render_pdf(dok)
                    pdf_tid += time.perf_counter() - p0
                    tider.pdf_i_las += 1
                data = kjerne.dict_med_nummer(k.data, nr) if k.data is not None else None
                rader.append(_rad(bruker, k.versjon, skole, dok, pdf, nr, lnr, dato,
                                  UtstedtDokument.Art.ORIGINAL, data=data))
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
    tider.pdf += pdf_tid
    tider.database += time.perf_counter() - t0 - pdf_tid
    return [resultater[i] for i in range(len(kandidater))]


def _utstedt_hendelse(bruker, r: UtstedtDokument, formal: str) -> Hendelse:
    h = hendelser.ny(bruker, Hendelse.Handling.UTSTEDT, formal=formal, dokument=r,
                     type=r.type, art=r.art)
    h.person_id = r.person_id
    return h


def _rad(bruker, versjon: Elevmappeversjon, skole: Skole, dok: Dokument, pdf: bytes, nr: str,
         lnr: int, dato: date, art: str, *, original: UtstedtDokument | None = None,
         tildelt: bool = True, data: dict | None = None) -> UtstedtDokument:
    return UtstedtDokument(
        nummer=nr, tildelt=tildelt, type=dok.type.value, orgnr=skole.orgnr if tildelt
        else original.orgnr, ar=dato.year if tildelt else original.ar, lopenummer=lnr, art=art,
        person_id=versjon.person_id, skole=skole, mappeversjon=versjon, original=original,
        dokument=data if data is not None else kjerne.som_dict(dok), pdf=pdf, sha256=kjerne.sha256(pdf),
        regelsett_versjon=kjerne.regelsett_versjon(), kodeverk_versjon=kjerne.kodeverk_versjon(),
        programversjon=kjerne.programversjon(), utstedt=dato, maalform=dok.maalform,
        underskrivere=list(dok.underskrivere), forstegangsvitnemal=dok.forstegangsvitnemal,
        bruker=bruker)
