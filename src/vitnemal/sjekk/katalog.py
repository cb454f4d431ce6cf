"""The catalogue of checks: each a pure function with a stable id, a reference and a severity.

A check (``Kontroll``) is registered with ``@kontroll(id, ref, alvorlighet, tittel)``. Its
function takes a ``Kontekst`` and yields ``Avvik`` (message, fagkode, merknad, JSON path); the
runner turns each into a ``Finding`` with the check's id, reference and severity. The
function's docstring starts with its reference (``Ref: 001 §9.2``), so ``grep §9.2`` finds it.
(These names are the catalogue's own: the pass rules of one fag row are
``rules.bestatt.BESTATTREGLER`` and the fullførtkode rules ``rules.fullfortkode_regler.KODEREGLER``.)
"""

from __future__ import annotations

import functools
import hashlib
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from vitnemal.findings import Alvorlighet, Finding

#: Modules holding checks; importing them registers their checks.
MODULER = (
    "identitet",
    "dokumentvalg",
    "programomrader",
    "karakterer",
    "merknader",
    "merknadsregler",
    "kombinasjoner",
    "orden_fravaer",
    "vedlegg",
)


DOKUMENT = "dokument"
"""A check that reads the document alone (its printed text and coded facts, ``Dokument.koder``):
it can check a document read from an NVB file, which has no elevmappe."""
MAPPE = "mappe"
"""A check that needs the elevmappe or the decision made from it (status, all lines, reasons)."""


@dataclass(frozen=True, slots=True)
class Avvik:
    melding: str
    fagkode: str | None = None
    merknad: str | None = None
    sti: str | None = None


@dataclass(frozen=True, slots=True)
class Kontroll:
    """A check: id, paragraph, severity, title, what it needs (``DOKUMENT`` or ``MAPPE``) and
    its function."""

    id: str
    ref: str
    alvorlighet: Alvorlighet
    tittel: str
    funksjon: Callable[..., Iterable[Avvik]]
    trenger: str = MAPPE

    def kjor(self, ktx) -> list[Finding]:
        return [
            Finding(regel=self.id, paragraf=self.ref, alvorlighet=self.alvorlighet,
                    melding=t.melding, fagkode=t.fagkode, merknad=t.merknad, sti=t.sti)
            for t in self.funksjon(ktx)
        ]


_REGISTER: dict[str, Kontroll] = {}


def registrer(s: Kontroll) -> Kontroll:
    katalog.cache_clear()
    _uten_mappe.cache_clear()
    if s.trenger not in (DOKUMENT, MAPPE):
        raise ValueError(f"check {s.id}: trenger must be DOKUMENT or MAPPE, not {s.trenger!r}")
    if s.id in _REGISTER and _REGISTER[s.id].funksjon is not s.funksjon:
        raise ValueError(f"check id {s.id} is registered twice")
    _REGISTER[s.id] = s
    return s


def kontroll(id: str, ref: str, alvorlighet: Alvorlighet, tittel: str, *, trenger: str):
    """Register the decorated function as the check ``id``; ``trenger`` says what it reads:
    ``DOKUMENT`` (the document alone) or ``MAPPE`` (the elevmappe and the decision)."""

    def deco(fn):
        registrer(Kontroll(id, ref, alvorlighet, tittel, fn, trenger))
        return fn

    return deco


@functools.cache
def katalog() -> tuple[Kontroll, ...]:
    """Every check, sorted by id (the modules are imported and the list sorted once)."""
    for m in MODULER:
        importlib.import_module(f"vitnemal.sjekk.{m}")
    return tuple(sorted(_REGISTER.values(), key=lambda s: s.id))


def kjor(ktx) -> tuple[list[Finding], tuple[str, ...]]:
    """Every check of the catalogue that can run in ``ktx``: the findings, and the ids of the
    checks that could not run because ``ktx`` has no elevmappe."""
    if ktx.mappe is None:
        sjekker, ikke_kjort = _uten_mappe()
    else:
        sjekker, ikke_kjort = katalog(), ()
    funn: list[Finding] = []
    for s in sjekker:  # inlined ``Kontroll.kjor``: one call less per check (NVB volume)
        for t in s.funksjon(ktx):
            funn.append(Finding(s.id, s.ref, s.alvorlighet, t.melding, t.fagkode, t.merknad,
                                t.sti))
    return funn, ikke_kjort


@functools.cache
def _uten_mappe() -> tuple[tuple[Kontroll, ...], tuple[str, ...]]:
    """The checks that read the document alone, and the ids of those that need the
    elevmappe (computed once per catalogue)."""
    alle = katalog()
    return (tuple(s for s in alle if s.trenger == DOKUMENT),
            tuple(s.id for s in alle if s.trenger == MAPPE))


def versjon() -> str:
    """«sjekker+<hash>»: an identifier of the catalogue in use — every check's id, paragraph,
    severity and what it needs, and the data files the generated checks come from."""
    from vitnemal.kodeverk.versjon import innholdshash

    data = Path(__file__).parent / "data"
    liste = "\n".join(f"{s.id}|{s.ref}|{s.alvorlighet}|{s.trenger}" for s in katalog())
    h = hashlib.sha256(liste.encode())
    h.update(innholdshash(sorted(data.glob("*.yaml"))).encode())
    return "sjekker+" + h.hexdigest()[:16]
