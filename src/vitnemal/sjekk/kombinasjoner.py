"""Fag that may not stand on the same document (001 §4.5) and fag that may not stand at all (§7.4).

The code lists and name patterns are data (data/fagkoder.yaml), because the guideline names the
fag in words only («1T», «matematikk S», «geofag x» …).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from vitnemal.dokument import lop
from vitnemal.dokument.koder import FagKoder
from vitnemal.findings import Alvorlighet
from vitnemal.model import Fagtype, Status
from vitnemal.sjekk.katalog import DOKUMENT, MAPPE, Avvik, Kontroll, kontroll, registrer
from vitnemal.sjekk.kontekst import fagsti

FEIL = Alvorlighet.FEIL
DATA = Path(__file__).parent / "data" / "fagkoder.yaml"


@functools.lru_cache(maxsize=1)
def data() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Gruppe:
    """A group of data/fagkoder.yaml: fagkoder, fagkode prefixes and a Grep name pattern."""

    id: str
    beskrivelse: str
    fagkoder: frozenset[str]
    prefiks: tuple[str, ...]
    navn: re.Pattern | None

    def omfatter(self, f: FagKoder) -> bool:
        return (f.fagkode in self.fagkoder or f.fagkode.startswith(self.prefiks)
                or (self.navn is not None and self.navn.search(f.fagnavn) is not None))


@functools.lru_cache(maxsize=1)
def grupper() -> tuple[Gruppe, ...]:
    """The groups of data/fagkoder.yaml, their name patterns compiled once."""
    return tuple(Gruppe(gid, g["beskrivelse"], frozenset(g.get("fagkoder", [])),
                        tuple(g.get("prefiks", [])),
                        re.compile(g["navn"], re.IGNORECASE) if g.get("navn") else None)
                 for gid, g in data()["grupper"].items())


@dataclass(frozen=True, slots=True)
class _Oppslag:
    """The groups arranged for one row at a time: fagkode → groups, (prefix, group) pairs, and
    all name patterns as one alternation (it matches a name exactly when one of them does)."""

    per_fagkode: dict[str, frozenset[str]]
    prefikser: tuple[tuple[str, str], ...]
    alle_navn: re.Pattern
    med_navn: tuple[Gruppe, ...]


@functools.lru_cache(maxsize=1)
def _oppslag() -> _Oppslag:
    per_fagkode: dict[str, set[str]] = {}
    for g in grupper():
        for k in g.fagkoder:
            per_fagkode.setdefault(k, set()).add(g.id)
    med_navn = tuple(g for g in grupper() if g.navn is not None)
    return _Oppslag({k: frozenset(v) for k, v in per_fagkode.items()},
                    tuple((p, g.id) for g in grupper() for p in g.prefiks),
                    re.compile("|".join(f"(?:{g.navn.pattern})" for g in med_navn),
                               re.IGNORECASE), med_navn)


def grupper_for(f: FagKoder) -> set[str]:
    """The groups of data/fagkoder.yaml a fag row belongs to (by code, prefix or Grep name).

    Same answer as ``{g.id for g in grupper() if g.omfatter(f)}``, looked up instead of tried
    group by group: most names match no group's pattern, so one search with all patterns at
    once comes first (``_Oppslag.alle_navn``). Measured under valgrind on bench/sjekk.py's mix:
    all checks of a document ran 2.58 million instructions trying every group for every row,
    and 2.28 million with the look-up (docs/decisions.md, issue 13)."""
    o = _oppslag()
    ut = set(o.per_fagkode.get(f.fagkode, ()))
    ut.update(gid for p, gid in o.prefikser if f.fagkode.startswith(p))
    if o.alle_navn.search(f.fagnavn) is not None:
        ut.update(g.id for g in o.med_navn if g.navn.search(f.fagnavn) is not None)
    return ut


def medlemmer(ktx) -> dict[str, list[tuple[int | None, FagKoder]]]:
    """The printed rows of each group (computed once per document, ``Kontekst.per_dokument``)."""
    ut: dict[str, list[tuple[int | None, FagKoder]]] = {}
    for i, f in ktx.trykte_fag():
        for g in grupper_for(f):
            ut.setdefault(g, []).append((i, f))
    return ut


def _utelukker(e: dict):
    par = [tuple(p) for p in e["par"]]

    def sjekk(ktx):
        m = ktx.per_dokument(medlemmer)
        gr = data()["grupper"]
        for a, b in par:
            if a in m and b in m:
                ka, kb = [f.fagkode for _, f in m[a]], [f.fagkode for _, f in m[b]]
                yield Avvik(f"{gr[a]['beskrivelse']} ({', '.join(ka)}) og "
                            f"{gr[b]['beskrivelse']} ({', '.join(kb)}) kan ikke stå på "
                            "samme dokument", fagkode=kb[0])

    return sjekk


for _e in data()["utelukker"]:
    _fn = _utelukker(_e)
    _fn.__name__ = _fn.__qualname__ = _e["id"].lower().replace("-", "_")
    _fn.__doc__ = f"Ref: {_e['ref']} — «{_e['sitat']}»"
    registrer(Kontroll(_e["id"], _e["ref"], FEIL, _e["sitat"][:80], _fn, DOKUMENT))


@functools.lru_cache(maxsize=1)
def _norsk() -> tuple[str, tuple[tuple[re.Pattern, str], ...], str]:
    """data/fagkoder.yaml «norsk»: the prefix, the variants' name patterns (compiled once) and
    the ordinary variant's description."""
    n = data()["norsk"]
    return (n["prefiks"], tuple((re.compile(v["navn"], re.IGNORECASE), v["beskrivelse"])
                                for v in n["varianter"]), n["ordinaer"])


def norskvariant(f: FagKoder) -> str | None:
    """The variant of norskfaget a NOR fellesfag belongs to (data/fagkoder.yaml «norsk»)."""
    prefiks, varianter, ordinaer = _norsk()
    if f.fagtype is not Fagtype.FF or not f.fagkode.startswith(prefiks):
        return None
    for monster, beskrivelse in varianter:
        if monster.search(f.fagnavn):
            return beskrivelse
    return ordinaer


@kontroll("NORSK-VARIANTER", "001 §4.5", FEIL, "To varianter av norskfaget", trenger=DOKUMENT)
def norsk_varianter(ktx):
    """Ref: 001 §4.5 — «Dere kan heller ikke føre to varianter av norskfaget på samme
    dokumentasjon, f.eks. ordinær norsk kan ikke føres sammen med norsk for døve og sterkt
    tunghørte eller norsk for samisk som førstespråk eller norsk for samisk/finsk som andrespråk».
    Variants are told apart by the Grep name (data/fagkoder.yaml)."""
    varianter: dict[str, list[str]] = {}
    for _, f in ktx.trykte_fag():
        v = norskvariant(f)
        if v:
            varianter.setdefault(v, []).append(f.fagkode)
    if len(varianter) > 1:
        deler = "; ".join(f"{v}: {', '.join(k)}" for v, k in sorted(varianter.items()))
        yield Avvik(f"to varianter av norskfaget på samme dokument ({deler})")


@kontroll("KROPPSOVING-ID-MDD", "001 §4.5", FEIL, "Kroppsøving på idrettsfag og MDD",
          trenger=DOKUMENT)
def kroppsoving_id_mdd(ktx):
    """Ref: 001 §4.5 — «Kroppsøving som fellesfag kan dere ikke føre på dokumentasjon for
    utdanningsprogram for idrettsfag og musikk, dans og drama.» The document is «for» the
    programme of its highest programme area line (after kryssløp from vg1 ID/MD the 56-hour
    kroppsøving KRO1015/KRO1016 stands, 001 §9.3)."""
    linjer = ktx.koder.programomrader
    if not linjer:
        return
    hoyeste = linjer[-1]
    if hoyeste.kode[:2] not in data()["uten_kroppsoving"]:
        return
    up = ktx.kv.utdanningsprogram.get(hoyeste.utdanningsprogram)
    for i, f in ktx.per_dokument(medlemmer).get("kroppsoving", ()):
        if f.fagtype is Fagtype.FF:
            yield Avvik(f"kroppsøving ({f.fagkode}) kan ikke stå på dokumentasjon for "
                        f"{(up.tekst('nb') if up and up.skrives_ut else '') or hoyeste.kode}",
                        fagkode=f.fagkode, sti=fagsti(i))


@kontroll("NATURFAG-SF-PABYGG", "001 §4.5", FEIL, "Naturfag 140 timer og naturfag 84+56 timer",
          trenger=MAPPE)
def naturfag_sf_pabygg(ktx):
    """Ref: 001 §4.5 — «Dere kan heller ikke føre naturfag 140 timer (vg1 studieforberedende)
    sammen med naturfag 84+56 timer (yrkesfag vg1+vg3 påbygging til generell studiekompetanse).»
    Formalised by the programme area line of the NAT fellesfag rows (``rules.linje.fordel``): one
    on a studieforberedende line (not påbygging) and one on a påbygging or yrkesfag line."""
    naturfag = [(k, f) for k, f in ktx.trykte_fag()
                if f.fagtype is Fagtype.FF and f.fagkode.startswith("NAT")]
    if len(naturfag) < 2:
        return
    sf, andre = [], []
    linjer_for: dict[int, list] = {}
    for p, rader in zip(ktx.mappe.programomrader, ktx.beslutning.fordeling, strict=True):
        for k in rader:
            linjer_for.setdefault(k, []).append(p)
    for k, f in naturfag:
        for p in linjer_for.get(k, ()):
            if lop.er_pabygging(p) or lop.studieforberedende(p, ktx.kv) is False:
                andre.append(f.fagkode)
            elif lop.studieforberedende(p, ktx.kv):
                sf.append(f.fagkode)
    if sf and andre and set(sf) != set(andre):
        yield Avvik(f"naturfag fra studieforberedende vg1 ({', '.join(sorted(set(sf)))}) og naturfag "
                    f"fra yrkesfag/påbygging ({', '.join(sorted(set(andre)))}) kan ikke stå sammen",
                    fagkode=sorted(set(andre))[0])


@kontroll("VOKSEN-KROPPSOVING", "001 §7.4", FEIL, "Ikke kroppsøving for voksne (kapittel 4A)",
          trenger=MAPPE)
def voksen_kroppsoving(ktx):
    """Ref: 001 §7.4 — «Voksne som får opplæring etter opplæringsloven kapittel 4A skal ikke ha
    kroppsøving. Det betyr at kroppsøvingsfaget ikke skal stå på vitnemålet.»"""
    if ktx.mappe.person.status is not Status.VOKSEN:
        return
    for i, f in ktx.per_dokument(medlemmer).get("kroppsoving", ()):
        if f.fagtype is Fagtype.FF:
            yield Avvik(f"kroppsøving ({f.fagkode}) skal ikke stå på dokumentasjon for voksne "
                        "(opplæringsloven kapittel 4A)", fagkode=f.fagkode, sti=fagsti(i))
