"""The register's only door into the core: check, compose, serialise and render a document.

Every call from ``store`` into ``vitnemal.utskrift``, ``vitnemal.dokument`` and
``vitnemal.pdf`` goes through this module, so that the core's issuance API (issue 13: an
issuance-facts value object, ``Dokument.from_dict``, version identifiers of the rule set and
the kodeverk) can be swapped in here alone. Functions marked TEMPORARY are the ones to replace.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources

from vitnemal import __version__
from vitnemal.dokument import celler
from vitnemal.dokument.model import (
    Dokument,
    Dokumenttype,
)
from vitnemal.errors import InputError
from vitnemal.findings import Alvorlighet, Finding
from vitnemal.model import Elevmappe
from vitnemal.utskrift import Utskrift, Utstedelse, Utsteder
from vitnemal.utskrift import forbered as _forbered

#: The løpenummer the record is checked and composed with before the register allocates the
#: real one (the check LOPENUMMER-MANGLER needs one); only ``dokumentnummer`` depends on it.
PLASSHOLDER_LOPENUMMER = 1


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


def forbered(mappe: Elevmappe, utsteder: Utstederfakta, *, dato: date,
             maalform: str | None = None, dokumenttype: Dokumenttype | None = None,
             testdata: bool = False) -> Utskrift:
    """Check and compose the document for issue on ``dato`` by the register's school, with a
    placeholder løpenummer that ``med_nummer`` replaces; the blankett's room is judged too
    (``pdf.kontroll.passer``). Refused (``nektet``) when it has FEIL."""
    from vitnemal.pdf.kontroll import passer

    fakta = Utstedelse(
        dato=dato, lopenummer=PLASSHOLDER_LOPENUMMER, maalform=maalform,
        dokumenttype=dokumenttype,
        utsteder=Utsteder(skolenavn=utsteder.navn, orgnr=utsteder.orgnr, sted=utsteder.sted,
                          underskrivere=utsteder.underskrivere,
                          skolenummer=utsteder.skolenummer, utenlandsk=utsteder.utenlandsk))
    return _forbered(mappe, fakta, testdata=testdata, plasskontroll=passer)


def forbered_lagret(data: dict, utsteder: Utstederfakta, *, dato: date, navn: str,
                    maalform: str | None = None, dokumenttype: Dokumenttype | None = None,
                    testdata: bool = False) -> tuple[Dokument | None, list[Finding]]:
    """A stored record version, validated again and then ``forbered``: the document, or None
    and the FEIL that refuse it. A record that today's model no longer accepts is refused with
    the loader's Norwegian messages (``navn`` stands for the file), not raised."""
    from vitnemal.io.load import validate_data

    mappe, problemer = validate_data(data, navn, testdata=testdata)
    if mappe is None:
        return None, [Finding("REGISTER-MAPPE-UGYLDIG", "", Alvorlighet.FEIL,
                              f"den lagrede elevmappen er ikke gyldig: {p}; importer en rettet "
                              "elevmappe") for p in problemer]
    u = forbered(mappe, utsteder, dato=dato, maalform=maalform, dokumenttype=dokumenttype,
                 testdata=testdata)
    return (None, u.feil) if u.nektet else (u.dokument, [])


def dokumentnummer(typ: Dokumenttype | str, orgnr: str, ar: int, lopenummer: int) -> str:
    """Ref: 001 §2.8 — V/K, orgnr, year of issue, 5-digit serial, no spaces."""
    return celler.dokumentnummer(Dokumenttype(typ), orgnr, ar, lopenummer)


def med_nummer(dok: Dokument, nummer: str) -> Dokument:
    """TEMPORARY (issue 13 puts the løpenummer into the issuance facts): the composed
    document with the allocated number."""
    return replace(dok, dokumentnummer=nummer,
                   koder=replace(dok.koder, lopenummer=int(nummer[-5:])))


def duplikat(dok: Dokument, *, dato: date, underskrivere: tuple[str, str],
             nummer: str | None = None) -> Dokument:
    """Ref: 001 §2.11 — «Duplikat skal stemples med duplikat og dere skal påføre en ny dato og
    underskrift. For øvrig skal et duplikat være identisk med originalvitnemålet.» Made from
    the stored document, never from today's record; ``nummer`` for alternative 3."""
    return replace(dok, duplikat=True, dato=celler.dato(dato), underskrivere=underskrivere,
                   dokumentnummer=nummer or dok.dokumentnummer)


def nytt_fodselsnummer(dok: Dokument, *, fodselsnummer: str, navn: str, dato: date,
                       underskrivere: tuple[str, str], nummer: str) -> Dokument:
    """Ref: 001 §2.12 — «nytt vitnemål må derfor være påført nytt personnummer og
    vitnemålsnummer. Dette er ikke et duplikat … Reglene om utstedelse av duplikat gjelder for
    øvrig»: the stored document with the new number and name, a new date and signatures, and
    a new document number; no DUPLIKAT stamp."""
    return replace(dok, fodselsnummer=fodselsnummer, navn=navn, dato=celler.dato(dato),
                   underskrivere=underskrivere, dokumentnummer=nummer, duplikat=False)


def som_dict(dok: Dokument) -> dict:
    return dok.as_dict()


def dict_med_nummer(data: dict, nummer: str) -> dict:
    """TEMPORARY (as ``med_nummer``): ``som_dict(med_nummer(dok, nummer))`` from
    ``som_dict(dok)`` without serialising again (``as_dict`` costs more than the inserts:
    about 3 ms per document, measured with cProfile on 600 documents)."""
    return {**data, "dokumentnummer": nummer}


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


def _datahash(*pakker: str) -> str:
    """A short hash of the YAML files in each package's ``data`` folder."""
    h = hashlib.sha256()
    for pakke in pakker:
        rot = resources.files(pakke) / "data"
        for fil in sorted(rot.iterdir(), key=lambda p: p.name):
            if fil.name.endswith((".yaml", ".yml")):
                h.update(fil.name.encode() + b"\0" + fil.read_bytes() + b"\0")
    return h.hexdigest()[:16]


@cache
def regelsett_versjon() -> str:
    """TEMPORARY (issue 13 exposes the rule set's version): a hash of the bundled rule and
    check data files."""
    return "data-" + _datahash("vitnemal.rules", "vitnemal.sjekk")


@cache
def kodeverk_versjon() -> str:
    """TEMPORARY (issue 13 exposes the kodeverk's version): a hash of the bundled kodeverk."""
    return "data-" + _datahash("vitnemal.kodeverk")


@cache
def programversjon() -> str:
    """What rendered the PDF: vitnemal's and ReportLab's versions."""
    from importlib.metadata import version

    return f"vitnemal {__version__}, reportlab {version('reportlab')}"


# --- For display (the web, issue 16): the same core calls, with everything they tell. ---

def vurder_lagret(data: dict, utsteder: Utstederfakta, *, dato: date, navn: str,
                  testdata: bool = False):
    """A stored (or edited) record as the core sees it on ``dato``: ``(Utskrift or None,
    fullførtkoder, loader problems)``. The Utskrift carries the decision, every finding and
    the document as checked (also when refused, for preview)."""
    from vitnemal.io.load import validate_data
    from vitnemal.rules.fullfortkode import beregn

    mappe, problemer = validate_data(data, navn, testdata=testdata)
    if mappe is None:
        return None, [], problemer
    return forbered(mappe, utsteder, dato=dato, testdata=testdata), beregn(mappe), []


def valider(data: dict, *, navn: str, testdata: bool = False):
    """The core model's verdict on record data: ``(Elevmappe or None, loader problems)``."""
    from vitnemal.io.load import validate_data

    return validate_data(data, navn, testdata=testdata)


def utkast_pdf(dok: Dokument) -> bytes:
    """A preview: the document marked «UTKAST» on every page (never an original)."""
    return render_pdf(replace(dok, utkast=True))


def kontrolltekst(regel: str) -> tuple[str, str]:
    """A check's title and the guideline sentences its docstring quotes (``Ref: 001 §x —
    «…»``), for a finding's explanation; ``("", "")`` for an unknown id."""
    import re

    from vitnemal.sjekk.katalog import katalog

    for k in katalog():
        if k.id == regel:
            sitater = re.findall(r"«[^«»]{12,}»", " ".join((k.funksjon.__doc__ or "").split()))
            return k.tittel, " ".join(sitater)
    return "", ""
