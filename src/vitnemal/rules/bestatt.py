"""Whether one fag row is passed, failed or lacks an assessment, and why (001 §5.1, §5.2, §5.5).

The outcome of a fag row is judged from its two grade columns (standpunkt — or the
halvårsvurdering grade for ``vurdering: halvar`` — and eksamen). The rules are tried in order
(see ``BESTATTREGLER``); the first that applies decides:

1. VO in a column: assessed against the individual plan (004 iop).
2. IV or IM in a column: no basis for assessment / did not attend (001 §5.4, §6.3; 004 M).
3. Nothing registered (dashed line, e.g. FAM12): no grade (001 §5.7).
4. Exam 1 or IB: failed exam (001 §5.5).
5. Standpunkt 1: passed when the exam is 2 or better, except for a tverrfaglig eksamen (001 §5.1, §5.5).
6. Standpunkt IB: not passed (001 §5.2).
7. Everything else (2–6, B, BM, GK, F, D): passed (001 §5.1, §5.2).

Whether a fag counts for a fullførtkode (halvårsvurdering lists, mer opplæring, fritak) is the
business of ``vitnemal.rules.fullfortkode``, not of this module.

>>> from vitnemal.model.elevmappe import Fag
>>> f = Fag(fagkode="MAT1019", fagnavn="Matematikk 2P", fagtype="FF", trinn="vg2",
...         termin="V2025", standpunkt=1, eksamen=3)
>>> v = vurder_fag(f)
>>> v.utfall.value, v.ref
('bestatt', '001 §5.1')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import NamedTuple

from vitnemal.model.elevmappe import Fag
from vitnemal.model.enums import Karakter, Vurdering


class Utfall(str, Enum):  # noqa: UP042 - the agreed contract (str-valued Enum)
    BESTATT = "bestatt"
    IKKE_BESTATT = "ikke_bestatt"
    MANGLER_VURDERING = "mangler_vurdering"
    INGEN_KARAKTER = "ingen_karakter"  # nothing registered / dashed line (e.g. FAM12)
    IOP = "iop"  # VO: assessed against the individual plan (004 iop)


class Karakterer(NamedTuple):
    """What the pass rules read of a fag row: its two grade columns and whether the exam is a
    tverrfaglig eksamen."""

    standpunkt: Karakter | None
    eksamen: Karakter | None
    tverrfaglig: bool = False


@dataclass(frozen=True, slots=True)
class Avgjorelse:
    """A pass rule's answer: the outcome, the rule's reference and the reason as a template
    («{fag}»: the fag and its grades; «{kode}»: its code; «{vurdering}»: standpunkt or
    halvårsvurdering; «{merknad}»: « med FAMnn» or nothing)."""

    utfall: Utfall
    ref: str
    mal: str
    regel: str = ""  # the name of the rule that decided (set by ``avgjor``)


@dataclass(frozen=True, slots=True)
class FagVurdering:
    """The outcome of one fag row, the rule's reference and why.

    ``grunn`` (Norwegian, naming the fag and its grades) is written when it is read: every row
    gets an outcome, but only the deciding rows are explained."""

    fag: Fag
    utfall: Utfall
    ref: str  # e.g. "001 §5.1"
    mal: str
    regel: str = ""  # the pass rule that decided, e.g. "regel_standpunkt_1"

    @property
    def fagkode(self) -> str:
        return self.fag.fagkode

    @property
    def grunn(self) -> str:
        f = self.fag
        return self.mal.format(
            fag=beskriv_fag(f), kode=f.fagkode,
            vurdering="halvårsvurdering" if f.vurdering is Vurdering.HALVAR else "standpunkt",
            merknad=f" med {f.fagmerknad.kode}" if f.fagmerknad else "")


_NAVN = {
    Karakter.IV: "IV (ikke vurderingsgrunnlag)",
    Karakter.IM: "IM (ikke møtt)",
    Karakter.B: "B (bestått)",
    Karakter.BM: "BM (bestått meget godt)",
    Karakter.IB: "IB (ikke bestått)",
    Karakter.D: "D (deltatt)",
    Karakter.F: "F (fritatt)",
    Karakter.GK: "GK (godkjent)",
    Karakter.VO: "VO (vurdert etter individuell opplæringsplan)",
}

_PASSED_NUMBERS = frozenset({Karakter.K2, Karakter.K3, Karakter.K4, Karakter.K5, Karakter.K6})


def karakter_tekst(k: Karakter) -> str:
    """A grade as a clerk reads it: «4», «IV (ikke vurderingsgrunnlag)»."""
    return _NAVN.get(k, k.value)


def beskriv_fag(fag: Fag) -> str:
    """«NOR1260 (standpunkt 1, eksamen 3)» — the fag and its registered grades."""
    deler = []
    if fag.standpunkt is not None:
        label = "halvårsvurdering" if fag.vurdering is Vurdering.HALVAR else "standpunkt"
        deler.append(f"{label} {karakter_tekst(fag.standpunkt)}")
    if fag.eksamen is not None:
        label = "tverrfaglig eksamen" if fag.tverrfaglig else "eksamen"
        deler.append(f"{label} {karakter_tekst(fag.eksamen)}")
    return f"{fag.fagkode} ({', '.join(deler) or 'ingen karakter'})"


Bestattregel = Callable[[Karakterer], "Avgjorelse | None"]


def regel_vo(k: Karakterer) -> Avgjorelse | None:
    """Ref: 004 iop — «får karakter VO (vurdert etter individuell opplæringsplan) på en IOP-fagkode
    og/eller har ... fag med offentlig fagkode og karakter VO ... med FAM05»."""
    if Karakter.VO in (k.standpunkt, k.eksamen):
        return Avgjorelse(Utfall.IOP, "004 iop", "{fag} er vurdert etter individuell opplæringsplan")
    return None


def regel_iv_im(k: Karakterer) -> Avgjorelse | None:
    """Ref: 001 §5.4 — «fører dere ‹Ikke vurderingsgrunnlag› (IV) i rubrikken for standpunktkarakter»;
    004 generelt M: «mangler grunnlag for vurdering (IV) ... eller har ikke møtt til eksamen (IM
    i rubrikken for eksamenskarakter)». An exam is annulled when there is no standpunkt (§5.4),
    so IV in standpunkt decides even when an exam grade is registered."""
    for karakter in (k.standpunkt, k.eksamen):
        if karakter in (Karakter.IV, Karakter.IM):
            ref = "001 §5.4" if karakter is Karakter.IV else "001 §6.3"
            return Avgjorelse(Utfall.MANGLER_VURDERING, ref, "{fag}: mangler vurdering")
    return None


def regel_ingen_karakter(k: Karakterer) -> Avgjorelse | None:
    """Ref: 001 §5.7 — «Dere skal bruke FAM12 ‹Karakter føres ikke› når faget ... ikke har
    sluttvurdering på årstrinnet»; a dashed line in both columns is not an assessment."""
    if k.standpunkt is None and k.eksamen is None:
        return Avgjorelse(Utfall.INGEN_KARAKTER, "001 §5.7", "{kode} har ingen karakter ført{merknad}")
    return None


def regel_eksamen_ikke_bestatt(k: Karakterer) -> Avgjorelse | None:
    """Ref: 001 §5.5 — «Vurderingsuttrykkene som angir at faget ikke er bestått»: an exam grade
    of 1 (or IB for a fag-/svenneprøve, §5.2) is a failed exam, whatever the standpunkt."""
    if k.eksamen in (Karakter.K1, Karakter.IB):
        return Avgjorelse(Utfall.IKKE_BESTATT, "001 §5.5", "{fag}: eksamen er ikke bestått")
    return None


def regel_standpunkt_1(k: Karakterer) -> Avgjorelse | None:
    """Ref: 001 §5.1 — «Fag med karakteren 1 i standpunkt er bestått når eksamenskarakteren er 2
    eller bedre. Det gjelder ikke dersom eksamenskarakteren er for en tverrfaglig eksamen.»
    Exception to this rule, Ref: 001 §5.5 / 004 vg2 NB (yrkesfag): «For fag som inngår i en
    tverrfaglig eksamen, må eleven ha oppnådd karakteren 2 eller bedre i standpunktkarakter»."""
    if k.standpunkt is not Karakter.K1:
        return None
    if k.eksamen in _PASSED_NUMBERS:
        if k.tverrfaglig:
            return Avgjorelse(Utfall.IKKE_BESTATT, "001 §5.5",
                              "{fag}: standpunkt 1 er ikke bestått; en bestått tverrfaglig "
                              "eksamen overstyrer ikke standpunktkarakteren")
        return Avgjorelse(Utfall.BESTATT, "001 §5.1", "{fag}: standpunkt 1, men eksamen "
                          + k.eksamen.value + " gjør faget bestått")
    return Avgjorelse(Utfall.IKKE_BESTATT, "001 §5.1", "{fag}: {vurdering} 1 uten bestått eksamen")


def regel_ib(k: Karakterer) -> Avgjorelse | None:
    """Ref: 001 §5.2 — «Ikke bestått ... IB»: IB in the standpunkt column is not passed."""
    if k.standpunkt is Karakter.IB:
        return Avgjorelse(Utfall.IKKE_BESTATT, "001 §5.2", "{fag}: ikke bestått")
    return None


def regel_bestatt(k: Karakterer) -> Avgjorelse:
    """Ref: 001 §5.1 — «Karakterene 2 til 6 betyr at faget er bestått»; 001 §5.2 — «Føring av
    ‹Fritatt› eller ‹Godkjent› ... betyr at faget anses som bestått»; B/BM: «prøven er bestått».
    «Deltatt» (D) is a completed assessment (§2.6 counts it as a grade) and is not a fail."""
    kolonner = [x for x in (k.standpunkt, k.eksamen) if x is not None]
    ref = "001 §5.1" if all(x in _PASSED_NUMBERS for x in kolonner) else "001 §5.2"
    return Avgjorelse(Utfall.BESTATT, ref, "{fag}: bestått")


BESTATTREGLER: tuple[Bestattregel, ...] = (
    regel_vo,
    regel_iv_im,
    regel_ingen_karakter,
    regel_eksamen_ikke_bestatt,
    regel_standpunkt_1,
    regel_ib,
)


@cache
def avgjor(standpunkt: Karakter | None, eksamen: Karakter | None,
           tverrfaglig: bool = False) -> Avgjorelse:
    """Ref: 001 §5.1 — the first of ``BESTATTREGLER`` that applies, else ``regel_bestatt``.

    A pure function of a few grade values (some 450 combinations exist), so each combination is
    decided once (``functools.cache``). Measured under valgrind on the mix of
    bench/fullfortkode.py: the rule engine runs 302,000 instructions per record with the cache
    and 662,000 without (every row running the rules); docs/decisions.md, issue 13."""
    k = Karakterer(standpunkt, eksamen, tverrfaglig)
    for regel in (*BESTATTREGLER, regel_bestatt):
        a = regel(k)
        if a is not None:
            return Avgjorelse(a.utfall, a.ref, a.mal, regel.__name__)
    raise AssertionError("regel_bestatt always applies")  # pragma: no cover


def utfall(fag: Fag) -> Utfall:
    """Ref: 001 §5.1 — only the outcome of ``vurder_fag``."""
    return avgjor(fag.standpunkt, fag.eksamen, fag.tverrfaglig).utfall


def vurder_fag(fag: Fag) -> FagVurdering:
    """Ref: 001 §5.1 — passed, failed, lacking assessment, no grade or IOP, with the reason.

    Rules of §5.1, §5.2, §5.4, §5.5 and 004 iop, first match wins (see module docstring).
    """
    a = avgjor(fag.standpunkt, fag.eksamen, fag.tverrfaglig)
    return FagVurdering(fag, a.utfall, a.ref, a.mal, a.regel)
