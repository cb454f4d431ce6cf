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

from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from vitnemal.model.elevmappe import Elevmappe, Fag, Programomrade, komprimerte_koder
from vitnemal.model.enums import Karakter, Niva, Vurdering
from vitnemal.rules.bestatt import UTFALL_ETTER_KARAKTERER, Utfall, utfall
from vitnemal.rules.parametre import Parametre, halvar_teller, parametre, program_for

_ARK = {n: f"004 {n.value}" for n in Niva}
_HALVAR = Vurdering.HALVAR  # bound once: attribute access on an Enum class is slow


@dataclass(frozen=True, slots=True)
class Linjeart:
    """What a line's rules depend on besides its rows and flags: its rule set's parameters,
    the programme (studieforberedende | yrkesfag | idrettsfag), komprimert løp or not, the
    sheet of 004 for B/I/M, and whether fremmedspråk are to be taken as privatist (not in
    yrkesfag). The same for every line of the same code, level, school year and flag."""

    par: Parametre
    program: str
    komprimert: bool
    ark: str
    fsp_privatist: bool


_ARTER: dict[tuple, Linjeart | None] = {}


def linjeart(hent_regelsett, kode: str, niva: Niva, skolear: str, fsp: bool) -> Linjeart | None:
    """The ``Linjeart`` of a line, or None when ``hent_regelsett(skolear)`` has no rule set
    (memoised; ``hent_regelsett`` must be pure, as ``fullfortkode._regelsett_eller_none`` is)."""
    nokkel = (hent_regelsett, kode, niva, skolear, fsp)
    try:
        return _ARTER[nokkel]
    except KeyError:
        pass
    rs = hent_regelsett(skolear)
    art = None
    if rs is not None:
        par = parametre(rs)
        program = program_for(kode, par)
        komp = kode in komprimerte_koder()
        art = Linjeart(par, program, komp, "004 vg3" if komp else _ARK[niva],
                       fsp and program != "yrkesfag")
    if len(_ARTER) >= 10_000:
        _ARTER.clear()
    _ARTER[nokkel] = art
    return art


@dataclass(slots=True, init=False)
class Linje:
    """One programme area line with the fag rows that bear on its fullførtkode."""

    mappe: Elevmappe
    programomrade: Programomrade
    par: Parametre | None  # None: no rule set for the line's school year
    program: str  # studieforberedende | yrkesfag | idrettsfag
    komprimert: bool
    ark: str  # «004 vg1» … the sheet for B/I/M
    fsp_privatist: bool  # fremmedspråk are to be taken as privatist (004 NB)
    teller: list[tuple[Fag, Utfall]]
    utenfor: list[tuple[Fag, str, str]]  # (fag, kind, reason)
    sluttet: list[Fag]
    med_merknad: list[Fag]  # counted rows with a fagmerknad (in ``teller`` order)
    merket: list[Fag]  # counted rows with a fagmerknad or on an IOP-fagkode (rule a_iop)
    _fagkoder: set[str] | None  # see fagkoder
    _per_utfall: dict[Utfall, list[tuple[Fag, Utfall]]] | None  # see med_utfall

    def __init__(self, mappe: Elevmappe, programomrade: Programomrade,
                 art: Linjeart | None) -> None:
        # Written out (not generated with default factories): one Linje per line of every record.
        self.mappe, self.programomrade = mappe, programomrade
        if art is None:
            self.par, self.program, self.komprimert, self.ark = None, "", False, ""
            self.fsp_privatist = False
        else:
            self.par, self.program, self.komprimert, self.ark = (
                art.par, art.program, art.komprimert, art.ark)
            self.fsp_privatist = art.fsp_privatist
        self.teller, self.utenfor, self.sluttet, self.med_merknad, self.merket = [], [], [], [], []
        self._fagkoder = self._per_utfall = None

    def ta_med(self, fag: Fag) -> None:
        """Ref: 004 generelt — where one row of the line goes, by the first that applies:

        1. «Fag tatt som mer opplæring skal ikke være med i beregning av fullførtkoden.»
        2. A halvårsvurdering counts only in the fag 004 lists (``halvar_teller``; 004 vg1/vg2).
        3. Fremmedspråk to be taken as privatist, fritak (§ 9-18 … 9-23): «får B, I eller M i
           forhold til de andre karakterene» (004 vg1–vg3 NB) — set aside.
        4. Quit during the year: kept for ``h_sluttet_fag`` (004 H).
        5. Otherwise counted, with its pass outcome (``bestatt``).

        Runs for every fag row, so it reads each field once (``Fag`` is slotted: a slot read)
        and looks the pass outcome up in the memo of ``bestatt.utfall``.
        """
        merknad = fag.fagmerknad
        if fag.mer_opplaering:
            self.utenfor.append((fag, "mer_opplaering", "mer opplæring teller ikke (004 generelt)"))
        elif fag.vurdering is _HALVAR and halvar_teller(
                fag.trinn, self.program, fag.fagkode, fag.fagtype, self.par) is None:
            self.utenfor.append((fag, "halvar",
                                 f"halvårsvurdering i dette faget teller ikke ({self.ark})"))
        elif self.fsp_privatist and fag.fagkode.startswith(self.par.fremmedsprak_prefiks):
            self.utenfor.append((fag, "fremmedsprak_privatist",
                                 f"fremmedspråk skal tas som privatist ({self.ark} NB)"))
        elif merknad is not None and merknad.kode in self.par.fritak:
            self.utenfor.append((fag, "fritak", f"fritatt med {merknad.kode} ({self.ark} NB)"))
        elif fag.sluttet:
            self.sluttet.append(fag)
        else:
            u = UTFALL_ETTER_KARAKTERER.get(
                (fag.standpunkt, fag.eksamen, fag.tverrfaglig)) or utfall(fag)
            self.teller.append((fag, u))
            if merknad is not None:
                self.med_merknad.append(fag)
                self.merket.append(fag)
            elif fag.fagkode in self.par.iop_fagkoder:
                self.merket.append(fag)

    def tell(self, fag: Fag) -> None:
        """Count a row (an earlier sluttvurdering of a quit fag) and keep the views in step."""
        self.teller.append((fag, utfall(fag)))
        if fag.fagmerknad is not None:
            self.med_merknad.append(fag)
            self.merket.append(fag)
        elif fag.fagkode in self.par.iop_fagkoder:
            self.merket.append(fag)
        self._fagkoder = self._per_utfall = None

    @property
    def fagkoder(self) -> set[str]:
        """The fagkoder of the counted rows."""
        if self._fagkoder is None:
            self._fagkoder = {f.fagkode for f, _ in self.teller}
        return self._fagkoder

    def med_utfall(self, u: Utfall) -> list[tuple[Fag, Utfall]] | tuple[()]:
        """The counted rows whose pass outcome is ``u``, in ``teller`` order (grouped once)."""
        if self._per_utfall is None:
            utfall_her = set(map(_UTFALL, self.teller))
            if len(utfall_her) == 1:  # the common case (all passed): no grouping
                self._per_utfall = {utfall_her.pop(): self.teller}
            else:  # a stable sort keeps ``teller`` order within a group
                self._per_utfall = {k: list(g) for k, g in
                                    groupby(sorted(self.teller, key=_UTFALL), key=_UTFALL)}
        return self._per_utfall.get(u, ())


_UTFALL = itemgetter(1)


def _start(termin: str) -> int:
    """School year start of a termin: H2025 → 2025, V2026 → 2025."""
    ar = int(termin[1:])
    return ar if termin[0] == "H" else ar - 1


def _kandidater(f: Fag, programomrade: str | None, trinn: Niva, linjer: list[Programomrade],
                per_niva: dict) -> list[int]:
    """The lines a row goes to when its level alone does not tell (see the module docstring)."""
    if programomrade:
        kand = [i for i, p in enumerate(linjer) if p.kode == programomrade]
    elif linjer and not per_niva:  # every line is a komprimert løp
        kand = list(range(len(linjer)))
    else:
        kand = per_niva.get(trinn, [])
    if len(kand) > 1:
        aar = _start(f.termin)
        starts = {linjer[i].start_ar for i in kand}
        if aar in starts:
            velg = aar
        else:
            tidligere = [s for s in starts if s < aar]
            velg = max(tidligere) if tidligere else min(starts)
        kand = [i for i in kand if linjer[i].start_ar == velg]
    return kand


def _samler(programomrader: list[Programomrade], linjer: list[Linje],
            komprimerte: frozenset[str]) -> dict[int, list[int]]:
    """Lines that also take the rows of other lines, with those lines (in row order):
    Ref: 004 H — a programme area over two years, year 2 «ut fra begge årene»; Ref: 004 vg3 —
    a komprimert løp takes every komprimert line up to its school year (the whole 6-pack)."""
    samler: dict[int, list[int]] = {}
    for i, p in enumerate(programomrader):
        kode, over_to_ar = p.kode, p.over_to_ar
        if linjer[i].par is None:
            continue
        if linjer[i].komprimert:
            samler[i] = [j for j, q in enumerate(programomrader)
                         if q.kode in komprimerte and q.start_ar <= p.start_ar]
        elif over_to_ar == 2:
            forste = [j for j, q in enumerate(programomrader) if q.kode == kode
                      and q.over_to_ar == 1 and q.start_ar == p.start_ar - 1]
            if forste:
                samler[i] = forste[::-1] + [i]
    return samler


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


def bygg_linjer(mappe: Elevmappe, hent_regelsett) -> list[Linje]:
    """Every programme area line of the record with its sorted fag rows.

    ``hent_regelsett(skolear) -> Regelsett | None`` picks the rule set of a line; lines
    without one get ``par=None`` and are reported by the caller. One pass over the rows: a row
    goes straight into its line (``Linje.ta_med``); lines that also take other lines' rows
    (``_samler``) are filled after it, in the order of the lines they take. Runs once per
    record, so it is written as plain loops (a comprehension costs a function call).
    """
    programomrader = mappe.programomrader
    komprimerte = komprimerte_koder()
    linjer: list[Linje] = []
    per_niva: dict = {}  # level -> the lines of that level that are not a komprimert løp
    samles = False  # does a line take other lines' rows (komprimert løp, over two years)?
    for i, p in enumerate(programomrader):
        kode, niva = p.kode, p.niva
        linjer.append(Linje(mappe, p, linjeart(hent_regelsett, kode, niva, p.skolear,
                                               p.fremmedsprak_som_privatist)))
        if kode in komprimerte:
            samles = True
        else:
            kand = per_niva.get(niva)
            if kand is None:
                per_niva[niva] = [i]
            else:
                kand.append(i)
            samles = samles or p.over_to_ar == 2
    samler = _samler(programomrader, linjer, komprimerte) if samles else {}
    behold = {j for kilder in samler.values() for j in kilder} if samler else _INGEN
    rader: list[list[Fag]] = [[] for _ in linjer] if samler else []
    # The common case, a row without programomrade on the only line of its level, directly:
    direkte = {}
    for niva, kand in per_niva.items():
        if len(kand) == 1 and kand[0] not in behold and linjer[kand[0]].par is not None:
            direkte[niva] = linjer[kand[0]]
    for f in mappe.fag:
        programomrade = f.programomrade
        if programomrade is None:
            lin = direkte.get(f.trinn)
            if lin is not None:
                lin.ta_med(f)
                continue
        for i in _kandidater(f, programomrade, f.trinn, programomrader, per_niva):
            if i in behold:
                rader[i].append(f)
            elif i not in samler and linjer[i].par is not None:
                linjer[i].ta_med(f)
    if samler:
        for i in behold.difference(samler):  # a source line's own rows
            if linjer[i].par is not None:
                for f in rader[i]:
                    linjer[i].ta_med(f)
        for i, kilder in samler.items():
            lin = linjer[i]
            for j in kilder:
                for f in rader[j]:
                    lin.ta_med(f)
    for lin in linjer:
        if lin.sluttet:  # an earlier sluttvurdering of a quit fag counts instead
            for f in lin.sluttet:
                tidligere = sluttvurdering_tidligere(mappe, f)
                if tidligere is not None and all(t is not tidligere for t, _ in lin.teller):
                    lin.tell(tidligere)
    return linjer


_INGEN: frozenset[int] = frozenset()


def mangler_gsk(lin: Linje) -> list[str]:
    """Ref: 004 vg3 — «B, I eller M kan bare settes når alle seks fag for generell
    studiekompetanse er gjennomført»: the groups (norsk, engelsk …) with no assessed fag."""
    vurdert = [f.fagkode for f, u in lin.teller if u is not Utfall.INGEN_KARAKTER]
    vurdert += [f.fagkode for f, art, _ in lin.utenfor if art == "fritak"]
    return [navn for navn, prefiks in lin.par.gsk.items()
            if not any(k.startswith(prefiks) for k in vurdert)]
