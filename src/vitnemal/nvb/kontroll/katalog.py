"""The catalogue of file checks: each a pure function with an id, a reference and a severity.

A file check is registered with ``@filsjekk(id, ref, alvorlighet, tittel, omfang)``. Its
function takes a context (``Dokumentkontekst`` for ``omfang="dokument"``, ``Filkontekst`` for
``omfang="fil"``) and yields ``Treff``; the runner turns each into an ``NvbFinding`` with the
check's id, reference and severity (a Treff may name a more precise reference, e.g. the field's
«NVB V9»). The function's docstring starts with its reference.

Every check here is of the NVB engine's class FIL (message codes KM100–499). The facts give
the range only, no number per check, so ``km`` stays the range and E5 of the result file is
left blank (docs/decisions.md, «NVB file control»).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from vitnemal.findings import Alvorlighet

MODULER = ("poster", "dokument", "fag", "organisasjon")
KM_FIL = "KM100–499"


@dataclass(frozen=True, slots=True)
class Treff:
    tekst: str
    post: str | None = None
    felt: str | None = None
    linje: int | None = None
    fagkode: str | None = None
    merknad: str | None = None
    ref: str | None = None  # a more precise reference than the check's own
    vgdoknr: str | None = None  # file-scope checks: the document concerned


@dataclass(frozen=True, slots=True)
class Filsjekk:
    id: str
    ref: str
    alvorlighet: Alvorlighet
    tittel: str
    omfang: str  # "dokument" or "fil"
    funksjon: Callable[..., Iterable[Treff]]
    km: str = KM_FIL


_REGISTER: dict[str, Filsjekk] = {}


def filsjekk(id: str, ref: str, alvorlighet: Alvorlighet, tittel: str, omfang: str = "dokument"):
    """Register the decorated function as the file check ``id``."""

    def deco(fn):
        if id in _REGISTER and _REGISTER[id].funksjon is not fn:
            raise ValueError(f"file check id {id} is registered twice")
        _REGISTER[id] = Filsjekk(id, ref, alvorlighet, tittel, omfang, fn)
        return fn

    return deco


def katalog() -> tuple[Filsjekk, ...]:
    """Every file check, sorted by id."""
    for m in MODULER:
        importlib.import_module(f"vitnemal.nvb.kontroll.{m}")
    return tuple(sorted(_REGISTER.values(), key=lambda s: s.id))
