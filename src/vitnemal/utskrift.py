"""Issuing a document: check it, then compose it for print or refuse it.

This is the service the ``lag`` command (and later the web adapter) calls; it holds the rule
that a document with FEIL is not printed as an original, so no adapter decides that itself.
Pure: no PDF library, no clock (``today`` is passed in).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vitnemal.dokument.compose import compose
from vitnemal.dokument.model import Dokument, Dokumenttype
from vitnemal.findings import Alvorlighet, Finding
from vitnemal.model import Elevmappe
from vitnemal.sjekk import Rapport, sjekk


@dataclass(frozen=True)
class Utskrift:
    """What may be printed for one elevmappe: the document, or ``None`` when refused."""

    dokument: Dokument | None
    rapport: Rapport

    @property
    def nektet(self) -> bool:
        return self.dokument is None

    @property
    def feil(self) -> list[Finding]:
        return [f for f in self.rapport.funn if f.alvorlighet is Alvorlighet.FEIL]


def forbered(mappe: Elevmappe, *, today: date, maalform: str | None = None,
             duplikat: bool = False, nytt_lopenummer: int | None = None, utkast: bool = False,
             dokumenttype: Dokumenttype | None = None, testdata: bool = False) -> Utskrift:
    """Ref: 001 §1.1 — the document the person is entitled to, checked against the whole
    guideline first. A document with a FEIL finding «skal ikke skrives ut» (NVB's rule for
    FEIL): it is refused, unless ``utkast`` asks for a draft, which is then marked «UTKAST» on
    every page and is never an original. A duplicate (001 §2.11) is checked as the original.
    """
    rapport = sjekk(mappe, today=today, dokumenttype=dokumenttype, testdata=testdata)
    if not rapport.kan_utstedes and not utkast:
        return Utskrift(dokument=None, rapport=rapport)
    dok = compose(mappe, maalform=maalform, duplikat=duplikat, utkast=utkast, today=today,
                  dokumenttype=rapport.dokumenttype, nytt_lopenummer=nytt_lopenummer)
    return Utskrift(dokument=dok, rapport=rapport)
