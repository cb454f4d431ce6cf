"""A delivery file from issued documents: ¤A per orgnr, ¤V ¤P ¤F ¤M per document, ¤D per
annulment (Ref: docs/nvb-format.md «General», «¤A», «¤D»). Pure: the register (or anything
else) hands in the stored documents and annulments; nothing is read from the clock.

``test=True`` makes a test file: every Vgdoknr (V1, and P1/F1/M1/D1/D4 with it) starts with
«T» instead of V/K (V1: «letter V, K or T (test)»), so NVB can try it without effect.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from vitnemal import __version__
from vitnemal.dokument.model import Dokument
from vitnemal.nvb.dokumenter import til_vgdok
from vitnemal.nvb.poster import NvbFil, Organisasjon, PostD, Vgdok

SYSTEMNAVN = "vitnemal"


@dataclass(frozen=True)
class Annulleringsdata:
    """An annulment as ¤D needs it (D1–D6)."""

    nummer: str
    orgnr: str
    dato: date
    saksbehandler: str
    erstattet_av: str
    arsak: str
    fritekst: str = ""


def testnummer(nr: str | None) -> str | None:
    """The test form of a Vgdoknr: «T» in place of V/K."""
    return None if not nr else "T" + nr[1:]


def _som_test(vg: Vgdok) -> Vgdok:
    nr = testnummer(vg.vgdoknr)
    return Vgdok(v=vg.v._replace(vgdoknr=nr), p=tuple(p._replace(vgdoknr=nr) for p in vg.p),
                 f=tuple(f._replace(vgdoknr=nr) for f in vg.f),
                 m=tuple(m._replace(vgdoknr=nr) for m in vg.m))


def post_d(a: Annulleringsdata, *, test: bool = False) -> PostD:
    endre = testnummer if test else (lambda n: n or None)
    return PostD(vgdoknr=endre(a.nummer), dato_annullert=a.dato,
                 saksbehandler=a.saksbehandler or None,
                 vgdoknr_erstattes_av=endre(a.erstattet_av),
                 annulleringaarsakkode=a.arsak, fritekst=a.fritekst or None)


def lag_fil(dokumenter: Iterable[Dokument], annulleringer: Iterable[Annulleringsdata], *,
            skolenr: dict[str, int], tidspunkt: datetime, test: bool = False) -> NvbFil:
    """One ¤A per orgnr (in order of first appearance; A3–A7 counted by the writer), its
    documents, then its annulments. ``skolenr``: A2 per orgnr."""
    per_org: dict[str, tuple[list[Vgdok], list[PostD]]] = {}
    for d in dokumenter:
        vg = til_vgdok(d)
        per_org.setdefault(d.koder.orgnr, ([], []))[0].append(_som_test(vg) if test else vg)
    for a in annulleringer:
        per_org.setdefault(a.orgnr, ([], []))[1].append(post_d(a, test=test))
    return NvbFil(tuple(
        Organisasjon(orgnr=orgnr, skolenr=skolenr.get(orgnr), systemnavn=SYSTEMNAVN,
                     systemversjon=__version__, tidspunkt=tidspunkt,
                     dokumenter=tuple(doks), annulleringer=tuple(ann))
        for orgnr, (doks, ann) in per_org.items()))
