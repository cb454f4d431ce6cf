"""The register's only door into the core: check, compose, serialise and render a document.

Every call from ``store`` into ``vitnemal.utskrift``, ``vitnemal.dokument`` and
``vitnemal.pdf`` goes through this module. The register states the issuance facts itself
(``Utstedelse``: its school as issuer, the print date, the løpenummer it allocated) and the
core decides, composes and checks exactly the document that is printed and stored.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from functools import cache

from vitnemal import __version__
from vitnemal.dokument import celler
from vitnemal.dokument.gjengivelse import gjengi
from vitnemal.dokument.model import (
    Dokument,
    Dokumenttype,
)
from vitnemal.errors import InputError
from vitnemal.findings import Alvorlighet, Finding
from vitnemal.model import Elevmappe
from vitnemal.utskrift import Utskrift, Utstedelse, Utsteder
from vitnemal.utskrift import forbered as _forbered
from vitnemal.utskrift import versjoner as _versjoner


@dataclass(frozen=True, slots=True)
class Utstederfakta:
    """The register's facts about the issuer (001 §2.8), in place of the record's own
    ``utsteder`` block."""

    navn: str
    orgnr: str
    sted: str
    underskrivere: tuple[str, str]
    skolenummer: str | None = None
    fylke: str | None = None
    utenlandsk: bool = False

    def utsteder(self) -> Utsteder:
        return Utsteder(skolenavn=self.navn, orgnr=self.orgnr, sted=self.sted,
                        underskrivere=self.underskrivere, skolenummer=self.skolenummer,
                        utenlandsk=self.utenlandsk)


def mappe_fra_data(data: dict, *, testdata: bool = False, navn: str = "elevmappen") -> Elevmappe:
    """A stored record, validated again by the core model (it is the core's record); raises
    InputError with the loader's Norwegian messages when the model refuses it."""
    from vitnemal.io.load import validate_data

    mappe, problemer = validate_data(data, navn, testdata=testdata)
    if mappe is None:
        raise InputError("elevmappen er ikke gyldig: " + "; ".join(str(p) for p in problemer))
    return mappe


def mappe_til_data(mappe: Elevmappe) -> dict:
    """The record as stored: the model's JSON form, without the fields the register does not
    take from the record (``utsteder.lopenummer`` and ``utsteder.utstedt``; docs/decisions.md)."""
    data = mappe.model_dump(mode="json", exclude_none=True)
    data["utsteder"].pop("lopenummer", None)
    data["utsteder"].pop("utstedt", None)
    return data


def fingeravtrykk(data: dict) -> str:
    """SHA-256 of the record's canonical JSON: an unchanged re-import has the same value."""
    tekst = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(tekst.encode()).hexdigest()


#: Validated records by fingerprint (``Elevmappeversjon.sha256``): a version checked twice in
#: one process (a missed prediction, a rerun) is validated by pydantic once. Records are frozen.
_MAPPER: OrderedDict[tuple[str, bool], Elevmappe] = OrderedDict()
_MAPPER_MAKS = 2048


def lagret_mappe(data: dict, sha: str | None, *, testdata: bool, navn: str
                 ) -> tuple[Elevmappe | None, list[str]]:
    """A stored record version validated again by the core model (once per process and
    fingerprint ``sha``): the record, or None and the loader's messages."""
    from vitnemal.io.load import validate_data

    nokkel = (sha, testdata)
    if sha and nokkel in _MAPPER:
        _MAPPER.move_to_end(nokkel)
        return _MAPPER[nokkel], []
    mappe, problemer = validate_data(data, navn, testdata=testdata)
    if mappe is None:
        return None, [str(p) for p in problemer]
    if sha:
        _MAPPER[nokkel] = mappe
        if len(_MAPPER) > _MAPPER_MAKS:
            _MAPPER.popitem(last=False)
    return mappe, []


def forbered(mappe: Elevmappe, utsteder: Utstederfakta, *, dato: date, lopenummer: int,
             maalform: str | None = None, dokumenttype: Dokumenttype | None = None,
             testdata: bool = False) -> Utskrift:
    """``utskrift.forbered``: decide, compose and check the document the register's school
    issues on ``dato`` with serial ``lopenummer``, judged against the blankett's room too
    (``pdf.kontroll.passer``). Refused (``nektet``) when it has FEIL."""
    from vitnemal.pdf.kontroll import passer

    fakta = Utstedelse(dato=dato, lopenummer=lopenummer, maalform=maalform,
                       dokumenttype=dokumenttype, utsteder=utsteder.utsteder())
    return _forbered(mappe, fakta, testdata=testdata, plasskontroll=passer)


def forbered_lagret(data: dict, utsteder: Utstederfakta, *, dato: date, lopenummer: int,
                    navn: str, sha: str | None = None, maalform: str | None = None,
                    dokumenttype: Dokumenttype | None = None,
                    testdata: bool = False) -> tuple[Dokument | None, list[Finding]]:
    """A stored record version (fingerprint ``sha``), validated again, then ``forbered``: the
    document, or None and the FEIL that refuse it. A record that today's model no longer
    accepts is refused with the loader's Norwegian messages (``navn`` stands for the file),
    not raised."""
    mappe, problemer = lagret_mappe(data, sha, testdata=testdata, navn=navn)
    if mappe is None:
        return None, [Finding("REGISTER-MAPPE-UGYLDIG", "", Alvorlighet.FEIL,
                              f"den lagrede elevmappen er ikke gyldig: {p}; importer en rettet "
                              "elevmappe") for p in problemer]
    u = forbered(mappe, utsteder, dato=dato, lopenummer=lopenummer, maalform=maalform,
                 dokumenttype=dokumenttype, testdata=testdata)
    return (None, u.feil) if u.nektet else (u.dokument, [])


def dokumentnummer(typ: Dokumenttype | str, orgnr: str, ar: int, lopenummer: int) -> str:
    """Ref: 001 §2.8 — V/K, orgnr, year of issue, 5-digit serial, no spaces."""
    return celler.dokumentnummer(Dokumenttype(typ), orgnr, ar, lopenummer)


def duplikat(dok: Dokument, utsteder: Utstederfakta, *, dato: date,
             lopenummer: int | None = None) -> Dokument:
    """Ref: 001 §2.11 — the stored document ``dok`` as a duplicate: DUPLIKAT, the new date, the
    school's signatures; its own number, or the new serial ``lopenummer`` (alternative 3,
    numbered in the year of ``dato``). ``dokument.gjengivelse.gjengi`` does it."""
    k = dok.koder
    u = Utstedelse(dato=dato, duplikat=True, lopenummer=lopenummer,
                   opprinnelig_lopenummer=None if lopenummer else k.lopenummer,
                   opprinnelig_dato=None if lopenummer else k.dato,
                   utsteder=utsteder.utsteder())
    return gjengi(dok, u)


def nytt_fodselsnummer(dok: Dokument, utsteder: Utstederfakta, *, fodselsnummer: str,
                       navn: str, dato: date, lopenummer: int) -> Dokument:
    """Ref: 001 §2.12 — the stored document with the person's new number and name, a new date,
    the school's signatures and the new serial ``lopenummer``; not a duplicate."""
    u = Utstedelse(dato=dato, lopenummer=lopenummer, utsteder=utsteder.utsteder())
    return gjengi(dok, u, fodselsnummer=fodselsnummer, navn=navn)


def som_dict(dok: Dokument) -> dict:
    return dok.as_dict()


def som_json(data: dict) -> str:
    """``som_dict(…)`` as text, exactly as the register's ``JSONField`` writes it
    (``store.jsontekst``: made where the document is composed)."""
    return json.dumps(data)


def fra_dict(d: dict) -> Dokument:
    """The stored document (``Dokument.as_dict``) as the core's object."""
    return Dokument.from_dict(d)


def render_pdf(dok: Dokument) -> bytes:
    """The PDF/A-2b of ``dok``, reproducible (ReportLab's fixed timestamp and ID), so that
    ``verifiser`` can render it again and compare bytes."""
    from vitnemal.pdf.render import render

    return render(dok, invariant=True)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@cache
def versjoner() -> dict:
    """``utskrift.versjoner()``: the package, kodeverk, check catalogue and rule sets that
    decided a document issued now (stored with it)."""
    return _versjoner()


@cache
def regelsett_versjon() -> str:
    """A short name of the checks and rule sets of ``versjoner()`` (the column beside it)."""
    v = versjoner()
    tekst = json.dumps([v["sjekker"], v["regelsett"]], sort_keys=True)
    return "regler+" + hashlib.sha256(tekst.encode()).hexdigest()[:16]


@cache
def kodeverk_versjon() -> str:
    return str(versjoner()["kodeverk"])[:40]


@cache
def programversjon() -> str:
    """What rendered the PDF: vitnemal's and ReportLab's versions."""
    from importlib.metadata import version

    return f"vitnemal {__version__}, reportlab {version('reportlab')}"
