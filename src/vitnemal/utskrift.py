"""Issuing a document: decide once, compose once, check that very document, then print or refuse.

This is the service the ``lag`` command, the register and the web adapter call; it holds the
rule that a document with FEIL is not printed as an original, so no adapter decides that
itself. The flow is one straight line, each step once per document:

    elevmappe ──beslutt──▶ Beslutning ──compose(+ Utstedelse)──▶ Dokument ──checks──▶ funn

and the ``Dokument`` returned is the very object the checks saw. Pure: no PDF library, no
clock (the issue date is part of ``Utstedelse``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from vitnemal import __version__, kodeverk
from vitnemal.dokument.beslutning import Beslutning, beslutt
from vitnemal.dokument.compose import compose
from vitnemal.dokument.model import Dokument
from vitnemal.dokument.utstedelse import Utstedelse, Utsteder
from vitnemal.findings import Alvorlighet, Finding, has_feil, sort_findings
from vitnemal.kodeverk import load
from vitnemal.model import Elevmappe
from vitnemal.rules.regelsett import alle_regelsett
from vitnemal.sjekk import Rapport, kontroller
from vitnemal.sjekk.katalog import versjon as sjekk_versjon

__all__ = ["Plasskontroll", "Utskrift", "Utsteder", "Utstedelse", "forbered", "versjoner"]

Plasskontroll = Callable[[Dokument], Iterable[Finding]]
"""A check of the composed document against the blankett's room (001 §2.1), which needs font
metrics and so lives in an adapter (``vitnemal.pdf.kontroll.passer``); the adapter that prints
hands it to ``forbered``."""


@dataclass(frozen=True)
class Utskrift:
    """The outcome of issuing one elevmappe: the decision, the checked document and its findings.

    ``dokument`` is always there — the document exactly as checked — also when it is refused
    (``nektet``), so that an adapter can show it as a preview; a refused document is never
    printed as an original.
    """

    dokument: Dokument
    rapport: Rapport
    nektet: bool

    @property
    def beslutning(self) -> Beslutning:
        return self.rapport.beslutning

    @property
    def funn(self) -> list[Finding]:
        return self.rapport.funn

    @property
    def feil(self) -> list[Finding]:
        return [f for f in self.rapport.funn if f.alvorlighet is Alvorlighet.FEIL]


def forbered(mappe: Elevmappe, utstedelse: Utstedelse, *, testdata: bool = False,
             plasskontroll: Plasskontroll | None = None) -> Utskrift:
    """Ref: 001 §1.1 — the document the person is entitled to, checked against the whole
    guideline. A document with a FEIL finding «skal ikke skrives ut» (NVB's rule for FEIL): it
    is refused, unless ``utstedelse.utkast`` asks for a draft, which is marked «UTKAST» on every
    page and is never an original. A duplicate (001 §2.11) is checked like the original.

    ``plasskontroll`` (001 §2.1) judges the same document against the blankett's room; its
    findings join the report, and a FEIL from it refuses drafts too: no layout can hold the text.

    Raises ``InputError`` naming every problem when the issuance facts cannot be used (a
    løpenummer outside 1–99999, a duplicate without a date …): that is broken input, not a
    finding.
    """
    utstedelse.kontroller()
    kv = load()
    b = beslutt(mappe, kv=kv, dokumenttype=utstedelse.dokumenttype)
    dok = compose(mappe, b, utstedelse, kv=kv)
    rapport = kontroller(mappe, b, dok, utstedelse, kv=kv, testdata=testdata)
    uten_plass = list(plasskontroll(dok)) if plasskontroll else []
    if uten_plass:
        rapport = replace(rapport, funn=sort_findings([*rapport.funn, *uten_plass]))
    nektet = has_feil(uten_plass) or (not rapport.kan_utstedes and not utstedelse.utkast)
    return Utskrift(dokument=dok, rapport=rapport, nektet=nektet)


def versjoner() -> dict[str, object]:
    """Which code, codes and rules decide a document issued now, for the register to store
    with it: the package version, the kodeverk (content hash of its data files), the check
    catalogue (ids, paragraphs, severities and its data files) and every rule set of the
    fullførtkoder (per school year, a hash of its rule order and the parameters it reads; the
    examples left out)."""
    return {"vitnemal": __version__, "kodeverk": kodeverk.versjon(),
            "sjekker": sjekk_versjon(),
            "regelsett": {r.navn: r.versjon for r in alle_regelsett()}}

