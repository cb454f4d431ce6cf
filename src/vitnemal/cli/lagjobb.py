"""One file of ``vitnemal lag``, start to end in one worker: read → check → render.

``lag_en`` reads the elevmappe (``io``), issues and checks its document
(``utskrift.forbered``, with the blankett's room check) and renders it into a temporary file
beside its target, flushed to disk. Putting the file in place (and printing «skrevet») is the
coordinator's job (``cli.lag``), which also holds the document numbers of the whole run: a
``Resultat`` carries the number and a digest of the fødselsnummer, never the number itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from vitnemal.dokument.model import Dokumenttype
from vitnemal.errors import InputError
from vitnemal.findings import Finding
from vitnemal.io.load import Problem, load_elevmappe
from vitnemal.io.skriv import skriv_ved_siden
from vitnemal.meldinger import begrens
from vitnemal.pdf import render
from vitnemal.pdf.kontroll import passer
from vitnemal.utskrift import Utstedelse, forbered

SKREVET, NEKTET, FEIL = "skrevet", "nektet", "feil"

_LAGET: list[Path] = []  # temporary files this worker process made, for ``rydd``


@dataclass(frozen=True)
class Valg:
    """The options of the run that shape each document (picklable, sent to every worker)."""

    dato: date
    maalform: str | None = None
    duplikat: bool = False
    nytt_lopenummer: int | None = None
    utkast: bool = False
    fortrykt: bool = False
    dokumenttype: Dokumenttype | None = None
    testdata: bool = False


@dataclass
class Resultat:
    """What became of one file. ``status``: ``SKREVET`` (rendered into ``tmp``, waiting to be
    put in place), ``NEKTET`` (a FEIL: not printed) or ``FEIL`` (unreadable or invalid input,
    or a write error: ``skrivefeil``)."""

    fil: str
    pdf: str
    status: str
    tmp: str | None = None
    dokumentnummer: str | None = None
    person: str | None = None  # SHA-256 of the fødselsnummer: tells people apart, shows nothing
    dokumenttype: Dokumenttype | None = None
    merke: str = ""  # " UTKAST", " DUPLIKAT" or ""
    sider: int = 0
    funn: list[Finding] = field(default_factory=list)
    problemer: list[Problem] = field(default_factory=list)
    skrivefeil: str | None = None


def person_nokkel(fodselsnummer: str) -> str:
    """A digest that tells two fødselsnummer apart without carrying either."""
    return hashlib.sha256(fodselsnummer.encode()).hexdigest()


def lag_en(jobb: tuple[str, str, Valg]) -> Resultat:
    """Ref: 001 §2.1, §2.8 — one elevmappe to one checked, rendered document (or the reason
    it is not printed). An internal error (a bug, or the renderer's guard ``pdf.vakt``) is
    that file's problem: the batch goes on with the others."""
    fil, pdf, _ = jobb
    try:
        return _lag_en(jobb)
    except Exception as exc:  # noqa: BLE001 — reported per file, never a traceback mid-batch
        return Resultat(fil, pdf, FEIL, problemer=[Problem(
            fil, "$", f"intern feil, dokumentet er ikke skrevet ut: {type(exc).__name__}: "
            f"{begrens(str(exc))}")])


def _lag_en(jobb: tuple[str, str, Valg]) -> Resultat:
    fil, pdf, valg = jobb
    mappe, problemer = load_elevmappe(fil, testdata=valg.testdata)
    if mappe is None:
        return Resultat(fil, pdf, FEIL, problemer=problemer)
    try:
        u = forbered(mappe, Utstedelse.fra_elevmappe(
            mappe, dato=valg.dato, maalform=valg.maalform, duplikat=valg.duplikat,
            nytt_lopenummer=valg.nytt_lopenummer, utkast=valg.utkast, fortrykt=valg.fortrykt,
            dokumenttype=valg.dokumenttype), testdata=valg.testdata, plasskontroll=passer)
    except InputError as exc:
        return Resultat(fil, pdf, FEIL, problemer=[Problem(fil, "$", str(exc))])
    d = u.dokument
    ut = Resultat(fil, pdf, NEKTET if u.nektet else SKREVET, dokumentnummer=d.dokumentnummer,
                  person=person_nokkel(mappe.person.fodselsnummer), dokumenttype=d.type,
                  merke=" UTKAST" if d.utkast else " DUPLIKAT" if d.duplikat else "",
                  funn=list(u.funn))
    if u.nektet:
        return ut
    data, ut.sider = render.render_sider(d)
    try:
        tmp = skriv_ved_siden(pdf, data)
        _LAGET.append(tmp)
        ut.tmp = str(tmp)
    except InputError as exc:
        ut.status, ut.skrivefeil = FEIL, str(exc)
    return ut


def ny_kjoring() -> None:
    """A new run in this process: forget the temporary files of earlier runs (put in place
    or removed by then), so a worker forked from here does not inherit them."""
    _LAGET.clear()


def rydd() -> None:
    """Remove the temporary files this worker made that were not put in place (the worker is
    stopped: the coordinator will not take them, or has died)."""
    for tmp in _LAGET:
        tmp.unlink(missing_ok=True)
    _LAGET.clear()
