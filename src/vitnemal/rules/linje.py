"""Which fag rows count for a programme area line, and how (004 generelt, vg1–vg3 sheets).

``bygg_linjer(mappe, regelsett)`` assigns the fag rows of an elevmappe to its programme area
lines and sorts every row of a line into: counted (with its pass outcome from
``rules.bestatt``), set aside with a reason (mer opplæring, halvårsvurdering 004 does not list,
fritak, fremmedspråk as privatist, quit during the year) — the rules in
``rules.fullfortkode_regler`` then only look at this ``Linje`` context.

Assignment of a fag row to lines: the row's ``programomrade`` code if given, else its level
(``Elevmappe.programomrade_for``). Fag of a komprimert løp (PBPBY4…) are assigned by code, or —
when every line of the record is a komprimert løp — to those lines. When several lines of the
same code/level are candidates (a programme area over two years, a repeated year), the row goes
to the line whose school year holds its termin (H2025 and V2026 → 2025-2026), else to the latest
earlier line (e.g. an «unormalt» school year ending in December).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from vitnemal import kodeverk
from vitnemal.model.elevmappe import Elevmappe, Fag, Programomrade
from vitnemal.model.enums import Fagtype, Karakter, Niva, Vurdering
from vitnemal.rules.bestatt import Utfall, utfall
from vitnemal.rules.regelsett import Regelsett


@dataclass(frozen=True, slots=True)
class Parametre:
    """A rule set's parameters, compiled for fast look-up (one per rule set)."""

    regelsett: Regelsett
    fritak: frozenset[str]
    iop_merknader: frozenset[str]
    grunnleggende_norsk: frozenset[str]
    karakter_fores_ikke: frozenset[str]
    idrettsfag_prefiks: tuple[str, ...]
    fremmedsprak_prefiks: tuple[str, ...]
    gsk: dict[str, tuple[str, ...]]
    yf_vg2_halvar_programfag: bool


@cache
def parametre(rs: Regelsett) -> Parametre:
    return Parametre(
        regelsett=rs,
        fritak=frozenset(rs.verdi("fritak_merknader")),
        iop_merknader=frozenset(rs.verdi("iop_merknader")),
        grunnleggende_norsk=frozenset(rs.verdi("grunnleggende_norsk_merknader")),
        karakter_fores_ikke=frozenset(rs.verdi("karakter_fores_ikke_merknader")),
        idrettsfag_prefiks=tuple(rs.verdi("idrettsfag_prefiks")),
        fremmedsprak_prefiks=tuple(rs.verdi("fremmedsprak_prefiks")),
        gsk={k: tuple(v) for k, v in rs.verdi("generell_studiekompetanse").items()},
        yf_vg2_halvar_programfag=bool(rs.verdi("yf_vg2_halvar_programfag")),
    )


_ARK = {n: f"004 {n.value}" for n in Niva}


@dataclass(slots=True)
class Linje:
    """One programme area line with the fag rows that bear on its fullførtkode."""

    mappe: Elevmappe
    programomrade: Programomrade
    par: Parametre
    program: str  # studieforberedende | yrkesfag | idrettsfag
    komprimert: bool
    ark: str  # «004 vg1» … the sheet for B/I/M
    teller: list[tuple[Fag, Utfall]] = field(default_factory=list)
    utenfor: list[tuple[Fag, str, str]] = field(default_factory=list)  # (fag, kind, reason)
    sluttet: list[Fag] = field(default_factory=list)


def program_for(kode: str, par: Parametre) -> str:
    """Ref: 004 vg1 — «studieforberedende», «yrkesfaglige» or «Idrettsfag» lists apply."""
    if kode.startswith(par.idrettsfag_prefiks):
        return "idrettsfag"
    up = kodeverk.load().utdanningsprogram.get(kode[:2])
    return "studieforberedende" if up is not None and up.studieforberedende else "yrkesfag"


@cache
def _halvar_teller(niva, program: str, fagkode: str, fagtype, yf_vg2: bool, dag) -> str | None:
    for h in kodeverk.load().halvarsfag(niva.value, program):
        if (h.omfatter(fagkode) and (h.fagtype is None or h.fagtype == fagtype.value)
                and h.gyldig(dag)):
            return h.ref
    if yf_vg2 and program == "yrkesfag" and niva.value == "vg2" and fagtype is Fagtype.PF:
        return "004 vg2"
    return None


def halvar_teller(fag: Fag, program: str, par: Parametre) -> str | None:
    """Ref: 004 vg1 — «Fag med halvårsvurdering på vg1 i studieforberedende utdanningsprogram:
    Norsk …, Kroppsøving …, Fremmedspråk …» (and the lists of 004 vg2). Returns the ref of the
    kodeverk entry that makes this halvårsvurdering count, or None. Ikke formalisert: the
    fremmedspråk level (nivå I, II, I+II) is not part of the fagkode."""
    return _halvar_teller(fag.trinn, program, fag.fagkode, fag.fagtype,
                          par.yf_vg2_halvar_programfag, par.regelsett.gyldig_fra)


def _start(termin: str) -> int:
    """School year start of a termin: H2025 → 2025, V2026 → 2025."""
    ar = int(termin[1:])
    return ar if termin[0] == "H" else ar - 1


def fordel_fag(mappe: Elevmappe, komprimerte: frozenset[str]) -> list[list[Fag]]:
    """Fag rows per programme area line (index-aligned with ``mappe.programomrader``)."""
    linjer = mappe.programomrader
    ut: list[list[Fag]] = [[] for _ in linjer]
    bare_komprimert = bool(linjer) and all(p.kode in komprimerte for p in linjer)
    alle = list(range(len(linjer)))
    per_niva: dict = {}
    for i, p in enumerate(linjer):
        if p.kode not in komprimerte:
            per_niva.setdefault(p.niva, []).append(i)
    for f in mappe.fag:
        if f.programomrade:
            kand = [i for i, p in enumerate(linjer) if p.kode == f.programomrade]
        elif bare_komprimert:
            kand = alle
        else:
            kand = per_niva.get(f.trinn, ())
        if len(kand) > 1:
            aar = _start(f.termin)
            starts = {linjer[i].start_ar for i in kand}
            if aar in starts:
                velg = aar
            else:
                tidligere = [s for s in starts if s < aar]
                velg = max(tidligere) if tidligere else min(starts)
            kand = [i for i in kand if linjer[i].start_ar == velg]
        for i in kand:
            ut[i].append(f)
    return ut


def _sorter(lin: Linje, rader: list[Fag]) -> None:
    """Ref: 004 generelt — sort the rows of a line into counted / set aside / quit."""
    par, p = lin.par, lin.programomrade
    fsp_privatist = p.fremmedsprak_som_privatist and lin.program != "yrkesfag"
    for f in rader:
        if f.mer_opplaering:
            lin.utenfor.append((f, "mer_opplaering", "mer opplæring teller ikke (004 generelt)"))
        elif f.vurdering is Vurdering.HALVAR and halvar_teller(f, lin.program, par) is None:
            lin.utenfor.append((f, "halvar", f"halvårsvurdering i dette faget teller ikke ({lin.ark})"))
        elif fsp_privatist and f.fagkode.startswith(par.fremmedsprak_prefiks):
            lin.utenfor.append((f, "fremmedsprak_privatist", f"fremmedspråk skal tas som privatist ({lin.ark} NB)"))
        elif f.fagmerknad is not None and f.fagmerknad.kode in par.fritak:
            lin.utenfor.append((f, "fritak", f"fritatt med {f.fagmerknad.kode} ({lin.ark} NB)"))
        elif f.sluttet:
            lin.sluttet.append(f)
        else:
            lin.teller.append((f, utfall(f)))


def sluttvurdering_tidligere(mappe: Elevmappe, fag: Fag) -> Fag | None:
    """Ref: 004 H — «Eleven har ikke sluttvurdering i faget/-ene fra tidligere skoleår»: the row
    of the same fagkode from an earlier school year with a standpunkt or exam grade, if any."""
    aar = _start(fag.termin)
    for f in mappe.fag:
        if (f.fagkode == fag.fagkode and not f.sluttet and f.vurdering is Vurdering.STANDPUNKT
                and _start(f.termin) < aar
                and (f.standpunkt not in (None, Karakter.IV) or f.eksamen is not None)):
            return f
    return None


@cache
def komprimerte_koder() -> frozenset[str]:
    """Ref: 004 vg3 — komprimerte løp (PBPBY4--6P, PBPBY4VO--, PBPBY4----), from the kodeverk."""
    kv = kodeverk.load()
    return frozenset(k for k, v in kv.spesielle_programomradekoder.items() if v.komprimert)


def bygg_linjer(mappe: Elevmappe, hent_regelsett) -> list[Linje]:
    """Every programme area line of the record with its sorted fag rows.

    ``hent_regelsett(skolear) -> Regelsett | None`` picks the rule set of a line; lines
    without one get ``par=None`` and are reported by the caller.
    """
    komprimerte = komprimerte_koder()
    fordelt = fordel_fag(mappe, komprimerte)
    linjer: list[Linje] = []
    for i, p in enumerate(mappe.programomrader):
        rs = hent_regelsett(p.skolear)
        par = parametre(rs) if rs is not None else None
        komp = p.kode in komprimerte
        ark = "004 vg3" if komp else _ARK[p.niva]
        lin = Linje(mappe, p, par, program_for(p.kode, par) if par else "", komp, ark)
        if par is None:
            linjer.append(lin)
            continue
        rader = list(fordelt[i])
        if p.over_to_ar == 2:  # Ref: 004 H — «2. året ... (begge årene)»
            for j, q in enumerate(mappe.programomrader):
                if q.kode == p.kode and q.over_to_ar == 1 and q.start_ar == p.start_ar - 1:
                    rader = fordelt[j] + rader
        if komp:  # the whole 6-pack so far: every komprimert line up to this school year
            rader = [f for j, q in enumerate(mappe.programomrader)
                     if q.kode in komprimerte and q.start_ar <= p.start_ar for f in fordelt[j]]
        _sorter(lin, rader)
        if lin.sluttet:  # an earlier sluttvurdering of a quit fag counts instead
            for f in lin.sluttet:
                tidligere = sluttvurdering_tidligere(mappe, f)
                if tidligere is not None and all(t is not tidligere for t, _ in lin.teller):
                    lin.teller.append((tidligere, utfall(tidligere)))
        linjer.append(lin)
    return linjer


def mangler_gsk(lin: Linje) -> list[str]:
    """Ref: 004 vg3 — «B, I eller M kan bare settes når alle seks fag for generell
    studiekompetanse er gjennomført»: the groups (norsk, engelsk …) with no assessed fag."""
    vurdert = [f.fagkode for f, u in lin.teller if u is not Utfall.INGEN_KARAKTER]
    vurdert += [f.fagkode for f, art, _ in lin.utenfor if art == "fritak"]
    return [navn for navn, prefiks in lin.par.gsk.items()
            if not any(k.startswith(prefiks) for k in vurdert)]
