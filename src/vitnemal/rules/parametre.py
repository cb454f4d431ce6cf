"""A rule set's parameters compiled for the engine, and look-ups that depend only on them.

``parametre(regelsett)`` (once per rule set) turns the YAML parameters into sets and tuples;
``program_for`` (which 004 lists apply to a programme area) and ``halvar_teller`` (does a
halvårsvurdering in this fag count) are memoised per rule set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from vitnemal import kodeverk
from vitnemal.errors import UnknownRuleSetError
from vitnemal.model.enums import Fagtype
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
    """Ref: 004 vg1, 004 vg2 — the rule set's parameters, and the kodeverk's halvårsvurdering
    lists that hold on its date (a rule set whose date no list covers is a stale date and an
    error, never a silent «no halvår row counts»)."""
    dag = rs.gyldig_fra
    if not any(h.gyldig(dag) for h in kodeverk.load().halvarsvurdering):
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
        iop_fagkoder=frozenset(kodeverk.load().iop_fagkoder),
    )


def program_for(kode: str, par: Parametre) -> str:
    """Ref: 004 vg1 — «studieforberedende», «yrkesfaglige» or «Idrettsfag» lists apply."""
    program = par._program.get(kode)
    if program is None:
        if kode.startswith(par.idrettsfag_prefiks):
            program = "idrettsfag"
        else:
            up = kodeverk.load().utdanningsprogram.get(kode[:2])
            program = ("studieforberedende" if up is not None and up.studieforberedende
                       else "yrkesfag")
        par._program[kode] = program
    return program


def halvar_teller(trinn, program: str, fagkode: str, fagtype, par: Parametre) -> str | None:
    """Ref: 004 vg1 — «Fag med halvårsvurdering på vg1 i studieforberedende utdanningsprogram:
    Norsk …, Kroppsøving …, Fremmedspråk …» (and the lists of 004 vg2). Returns the ref of the
    kodeverk entry that makes a halvårsvurdering in this fag count, or None (memoised).
    Ikke formalisert: the fremmedspråk level (nivå I, II, I+II) is not part of the fagkode."""
    nokkel = (trinn, program, fagkode, fagtype)
    try:
        return par._halvar[nokkel]
    except KeyError:
        ref = par._halvar[nokkel] = _halvar_ref(trinn, program, fagkode, fagtype, par)
        return ref


def _halvar_ref(niva, program: str, fagkode: str, fagtype, par: Parametre) -> str | None:
    dag = par.regelsett.gyldig_fra
    for h in kodeverk.load().halvarsfag(niva.value, program):
        if (h.omfatter(fagkode) and (h.fagtype is None or h.fagtype == fagtype.value)
                and h.gyldig(dag)):
            return h.ref
    if (par.yf_vg2_halvar_programfag and program == "yrkesfag" and niva.value == "vg2"
            and fagtype is Fagtype.PF):
        return "004 vg2"
    return None
