"""Findings: the outcome of a rule or check, as data.

A finding names the rule (``regel``), the paragraph it encodes (``paragraf``, e.g.
``001 §5.1`` or ``004 vg2``), a severity as the NVB control engine uses it, and a Norwegian
message naming the fag or merknad concerned.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Alvorlighet(StrEnum):
    """Severity, as in the NVB control engine (E4). A document with FEIL must not be issued."""

    FEIL = "FEIL"
    VARSEL = "VARSEL"
    TIPS = "TIPS"
    INFO = "INFO"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Alvorlighet.FEIL: 0, Alvorlighet.VARSEL: 1, Alvorlighet.TIPS: 2, Alvorlighet.INFO: 3}


@dataclass(frozen=True, slots=True)
class Finding:
    regel: str
    paragraf: str
    alvorlighet: Alvorlighet
    melding: str
    fagkode: str | None = None
    merknad: str | None = None
    sti: str | None = None  # JSON path in the elevmappe, when the finding points at one field

    def as_dict(self) -> dict:
        d = asdict(self)
        d["alvorlighet"] = self.alvorlighet.value
        return {k: v for k, v in d.items() if v is not None}


def has_feil(findings) -> bool:
    return any(f.alvorlighet is Alvorlighet.FEIL for f in findings)


def sort_findings(findings):
    return sorted(findings, key=lambda f: (f.alvorlighet.rank, f.paragraf, f.regel, f.sti or ""))
