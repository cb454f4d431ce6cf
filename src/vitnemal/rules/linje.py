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
from vitnemal.rules.bestatt import UTFALL_ETTER_KARAKTERER, Utfall, utfall
from vitnemal.rules.regelsett import Regelsett


@dataclass(frozen=True, slots=True, eq=False)  # one per rule set, hashed by identity
class Parametre:
    """A rule set's parameters, compiled for fast look-up (one per rule set).

    Besides the parameters it holds look-ups that do not change within a rule set: the
    kodeverk's IOP-fagkoder, and memo tables for ``program_for`` and ``halvar_teller`` (filled
    on first use; their answers depend only on the rule set and the kodeverk)."""

    regelsett: Regelsett
    fritak: frozenset[str]
    iop_merknader: frozenset[str]
    grunnleggende_norsk: frozenset[str]
    karakter_fores_ikke: frozenset[str]
    idrettsfag_prefiks: tuple[str, ...]
    fremmedsprak_prefiks: tuple[str, ...]
    gsk: dict[str, tuple[str, ...]]
    yf_vg2_halvar_programfag: bool
    iop_fagkoder: frozenset[str] = frozenset()
    _program: dict[str, str] = field(default_factory=dict)
    _halvar: dict[tuple, str | None] = field(default_factory=dict)


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
        iop_fagkoder=frozenset(kodeverk.load().iop_fagkoder),
    )


_ARK = {n: f"004 {n.value}" for n in Niva}
_HALVAR = Vurdering.HALVAR  # bound once: attribute access on an Enum class is slow


@dataclass(slots=True, init=False)
class Linje:
    """One programme area line with the fag rows that bear on its fullførtkode."""

    mappe: Elevmappe
    programomrade: Programomrade
    par: Parametre
    program: str  # studieforberedende | yrkesfag | idrettsfag
    komprimert: bool
    ark: str  # «004 vg1» … the sheet for B/I/M
    teller: list[tuple[Fag, Utfall]]
    utenfor: list[tuple[Fag, str, str]]  # (fag, kind, reason)
    sluttet: list[Fag]
    # Views of ``teller`` for the rules (in ``teller`` order), kept in step by ``tell``:
    fagkoder: set[str]  # fagkoder of the counted rows
    med_merknad: list[Fag]  # counted rows with a fagmerknad
    _per_utfall: dict[Utfall, list[tuple[Fag, Utfall]]] | None  # see med_utfall

    def __init__(self, mappe: Elevmappe, programomrade: Programomrade, par: Parametre,
                 program: str, komprimert: bool, ark: str) -> None:
        # Written out (not generated with default factories): one Linje per line of every record.
        self.mappe, self.programomrade, self.par = mappe, programomrade, par
        self.program, self.komprimert, self.ark = program, komprimert, ark
        self.teller, self.utenfor, self.sluttet = [], [], []
        self.fagkoder, self.med_merknad, self._per_utfall = set(), [], None

    def tell(self, fag: Fag) -> None:
        """Count a row with its pass outcome (and keep the views in step)."""
        self.teller.append((fag, utfall(fag)))
        self.fagkoder.add(fag.fagkode)
        if fag.fagmerknad is not None:
            self.med_merknad.append(fag)
        self._per_utfall = None

    def med_utfall(self, u: Utfall) -> list[tuple[Fag, Utfall]] | tuple[()]:
        """The counted rows whose pass outcome is ``u``, in ``teller`` order (grouped once)."""
        if self._per_utfall is None:
            self._per_utfall = {}
            for rad in self.teller:
                self._per_utfall.setdefault(rad[1], []).append(rad)
        return self._per_utfall.get(u, ())


def program_for(kode: str, par: Parametre) -> str:
    """Ref: 004 vg1 — «studieforberedende», «yrkesfaglige» or «Idrettsfag» lists apply."""
    program = par._program.get(kode)
    if program is None:
        program = par._program[kode] = _program_for(kode, par)
    return program


def _program_for(kode: str, par: Parametre) -> str:
    if kode.startswith(par.idrettsfag_prefiks):
        return "idrettsfag"
    up = kodeverk.load().utdanningsprogram.get(kode[:2])
    return "studieforberedende" if up is not None and up.studieforberedende else "yrkesfag"


def _halvar_teller(niva, program: str, fagkode: str, fagtype, yf_vg2: bool, dag) -> str | None:
    for h in kodeverk.load().halvarsfag(niva.value, program):
        if (h.omfatter(fagkode) and (h.fagtype is None or h.fagtype == fagtype.value)
                and h.gyldig(dag)):
            return h.ref
    if yf_vg2 and program == "yrkesfag" and niva.value == "vg2" and fagtype is Fagtype.PF:
        return "004 vg2"
    return None


def halvar_teller(fag: Fag, program: str, par: Parametre, felt: dict | None = None) -> str | None:
    """Ref: 004 vg1 — «Fag med halvårsvurdering på vg1 i studieforberedende utdanningsprogram:
    Norsk …, Kroppsøving …, Fremmedspråk …» (and the lists of 004 vg2). Returns the ref of the
    kodeverk entry that makes this halvårsvurdering count, or None. Ikke formalisert: the
    fremmedspråk level (nivå I, II, I+II) is not part of the fagkode.
    ``felt`` is ``vars(fag)`` when the caller holds it (see ``_sorter``)."""
    if felt is None:
        felt = vars(fag)
    nokkel = (felt["trinn"], program, felt["fagkode"], felt["fagtype"])
    try:
        return par._halvar[nokkel]
    except KeyError:
        ref = par._halvar[nokkel] = _halvar_teller(
            *nokkel, par.yf_vg2_halvar_programfag, par.regelsett.gyldig_fra)
        return ref


def _start(termin: str) -> int:
    """School year start of a termin: H2025 → 2025, V2026 → 2025."""
    ar = int(termin[1:])
    return ar if termin[0] == "H" else ar - 1


def fordel_fag(mappe: Elevmappe, komprimerte: frozenset[str]) -> list[list[tuple[Fag, dict]]]:
    """Fag rows per programme area line (index-aligned with ``mappe.programomrader``), each as
    ``(fag, vars(fag))``: the engine reads a row's fields from its ``vars()`` (one look-up;
    attribute access on a pydantic model is several times slower)."""
    linjer = mappe.programomrader
    ut: list[list[tuple[Fag, dict]]] = [[] for _ in linjer]
    per_niva: dict = {}  # level -> the lines of that level that are not a komprimert løp
    for i, p in enumerate(linjer):
        if p.kode not in komprimerte:
            per_niva.setdefault(p.niva, []).append(i)
    bare_komprimert = bool(linjer) and not per_niva
    alle = list(range(len(linjer)))
    eneste = {niva: ut[kand[0]] for niva, kand in per_niva.items() if len(kand) == 1}
    start_ar: list[int] | None = None  # read when a row has several candidate lines
    for f in mappe.fag:
        felt = vars(f)
        if felt["programomrade"]:
            kand = [i for i, p in enumerate(linjer) if p.kode == felt["programomrade"]]
        elif bare_komprimert:
            kand = alle
        else:
            rader = eneste.get(felt["trinn"])
            if rader is not None:  # the only line of the row's level
                rader.append((f, felt))
                continue
            kand = per_niva.get(felt["trinn"], ())
        if len(kand) > 1:
            if start_ar is None:
                start_ar = [p.start_ar for p in linjer]
            aar = _start(felt["termin"])
            starts = {start_ar[i] for i in kand}
            if aar in starts:
                velg = aar
            else:
                tidligere = [s for s in starts if s < aar]
                velg = max(tidligere) if tidligere else min(starts)
            kand = [i for i in kand if start_ar[i] == velg]
        for i in kand:
            ut[i].append((f, felt))
    return ut


def _sorter(lin: Linje, rader: list[tuple[Fag, dict]]) -> None:
    """Ref: 004 generelt — sort the rows of a line into counted / set aside / quit.

    This loop runs for every fag row and is written for speed: a row's fields are read from
    its ``vars()`` (``fordel_fag``; attribute access on a pydantic model is slower), and
    a counted row is recorded in place (what ``Linje.tell`` does), its pass outcome looked up
    in the memo of ``bestatt.utfall``."""
    par, p = lin.par, lin.programomrade
    fsp_privatist = p.fremmedsprak_som_privatist and lin.program != "yrkesfag"
    teller, fagkoder, med_merknad = lin.teller, lin.fagkoder, lin.med_merknad
    husket = UTFALL_ETTER_KARAKTERER  # utfall(f), looked up in place; utfall fills it
    for f, felt in rader:
        merknad = felt["fagmerknad"]
        if felt["mer_opplaering"]:
            lin.utenfor.append((f, "mer_opplaering", "mer opplæring teller ikke (004 generelt)"))
        elif felt["vurdering"] is _HALVAR and halvar_teller(f, lin.program, par, felt) is None:
            lin.utenfor.append((f, "halvar", f"halvårsvurdering i dette faget teller ikke ({lin.ark})"))
        elif fsp_privatist and felt["fagkode"].startswith(par.fremmedsprak_prefiks):
            lin.utenfor.append((f, "fremmedsprak_privatist", f"fremmedspråk skal tas som privatist ({lin.ark} NB)"))
        elif merknad is not None and merknad.kode in par.fritak:
            lin.utenfor.append((f, "fritak", f"fritatt med {merknad.kode} ({lin.ark} NB)"))
        elif felt["sluttet"]:
            lin.sluttet.append(f)
        else:  # counted
            u = husket.get((felt["standpunkt"], felt["eksamen"], felt["tverrfaglig"]))
            teller.append((f, u or utfall(f)))
            fagkoder.add(felt["fagkode"])
            if merknad is not None:
                med_merknad.append(f)


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
    programomrader = mappe.programomrader
    fordelt = fordel_fag(mappe, komprimerte)
    linjer: list[Linje] = []
    for i, p in enumerate(programomrader):
        rs = hent_regelsett(p.skolear)
        par = parametre(rs) if rs is not None else None
        komp = p.kode in komprimerte
        ark = "004 vg3" if komp else _ARK[p.niva]
        lin = Linje(mappe, p, par, program_for(p.kode, par) if par else "", komp, ark)
        if par is None:
            linjer.append(lin)
            continue
        rader = fordelt[i]
        if p.over_to_ar == 2:  # Ref: 004 H — «2. året ... (begge årene)»
            for j, q in enumerate(programomrader):
                if q.kode == p.kode and q.over_to_ar == 1 and q.start_ar == p.start_ar - 1:
                    rader = fordelt[j] + rader
        if komp:  # the whole 6-pack so far: every komprimert line up to this school year
            rader = [rad for j, q in enumerate(programomrader)
                     if q.kode in komprimerte and q.start_ar <= p.start_ar for rad in fordelt[j]]
        _sorter(lin, rader)
        if lin.sluttet:  # an earlier sluttvurdering of a quit fag counts instead
            for f in lin.sluttet:
                tidligere = sluttvurdering_tidligere(mappe, f)
                if tidligere is not None and all(t is not tidligere for t, _ in lin.teller):
                    lin.tell(tidligere)
        linjer.append(lin)
    return linjer


def mangler_gsk(lin: Linje) -> list[str]:
    """Ref: 004 vg3 — «B, I eller M kan bare settes når alle seks fag for generell
    studiekompetanse er gjennomført»: the groups (norsk, engelsk …) with no assessed fag."""
    vurdert = [f.fagkode for f, u in lin.teller if u is not Utfall.INGEN_KARAKTER]
    vurdert += [f.fagkode for f, art, _ in lin.utenfor if art == "fritak"]
    return [navn for navn, prefiks in lin.par.gsk.items()
            if not any(k.startswith(prefiks) for k in vurdert)]
