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

from vitnemal.model.elevmappe import Fag
from vitnemal.model.enums import Karakter, Vurdering


class Utfall(str, Enum):  # noqa: UP042 - the agreed contract (str-valued Enum)
    BESTATT = "bestatt"
    IKKE_BESTATT = "ikke_bestatt"
    MANGLER_VURDERING = "mangler_vurdering"
    INGEN_KARAKTER = "ingen_karakter"  # nothing registered / dashed line (e.g. FAM12)
    IOP = "iop"  # VO: assessed against the individual plan (004 iop)


@dataclass(frozen=True, slots=True)
class FagVurdering:
    fagkode: str
    utfall: Utfall
    grunn: str  # Norwegian, names the fag and grades
    ref: str  # e.g. "001 §5.1"


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
_TEKST = {k: _NAVN.get(k, k.value) for k in Karakter}  # every grade's text, built once

# Members used on every fag row, bound once (attribute access on an Enum class is slow).
_VO, _IV, _K1, _IB = Karakter.VO, Karakter.IV, Karakter.K1, Karakter.IB
_IV_IM, _K1_IB = (Karakter.IV, Karakter.IM), (Karakter.K1, Karakter.IB)
_HALVAR = Vurdering.HALVAR


def karakter_tekst(k: Karakter) -> str:
    """A grade as a clerk reads it: «4», «IV (ikke vurderingsgrunnlag)»."""
    return _TEKST[k]


def beskriv_fag(fag: Fag) -> str:
    """«NOR1260 (standpunkt 1, eksamen 3)» — the fag and its registered grades."""
    deler = []
    if fag.standpunkt is not None:
        label = "halvårsvurdering" if fag.vurdering is _HALVAR else "standpunkt"
        deler.append(f"{label} {karakter_tekst(fag.standpunkt)}")
    if fag.eksamen is not None:
        label = "tverrfaglig eksamen" if fag.tverrfaglig else "eksamen"
        deler.append(f"{label} {karakter_tekst(fag.eksamen)}")
    return f"{fag.fagkode} ({', '.join(deler) or 'ingen karakter'})"


Bestattregel = Callable[[Fag], "FagVurdering | None"]


def regel_vo(fag: Fag) -> FagVurdering | None:
    """Ref: 004 iop — «får karakter VO (vurdert etter individuell opplæringsplan) på en IOP-fagkode
    og/eller har ... fag med offentlig fagkode og karakter VO ... med FAM05»."""
    if _VO in (fag.standpunkt, fag.eksamen):
        return FagVurdering(fag.fagkode, Utfall.IOP,
                            f"{beskriv_fag(fag)} er vurdert etter individuell opplæringsplan",
                            "004 iop")
    return None


def regel_iv_im(fag: Fag) -> FagVurdering | None:
    """Ref: 001 §5.4 — «fører dere ‹Ikke vurderingsgrunnlag› (IV) i rubrikken for standpunktkarakter»;
    004 generelt M: «mangler grunnlag for vurdering (IV) ... eller har ikke møtt til eksamen (IM
    i rubrikken for eksamenskarakter)». An exam is annulled when there is no standpunkt (§5.4),
    so IV in standpunkt decides even when an exam grade is registered."""
    for k in (fag.standpunkt, fag.eksamen):
        if k in _IV_IM:
            ref = "001 §5.4" if k is _IV else "001 §6.3"
            return FagVurdering(fag.fagkode, Utfall.MANGLER_VURDERING,
                                f"{beskriv_fag(fag)}: mangler vurdering", ref)
    return None


def regel_ingen_karakter(fag: Fag) -> FagVurdering | None:
    """Ref: 001 §5.7 — «Dere skal bruke FAM12 ‹Karakter føres ikke› når faget ... ikke har
    sluttvurdering på årstrinnet»; a dashed line in both columns is not an assessment."""
    if fag.standpunkt is None and fag.eksamen is None:
        merknad = f" med {fag.fagmerknad.kode}" if fag.fagmerknad else ""
        return FagVurdering(fag.fagkode, Utfall.INGEN_KARAKTER,
                            f"{fag.fagkode} har ingen karakter ført{merknad}", "001 §5.7")
    return None


def regel_eksamen_ikke_bestatt(fag: Fag) -> FagVurdering | None:
    """Ref: 001 §5.5 — «Vurderingsuttrykkene som angir at faget ikke er bestått»: an exam grade
    of 1 (or IB for a fag-/svenneprøve, §5.2) is a failed exam, whatever the standpunkt."""
    if fag.eksamen in _K1_IB:
        return FagVurdering(fag.fagkode, Utfall.IKKE_BESTATT,
                            f"{beskriv_fag(fag)}: eksamen er ikke bestått", "001 §5.5")
    return None


def regel_standpunkt_1(fag: Fag) -> FagVurdering | None:
    """Ref: 001 §5.1 — «Fag med karakteren 1 i standpunkt er bestått når eksamenskarakteren er 2
    eller bedre. Det gjelder ikke dersom eksamenskarakteren er for en tverrfaglig eksamen.»
    Exception to this rule, Ref: 001 §5.5 / 004 vg2 NB (yrkesfag): «For fag som inngår i en
    tverrfaglig eksamen, må eleven ha oppnådd karakteren 2 eller bedre i standpunktkarakter»."""
    if fag.standpunkt is not _K1:
        return None
    if fag.eksamen in _PASSED_NUMBERS:
        if fag.tverrfaglig:
            return FagVurdering(
                fag.fagkode, Utfall.IKKE_BESTATT,
                f"{beskriv_fag(fag)}: standpunkt 1 er ikke bestått; en bestått tverrfaglig eksamen "
                "overstyrer ikke standpunktkarakteren", "001 §5.5")
        return FagVurdering(
            fag.fagkode, Utfall.BESTATT,
            f"{beskriv_fag(fag)}: standpunkt 1, men eksamen {fag.eksamen.value} gjør faget bestått",
            "001 §5.1")
    label = "halvårsvurdering" if fag.vurdering is _HALVAR else "standpunkt"
    return FagVurdering(fag.fagkode, Utfall.IKKE_BESTATT,
                        f"{beskriv_fag(fag)}: {label} 1 uten bestått eksamen", "001 §5.1")


def regel_ib(fag: Fag) -> FagVurdering | None:
    """Ref: 001 §5.2 — «Ikke bestått ... IB»: IB in the standpunkt column is not passed."""
    if fag.standpunkt is _IB:
        return FagVurdering(fag.fagkode, Utfall.IKKE_BESTATT,
                            f"{beskriv_fag(fag)}: ikke bestått", "001 §5.2")
    return None


def regel_bestatt(fag: Fag) -> FagVurdering:
    """Ref: 001 §5.1 — «Karakterene 2 til 6 betyr at faget er bestått»; 001 §5.2 — «Føring av
    ‹Fritatt› eller ‹Godkjent› ... betyr at faget anses som bestått»; B/BM: «prøven er bestått».
    «Deltatt» (D) is a completed assessment (§2.6 counts it as a grade) and is not a fail."""
    kolonner = [k for k in (fag.standpunkt, fag.eksamen) if k is not None]
    ref = "001 §5.1" if all(k in _PASSED_NUMBERS for k in kolonner) else "001 §5.2"
    return FagVurdering(fag.fagkode, Utfall.BESTATT, f"{beskriv_fag(fag)}: bestått", ref)


BESTATTREGLER: tuple[Bestattregel, ...] = (
    regel_vo,
    regel_iv_im,
    regel_ingen_karakter,
    regel_eksamen_ikke_bestatt,
    regel_standpunkt_1,
    regel_ib,
)


UTFALL_ETTER_KARAKTERER: dict[tuple, Utfall] = {}
"""The memo of ``utfall``: (standpunkt, eksamen, tverrfaglig) -> Utfall, filled by ``utfall``."""


def utfall(fag: Fag) -> Utfall:
    """Ref: 001 §5.1 — only the outcome of ``vurder_fag`` (no text), memoised.

    The outcome depends only on (standpunkt, eksamen, tverrfaglig), so the few dozen
    combinations are computed once with ``vurder_fag`` and then looked up (speed: the
    fullførtkode engine classifies every fag row, but explains only the deciding ones).
    """
    key = (fag.standpunkt, fag.eksamen, fag.tverrfaglig)
    u = UTFALL_ETTER_KARAKTERER.get(key)
    if u is None:
        u = UTFALL_ETTER_KARAKTERER[key] = vurder_fag(fag).utfall
    return u


_VURDERINGER: dict[tuple, FagVurdering] = {}
_VURDERINGER_MAKS = 20_000  # bounded (a few MB): emptied when full


def vurder_fag_husket(fag: Fag) -> FagVurdering:
    """``vurder_fag``, memoised on the fields it reads (fagkode, the two grades, tverrfaglig,
    vurdering, the fagmerknad's code): the fullførtkode engine explains the deciding rows of
    many records, and the same row content recurs. ``FagVurdering`` is immutable."""
    merknad = fag.fagmerknad
    key = (fag.fagkode, fag.standpunkt, fag.eksamen, fag.tverrfaglig, fag.vurdering,
           merknad.kode if merknad is not None else None)
    v = _VURDERINGER.get(key)
    if v is None:
        if len(_VURDERINGER) >= _VURDERINGER_MAKS:
            _VURDERINGER.clear()
        v = _VURDERINGER[key] = vurder_fag(fag)
    return v


def vurder_fag(fag: Fag) -> FagVurdering:
    """Ref: 001 §5.1 — passed, failed, lacking assessment, no grade or IOP, with the reason.

    Rules of §5.1, §5.2, §5.4, §5.5 and 004 iop, first match wins (see module docstring).
    """
    for regel in BESTATTREGLER:
        v = regel(fag)
        if v is not None:
            return v
    return regel_bestatt(fag)
