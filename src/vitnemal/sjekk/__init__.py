"""Check a document against Udir's guideline (001, 002), the way NVB's control engine checks a file.

``kontroller(mappe, beslutning, dokument, utstedelse)`` runs every check of the catalogue
(``katalog()``) on a document already decided and composed (``vitnemal.utskrift.forbered``
does both, once). ``sjekk(mappe, today=...)`` is the same flow for a plain file. The
``Rapport`` holds the document type and the findings, sorted by severity; a document with FEIL
must not be issued (``kan_utstedes``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vitnemal.dokument.beslutning import Beslutning
from vitnemal.dokument.model import Dokument, Dokumenttype
from vitnemal.dokument.utstedelse import Utstedelse
from vitnemal.findings import Alvorlighet, Finding, has_feil, sort_findings
from vitnemal.kodeverk import Kodeverk, load
from vitnemal.model import Elevmappe
from vitnemal.sjekk.katalog import DOKUMENT, MAPPE, Avvik, Kontroll, katalog, kjor, kontroll
from vitnemal.sjekk.kontekst import Kontekst

__all__ = ["DOKUMENT", "MAPPE", "Avvik", "DokumentRapport", "Kontroll", "Rapport", "katalog",
           "kontroll", "kontroller", "sjekk", "sjekk_dokument"]


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


def kontroller(mappe: Elevmappe, beslutning: Beslutning, dokument: Dokument,
               utstedelse: Utstedelse, *, kv: Kodeverk | None = None,
               testdata: bool = False) -> Rapport:
    """Every check of the catalogue on ``dokument``, the document composed from ``mappe`` with
    ``beslutning`` and ``utstedelse`` (``vitnemal.utskrift.forbered``). Decides and composes
    nothing itself."""
    ktx = Kontekst(dokument, kv or load(), testdata=testdata, mappe=mappe, beslutning=beslutning)
    funn, _ = kjor(ktx)
    return Rapport(dokumenttype=beslutning.dokumenttype, funn=sort_findings(funn),
                   beslutning=beslutning, dokument=dokument)


@dataclass(frozen=True)
class DokumentRapport:
    """The findings of the checks that read a document alone, and the ids of the checks that
    could not run for want of the elevmappe (the same for every document: say it once)."""

    funn: list[Finding]
    ikke_kjort: tuple[str, ...]

    @property
    def kan_utstedes(self) -> bool:
        return not has_feil(self.funn)


def sjekk_dokument(dokument: Dokument, kv: Kodeverk | None = None, *,
                   testdata: bool = False) -> DokumentRapport:
    """Every check that reads the document alone (``DOKUMENT``), e.g. on a document read from
    an NVB ¤-file, which has no elevmappe. Raises ``InputError`` when the document has no coded
    facts (``Dokument.koder``)."""
    funn, ikke_kjort = kjor(Kontekst(dokument, kv or load(), testdata=testdata))
    return DokumentRapport(funn=sort_findings(funn), ikke_kjort=ikke_kjort)


def sjekk(mappe: Elevmappe, *, today: date | None = None,
          dokumenttype: Dokumenttype | None = None, testdata: bool = False) -> Rapport:
    """All findings for ``mappe`` issued as a plain file would be (``Utstedelse.fra_elevmappe``:
    the record's ``utsteder.utstedt``, else ``today``, and its løpenummer); ``dokumenttype``
    forces the type. The same flow as ``vitnemal.utskrift.forbered``, which it calls."""
    from vitnemal.utskrift import forbered  # the service imports this package

    u = Utstedelse.fra_elevmappe(mappe, dato=today, dokumenttype=dokumenttype)
    return forbered(mappe, u, testdata=testdata).rapport
