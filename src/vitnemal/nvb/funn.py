"""Findings about a ¤-file: a ``Finding`` with where it is in the file.

Every problem the parser finds and every file check's hit is an ``NvbFinding``: the core's
``Finding`` (regel, paragraf, alvorlighet, Norwegian message naming the document number, line
and field) plus the same place as data (line, record type, field, Vgdoknr) and the message
class of the NVB result file (E3: SYSTEM, FIL or FAG).

``Funnliste`` collects them with a cap, so a hostile file cannot make the report unbounded:
findings beyond ``maks`` are counted (by severity) but not kept (docs/decisions.md,
«NVB ¤-file»).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from vitnemal.findings import Alvorlighet, Finding
from vitnemal.nvb.spek import INNDATA

SYSTEM, FIL, FAG = "SYSTEM", "FIL", "FAG"

#: Findings kept per run; the rest are counted only.
MAKS_FUNN = 100_000


@dataclass(frozen=True, slots=True)
class NvbFinding:
    finding: Finding
    tekst: str  # the message without the place
    klasse: str = FIL
    linje: int | None = None
    post: str | None = None  # record type letter, «F»
    felt: str | None = None  # field number, «F7»
    vgdoknr: str | None = None

    @property
    def regel(self) -> str:
        return self.finding.regel

    @property
    def alvorlighet(self) -> Alvorlighet:
        return self.finding.alvorlighet

    @property
    def sted(self) -> str:
        return sted(self.linje, self.post, self.felt)

    def as_dict(self) -> dict:
        d = self.finding.as_dict()
        d.update({"klasse": self.klasse, "linje": self.linje, "post": self.post,
                  "felt": self.felt, "vgdoknr": self.vgdoknr, "tekst": self.tekst})
        return {k: v for k, v in d.items() if v is not None}


def feltnavn(post: str | None, felt: str | None) -> str:
    """«F7 (Eksamensformkode)» for a field of an input record type; the number otherwise."""
    if not felt:
        return ""
    p = INNDATA.get(post or "")
    if p is not None:
        for f in p.felt:
            if f.nr == felt:
                return f"{felt} ({f.navn})"
    return felt


def sted(linje: int | None, post: str | None, felt: str | None) -> str:
    """«linje 12, ¤F felt F7 (Eksamensformkode)»."""
    deler = []
    if linje is not None:
        deler.append(f"linje {linje}")
    if post:
        deler.append(f"¤{post}" + (f" felt {feltnavn(post, felt)}" if felt else ""))
    return ", ".join(deler)


def lag(regel: str, paragraf: str, alvorlighet: Alvorlighet, tekst: str, *,
        klasse: str = FIL, linje: int | None = None, post: str | None = None,
        felt: str | None = None, vgdoknr: str | None = None, fagkode: str | None = None,
        merknad: str | None = None) -> NvbFinding:
    """An NvbFinding whose Finding message names the document, line and field."""
    hvor = sted(linje, post, felt)
    prefiks = ", ".join(x for x in (vgdoknr, hvor) if x)
    melding = f"{prefiks}: {tekst}" if prefiks else tekst
    return NvbFinding(
        Finding(regel=regel, paragraf=paragraf, alvorlighet=alvorlighet, melding=melding,
                fagkode=fagkode, merknad=merknad),
        tekst, klasse, linje, post, felt, vgdoknr)


@dataclass
class Funnliste:
    """Findings of one run, at most ``maks`` kept; every one counted by severity."""

    maks: int = MAKS_FUNN
    antall: Counter = field(default_factory=Counter)
    utelatt: int = 0
    beholdt: int = 0

    def ta_med(self, liste: list, f: NvbFinding) -> None:
        """Append ``f`` to ``liste`` unless the cap is reached; count it either way."""
        self.antall[f.alvorlighet] += 1
        if self.beholdt >= self.maks:
            self.utelatt += 1
            return
        self.beholdt += 1
        liste.append(f)

    @property
    def har_feil(self) -> bool:
        return self.antall[Alvorlighet.FEIL] > 0
