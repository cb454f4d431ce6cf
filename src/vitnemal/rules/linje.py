"""Which fag rows count for a programme area line, and how (004 generelt, vg1–vg3 sheets).

``bygg_linjer(mappe, hent_regelsett)`` assigns the fag rows of an elevmappe to its programme area
lines and sorts every row of a line into: counted (with its pass outcome from
``rules.bestatt``), set aside with a reason (mer opplæring, halvårsvurdering 004 does not list,
fritak, fremmedspråk as privatist, quit during the year) — the rules in
``rules.fullfortkode_regler`` then only look at this ``Linje`` context.

Assignment of a fag row to lines (``fordel``, the only one: the document's «fullført»/
«bestått» uses it too): the row's ``programomrade`` code if given, else its level — to every
line when all lines of the record are komprimerte løp (PBPBY4…, whose 6-pack fag come from any
level). When several lines of the same code/level are candidates (a programme area over two
years, a repeated year), the row goes to the line whose school year holds its termin (H2025 and
V2026 → 2025-2026), else to the latest earlier line (e.g. an «unormalt» school year ending in
December). Year 2 of a programme area over two years also counts year 1's rows, and a
komprimert løp the rows of every komprimert line up to its school year.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from vitnemal.model.elevmappe import Elevmappe, Fag, Programomrade, komprimerte_koder
from vitnemal.model.enums import Karakter, Niva, Vurdering
from vitnemal.rules.bestatt import Utfall, utfall
from vitnemal.rules.parametre import Parametre, halvar_teller, parametre, program_for
from vitnemal.rules.regelsett import Regelsett


@dataclass(slots=True)
class Linje:
    """One programme area line with the fag rows that bear on its fullførtkode.

    ``par`` is None when no rule set covers the line's school year (then no row is sorted in).
    ``program``: studieforberedende | yrkesfag | idrettsfag; ``ark``: the sheet of 004 for B, I
    and M; ``fsp_privatist``: fremmedspråk are to be taken as privatist (004 NB, not yrkesfag).
    """

    mappe: Elevmappe
    programomrade: Programomrade
    par: Parametre | None
    program: str = ""
    komprimert: bool = False
    ark: str = ""
    fsp_privatist: bool = False
    teller: list[tuple[Fag, Utfall]] = field(default_factory=list)  # counted, with outcome
    utenfor: list[tuple[Fag, str, str]] = field(default_factory=list)  # (fag, kind, reason)
    sluttet: list[Fag] = field(default_factory=list)  # quit during the year (004 H)

    @classmethod
    def for_programomrade(cls, mappe: Elevmappe, p: Programomrade,
                          rs: Regelsett | None) -> Linje:
        """A line with what its rules depend on besides its rows: the rule set's parameters,
        the kind of programme, komprimert løp or not, the sheet of 004 for B/I/M."""
        if rs is None:
            return cls(mappe, p, None)
        par = parametre(rs)
        program = program_for(p.kode, par)
        komprimert = p.kode in komprimerte_koder()
        return cls(mappe, p, par, program=program, komprimert=komprimert,
                   ark="004 vg3" if komprimert else f"004 {p.niva}",
                   fsp_privatist=p.fremmedsprak_som_privatist and program != "yrkesfag")

    def ta_med(self, fag: Fag) -> None:
        """Ref: 004 generelt — where one row of the line goes, by the first that applies:

        1. «Fag tatt som mer opplæring skal ikke være med i beregning av fullførtkoden.»
        2. A halvårsvurdering counts only in the fag 004 lists (``halvar_teller``; 004 vg1/vg2).
        3. Fremmedspråk to be taken as privatist, fritak (§ 9-18 … 9-23): «får B, I eller M i
           forhold til de andre karakterene» (004 vg1–vg3 NB) — set aside.
        4. Quit during the year: kept for ``h_sluttet_fag`` (004 H).
        5. Otherwise counted, with its pass outcome (``bestatt``).
        """
        merknad = fag.fagmerknad.kode if fag.fagmerknad is not None else None
        if fag.mer_opplaering:
            self.utenfor.append((fag, "mer_opplaering", "mer opplæring teller ikke (004 generelt)"))
        elif fag.vurdering is Vurdering.HALVAR and halvar_teller(
                fag.trinn, self.program, fag.fagkode, fag.fagtype, self.par) is None:
            self.utenfor.append((fag, "halvar",
                                 f"halvårsvurdering i dette faget teller ikke ({self.ark})"))
        elif self.fsp_privatist and fag.fagkode.startswith(self.par.fremmedsprak_prefiks):
            self.utenfor.append((fag, "fremmedsprak_privatist",
                                 f"fremmedspråk skal tas som privatist ({self.ark} NB)"))
        elif merknad in self.par.fritak:
            self.utenfor.append((fag, "fritak", f"fritatt med {merknad} ({self.ark} NB)"))
        elif fag.sluttet:
            self.sluttet.append(fag)
        else:
            self.teller.append((fag, utfall(fag)))

    @property
    def fagkoder(self) -> set[str]:
        """The fagkoder of the counted rows."""
        return {f.fagkode for f, _ in self.teller}

    def med_utfall(self, u: Utfall) -> list[tuple[Fag, Utfall]]:
        """The counted rows whose pass outcome is ``u``, in ``teller`` order."""
        return [(f, x) for f, x in self.teller if x is u]


def _start(termin: str) -> int:
    """School year start of a termin: H2025 → 2025, V2026 → 2025."""
    ar = int(termin[1:])
    return ar if termin[0] == "H" else ar - 1


def _kandidater(f: Fag, linjer: list[Programomrade], per_niva: dict[Niva, list[int]],
                bare_komprimerte: bool) -> list[int]:
    """The lines a row goes to (see the module docstring): by its ``programomrade``, else by
    level (every line if all lines are komprimerte løp); among several, the one whose school
    year holds its termin, else the latest earlier one."""
    if f.programomrade:
        kand = [i for i, p in enumerate(linjer) if p.kode == f.programomrade]
    elif bare_komprimerte:
        kand = list(range(len(linjer)))
    else:
        kand = per_niva.get(f.trinn, [])
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


def _kilder(i: int, linjer: list[Programomrade], komprimerte: frozenset[str]) -> list[int]:
    """The lines whose rows line ``i`` counts, in order: Ref: 004 H — a programme area over two
    years, year 2 «ut fra begge årene» (year 1's rows, then its own); Ref: 004 vg3 — a
    komprimert løp takes every komprimert line up to its school year (the whole 6-pack)."""
    p = linjer[i]
    if p.kode in komprimerte:
        return [j for j, q in enumerate(linjer) if q.kode in komprimerte and q.start_ar <= p.start_ar]
    if p.over_to_ar == 2:
        forste = [j for j, q in enumerate(linjer) if q.kode == p.kode and q.over_to_ar == 1
                  and q.start_ar == p.start_ar - 1]
        return forste[::-1] + [i]
    return [i]


def fordel(mappe: Elevmappe) -> list[list[int]]:
    """Ref: 004 generelt, 001 §1.3 — the fag rows (indices into ``mappe.fag``, in record order)
    that bear on each programme area line (index-aligned with ``mappe.programomrader``).

    The one assignment of rows to lines: the fullførtkode of a line (``bygg_linjer``) and the
    «fullført»/«bestått» a kompetansebevis prints for it (``dokument.beslutning.pastand``) both
    read it, so they always judge the same rows (docs/decisions.md, issue 13).
    """
    linjer = mappe.programomrader
    komprimerte = komprimerte_koder()
    per_niva: dict[Niva, list[int]] = {}
    for i, p in enumerate(linjer):
        per_niva.setdefault(p.niva, []).append(i)
    bare_komprimerte = bool(linjer) and all(p.kode in komprimerte for p in linjer)
    egne: list[list[int]] = [[] for _ in linjer]
    for k, f in enumerate(mappe.fag):
        for i in _kandidater(f, linjer, per_niva, bare_komprimerte):
            egne[i].append(k)
    return [[k for j in _kilder(i, linjer, komprimerte) for k in egne[j]]
            for i in range(len(linjer))]


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


def bygg_linjer(mappe: Elevmappe,
                hent_regelsett: Callable[[str], Regelsett | None]) -> list[Linje]:
    """Every programme area line of the record with its sorted fag rows.

    ``hent_regelsett(skolear) -> Regelsett | None`` picks the rule set of a line; lines
    without one get ``par=None`` and no rows, and are reported by the caller. Rows are given
    to lines by ``fordel`` and sorted into each line by ``Linje.ta_med``.
    """
    linjer = []
    for p, rader in zip(mappe.programomrader, fordel(mappe), strict=True):
        lin = Linje.for_programomrade(mappe, p, hent_regelsett(p.skolear))
        if lin.par is not None:
            for k in rader:
                lin.ta_med(mappe.fag[k])
            for f in lin.sluttet:  # an earlier sluttvurdering of a quit fag counts instead
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
