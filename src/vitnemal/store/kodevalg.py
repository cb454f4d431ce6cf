"""Choices for the record forms (issue 16), from the bundled kodeverk: each code with its
Norwegian text («G – God»), and the merknad codes a clerk may pick (001 §3). Only what the
forms show; the core model still decides what is valid."""

from __future__ import annotations

from datetime import date
from functools import cache

from vitnemal.kodeverk import load


@cache
def valg(tabell: str) -> tuple[tuple[str, str], ...]:
    """``(kode, «kode – tekst»)`` of ``fagtyper``, ``eksamensformer`` or ``orden_adferd``."""
    return tuple((kode, f"{kode} – {e.tekst()}") for kode, e in getattr(load(), tabell).items())


def merknader(art: str) -> tuple[tuple[str, str], ...]:
    """Ref: 001 §3 — ``(kode, tekst)`` of the fagmerknader (``"FAM"``) or vitnemålsmerknader
    (``"VMM"``) in use today (expired ones left out), the text cut to 120 characters; its
    placeholders (<åååå>, <dd.mm.åååå> …) are what the form's «parametre» fill in."""
    return _merknader(art, date.today())


@cache
def _merknader(art: str, i_dag: date) -> tuple[tuple[str, str], ...]:
    kv = load()
    tabell = kv.fagmerknader if art == "FAM" else kv.vitnemalsmerknader
    ut = []
    for kode, m in tabell.items():
        if m.utgatt is not None and m.utgatt < i_dag:
            continue
        tekst = m.tekst()
        ut.append((kode, tekst if len(tekst) <= 120 else tekst[:119] + "…"))
    return tuple(ut)
