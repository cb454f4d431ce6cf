"""Check an elevmappe against Udir's guideline (001, 002), the way NVB's control engine checks a file.

``sjekk(mappe, today=...)`` decides the document (``dokument.beslutning``), composes it and runs
every check of the catalogue (``katalog()``). The ``Rapport`` holds the document type and the
findings, sorted by severity; a document with FEIL must not be issued (``kan_utstedes``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vitnemal.dokument.beslutning import Beslutning, beslutt
from vitnemal.dokument.compose import compose
from vitnemal.dokument.model import Dokument, Dokumenttype
from vitnemal.findings import Alvorlighet, Finding, has_feil, sort_findings
from vitnemal.kodeverk import load
from vitnemal.model import Elevmappe
from vitnemal.sjekk.katalog import Sjekk, Treff, katalog, regel
from vitnemal.sjekk.kontekst import Kontekst

__all__ = ["Rapport", "Sjekk", "Treff", "katalog", "regel", "sjekk"]


@dataclass(frozen=True)
class Rapport:
    dokumenttype: Dokumenttype
    funn: list[Finding]
    beslutning: Beslutning
    dokument: Dokument

    @property
    def kan_utstedes(self) -> bool:
        return not has_feil(self.funn)

    def antall(self, alvorlighet: Alvorlighet) -> int:
        return sum(1 for f in self.funn if f.alvorlighet is alvorlighet)

    def as_dict(self) -> dict:
        return {
            "dokumenttype": "vitnemal" if self.dokumenttype is Dokumenttype.VITNEMAL
            else "kompetansebevis",
            "kan_utstedes": self.kan_utstedes,
            "funn": [f.as_dict() for f in self.funn],
        }


def sjekk(mappe: Elevmappe, *, today: date | None = None,
          dokumenttype: Dokumenttype | None = None, testdata: bool = False) -> Rapport:
    """All findings for ``mappe``. ``today`` is the issue date when ``utsteder.utstedt`` is
    missing (and the date remarks' expiry is judged against); ``dokumenttype`` forces the type."""
    kv = load()
    dato = mappe.utsteder.utstedt or today
    b = beslutt(mappe, kv=kv, dokumenttype=dokumenttype)
    # Without any date the document is composed with the last year of the record, for the
    # checks only; DATO-MANGLER reports the missing date.
    siste = max((f.ar for f in mappe.fag), default=2000)
    dok = compose(mappe, today=dato or date(siste, 12, 31), dokumenttype=b.dokumenttype)
    ktx = Kontekst(mappe=mappe, kv=kv, beslutning=b, dokument=dok, today=dato, testdata=testdata)
    funn: list[Finding] = []
    for s in katalog():
        funn.extend(s.kjor(ktx))
    return Rapport(dokumenttype=b.dokumenttype, funn=sort_findings(funn), beslutning=b, dokument=dok)
