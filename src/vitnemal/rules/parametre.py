"""A rule set's parameters as the engine reads them, and look-ups that depend only on them.

``parametre(regelsett)`` (once per rule set) turns the dated parameters read for the rule set
into sets and tuples; ``program_for`` (which 004 lists apply to a programme area) and
``halvar_teller`` (does a halvårsvurdering in this fag count) read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from vitnemal import kodeverk
from vitnemal.errors import UnknownRuleSetError
from vitnemal.kodeverk import HalvarFag
from vitnemal.model.enums import Fagtype
from vitnemal.rules.regelsett import Regelsett


@dataclass(frozen=True, slots=True, eq=False)  # one per rule set, hashed by identity
class Parametre:
    """A rule set's parameters as sets and tuples (one per rule set), with the kodeverk's
    IOP-fagkoder and the halvårsvurdering lists valid on its date, per (nivå, programme)."""

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
    halvarsfag: dict[tuple[str, str], tuple[HalvarFag, ...]] = field(default_factory=dict)


@cache
def parametre(rs: Regelsett) -> Parametre:
    """Ref: 004 vg1, 004 vg2 — the rule set's parameters, and the kodeverk's halvårsvurdering
    lists that hold on its date (a rule set whose date no list covers is a stale date and an
    error, never a silent «no halvår row counts»)."""
    dag = rs.gyldig_fra
    kv = kodeverk.load()
    if not any(h.gyldig(dag) for h in kv.halvarsvurdering):
        raise UnknownRuleSetError(
            f"regelsettet {rs.navn}: kodeverket har ingen fag med halvårsvurdering som gjelder "
            f"{dag.isoformat()} (halvarsvurdering.yaml); legg til listene fra 004 for skoleåret")
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
        iop_fagkoder=frozenset(kv.iop_fagkoder),
        halvarsfag={(niva, program): tuple(h for h in kv.halvarsfag(niva, program)
                                           if h.gyldig(dag))
                    for niva in ("vg1", "vg2", "vg3", "vg4", "vg5")
                    for program in ("studieforberedende", "yrkesfag", "idrettsfag")},
    )


def program_for(kode: str, par: Parametre) -> str:
    """Ref: 004 vg1 — «studieforberedende», «yrkesfaglige» or «Idrettsfag» lists apply."""
    if kode.startswith(par.idrettsfag_prefiks):
        return "idrettsfag"
    up = kodeverk.load().utdanningsprogram.get(kode[:2])
    return "studieforberedende" if up is not None and up.studieforberedende else "yrkesfag"


def halvar_teller(niva, program: str, fagkode: str, fagtype, par: Parametre) -> str | None:
    """Ref: 004 vg1 — «Fag med halvårsvurdering på vg1 i studieforberedende utdanningsprogram:
    Norsk …, Kroppsøving …, Fremmedspråk …» (and the lists of 004 vg2). Returns the ref of the
    kodeverk entry valid on the rule set's date that makes a halvårsvurdering in this fag count,
    or None. Ikke formalisert: the fremmedspråk level (nivå I, II, I+II) is not part of the
    fagkode."""
    for h in par.halvarsfag.get((niva, program), ()):  # Niva is a StrEnum: "vg1" == Niva.VG1
        if h.omfatter(fagkode) and (h.fagtype is None or h.fagtype == fagtype):
            return h.ref
    if (par.yf_vg2_halvar_programfag and program == "yrkesfag" and niva == "vg2"
            and fagtype is Fagtype.PF):
        return "004 vg2"
    return None
