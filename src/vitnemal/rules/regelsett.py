"""Rule sets for fullførtkoder on a time axis (OpenFisca-style dated parameters).

``rules/data/fullfortkode.yaml`` holds the school years that have rules (``regelsett``), the
precedence order of the rules (``regler``) and the parameters that are not kodeverk code lists
(``parametre``). The order and every parameter are *dated value series*: one entry per change,
each with the date it holds from (``fra``), optionally until (``til``), and its source (seed,
title, paragraph). A rule set reads every series at its start date — 1 August of its school
year, the date of its lines — so adding a school year is adding a rule set entry and an entry
for what changed, nothing else. A school year whose date falls outside an entry of some series
cannot be loaded: the error names the series (a stale date fails loudly, it is never read
past).

Choosing a rule set: the one whose ``gyldig_fra``–``gyldig_til`` holds the date asked for.
Entries marked ``eksempel: true`` are not from the seeds: an example rule set is only chosen
when asked for (``eksempler=True``), and only an example rule set may read an example entry.

>>> velg_regelsett("2025-2026").navn
'2025-2026'
>>> velg_regelsett("2025-2026").verdi("iop_merknader")
['FAM05']
>>> velg_regelsett("1999-2000")
Traceback (most recent call last):
...
vitnemal.errors.UnknownRuleSetError: det finnes ingen regler for fullførtkode for skoleåret 1999-2000 (regelsett finnes for 2025-2026)
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from vitnemal.errors import InputError, UnknownRuleSetError
from vitnemal.io.les import Ulesbar, les_tekst
from vitnemal.io.struktur import les_struktur

DATA = Path(__file__).parent / "data"
FIL = "fullfortkode.yaml"
_SKOLEAR = re.compile(r"^(\d{4})-(\d{4})$")


@dataclass(frozen=True, slots=True)
class Kilde:
    """Where a dated value comes from: seed (``004``), its title, and the paragraph or sheet."""

    seed: str
    tittel: str
    paragraf: str

    @property
    def ref(self) -> str:
        """«004 vg1 NB», «001 §5.7» — as references are written elsewhere."""
        return f"{self.seed} {self.paragraf}"


@dataclass(frozen=True, slots=True)
class Parameter:
    """One entry of a dated series: the value from ``fra`` (until ``til``), and its source."""

    navn: str
    verdi: Any
    fra: date
    til: date | None
    kilde: Kilde
    merknad: str = ""
    eksempel: bool = False

    @property
    def ref(self) -> str:
        return self.kilde.ref


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity (one object per rule set)
class Regelsett:
    """The rules of one school year: the precedence order and the parameters in force on its
    start date (each the ``Parameter`` entry read there, with its source)."""

    navn: str
    gyldig_fra: date
    gyldig_til: date | None
    kilde: Kilde
    regler: tuple[str, ...]
    parametre: dict[str, Parameter] = field(default_factory=dict)
    fil: str = FIL
    eksempel: bool = False

    def verdi(self, navn: str) -> Any:
        try:
            return self.parametre[navn].verdi
        except KeyError:
            raise UnknownRuleSetError(
                f"regelsettet {self.navn} ({self.fil}) mangler parameteren {navn!r}") from None

    def gjelder(self, dag: date) -> bool:
        return self.gyldig_fra <= dag and (self.gyldig_til is None or dag <= self.gyldig_til)

    @property
    def versjon(self) -> str:
        """An identifier of exactly what this rule set decides with: its name and a hash of its
        rule order and the parameter values (with their dates) in force. Unchanged by entries
        of other years."""
        innhold = {"navn": self.navn, "fra": self.gyldig_fra.isoformat(),
                   "til": self.gyldig_til.isoformat() if self.gyldig_til else None,
                   "regler": list(self.regler),
                   "parametre": {k: [p.verdi, p.fra.isoformat()]
                                 for k, p in sorted(self.parametre.items())}}
        tekst = json.dumps(innhold, sort_keys=True, ensure_ascii=False, default=str)
        return f"{self.navn}+{hashlib.sha256(tekst.encode()).hexdigest()[:16]}"


def skolear_start(skolear: str) -> date:
    """1 August of the school year's first year («2025-2026» → 2025-08-01).

    >>> skolear_start("2025-2026")
    datetime.date(2025, 8, 1)
    """
    m = _SKOLEAR.match(skolear.strip())
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        raise InputError(f"ugyldig skoleår {skolear!r}; skriv to påfølgende år, f.eks. 2025-2026")
    return date(int(m.group(1)), 8, 1)


class _Leser:
    """Reads the data file, collecting every problem (file, entry, field) before raising."""

    def __init__(self, fil: str, kilder: dict[str, str]) -> None:
        self.fil, self.kilder, self.problemer = fil, kilder, []

    def feil(self, hvor: str, tekst: str) -> None:
        self.problemer.append(f"{self.fil}: {hvor}: {tekst}")

    def dato(self, verdi: Any, hvor: str, *, valgfri: bool = False) -> date | None:
        if verdi is None:
            if not valgfri:
                self.feil(hvor, "dato mangler")
            return None
        if isinstance(verdi, date):
            return verdi
        try:
            return date.fromisoformat(str(verdi))
        except ValueError:
            self.feil(hvor, f"ugyldig dato {verdi!r}")
            return None

    def kilde(self, verdi: Any, hvor: str) -> Kilde:
        if not isinstance(verdi, dict) or not verdi.get("seed") or not verdi.get("paragraf"):
            self.feil(f"{hvor}.kilde", "skal ha seed og paragraf, f.eks. {seed: \"004\", "
                      "paragraf: vg1}")
            return Kilde("?", "", "?")
        seed = str(verdi["seed"])
        tittel = str(verdi.get("tittel") or self.kilder.get(seed, ""))
        if not tittel and seed != "eksempel":
            self.feil(f"{hvor}.kilde", f"ukjent seed {seed!r} (ingen tittel under «kilder»)")
        return Kilde(seed, tittel, str(verdi["paragraf"]))

    def serie(self, navn: str, oppforinger: Any) -> list[Parameter]:
        hvor = f"{navn}"
        if not isinstance(oppforinger, list) or not oppforinger:
            self.feil(hvor, "skal være en liste med daterte verdier (fra, verdi, kilde)")
            return []
        ut: list[Parameter] = []
        for n, e in enumerate(oppforinger, start=1):
            h = f"{hvor}[{n}]"
            if not isinstance(e, dict) or "verdi" not in e:
                self.feil(h, "skal ha fra, verdi og kilde")
                continue
            fra = self.dato(e.get("fra"), f"{h}.fra")
            til = self.dato(e.get("til"), f"{h}.til", valgfri=True)
            if fra is None:
                continue
            if til is not None and til < fra:
                self.feil(f"{h}.til", "er før fra")
            if ut and fra <= ut[-1].fra:
                self.feil(f"{h}.fra", "verdiene skal stå i datoorden, én per endring")
            ut.append(Parameter(navn, e["verdi"], fra, til, self.kilde(e.get("kilde"), h),
                                str(e.get("merknad", "")).strip(), bool(e.get("eksempel"))))
        return ut

    def les(self, serie: list[Parameter], dag: date, rs_navn: str, eksempel: bool) -> Parameter | None:
        """The entry of ``serie`` in force on ``dag`` (None, with a problem, when none is)."""
        gjeldende = None
        for i, p in enumerate(serie):
            slutt = serie[i + 1].fra if i + 1 < len(serie) else None
            if p.fra <= dag and (slutt is None or dag < slutt) and (p.til is None or dag <= p.til):
                gjeldende = p
        navn = serie[0].navn if serie else "?"
        if gjeldende is None:
            datoer = ", ".join(f"{p.fra}–{p.til or ''}" for p in serie)
            self.feil(f"regelsett {rs_navn}", f"{navn} har ingen verdi for {dag.isoformat()} "
                      f"(verdier: {datoer}); legg til en datert verdi eller rett datoene")
        elif gjeldende.eksempel and not eksempel:
            self.feil(f"regelsett {rs_navn}", f"{navn} leser en eksempelverdi "
                      f"(fra {gjeldende.fra}); bare et eksempelregelsett kan gjøre det")
        return gjeldende


def _parse(path: Path) -> tuple[Regelsett, ...]:
    fil = path.name
    try:  # the bounded loader of every input file (size, depth, aliases, keys, messages)
        data = les_struktur(les_tekst(path), fil) or {}
    except Ulesbar as exc:
        raise InputError(exc.tekst(fil)) from None
    if not isinstance(data, dict):
        raise InputError(f"{fil}: filen skal inneholde ett objekt (kilder, regler, parametre, "
                         "regelsett)")
    les = _Leser(fil, {str(k): str(v) for k, v in (data.get("kilder") or {}).items()})
    regler = les.serie("regler", data.get("regler"))
    parametre = {str(navn): les.serie(str(navn), s)
                 for navn, s in (data.get("parametre") or {}).items()}
    sett = []
    for n, r in enumerate(data.get("regelsett") or [], start=1):
        hvor = f"regelsett[{n}]"
        if not isinstance(r, dict) or "navn" not in r:
            les.feil(hvor, "skal ha navn, gyldig_fra, gyldig_til og kilde")
            continue
        navn, eksempel = str(r["navn"]), bool(r.get("eksempel"))
        fra = les.dato(r.get("gyldig_fra"), f"{hvor}.gyldig_fra")
        til = les.dato(r.get("gyldig_til"), f"{hvor}.gyldig_til", valgfri=True)
        kilde = les.kilde(r.get("kilde"), hvor)
        if fra is None:
            continue
        orden = les.les(regler, fra, navn, eksempel)
        lest = {k: les.les(s, fra, navn, eksempel) for k, s in parametre.items() if s}
        sett.append(Regelsett(
            navn=navn, gyldig_fra=fra, gyldig_til=til, kilde=kilde,
            regler=tuple(orden.verdi) if orden else (),
            parametre={k: p for k, p in lest.items() if p is not None}, fil=fil,
            eksempel=eksempel))
    if not sett and not les.problemer:
        les.feil("regelsett", "ingen regelsett er oppgitt")
    if les.problemer:
        raise InputError(f"{fil} har {len(les.problemer)} feil:\n"
                         + "\n".join(f"  - {p}" for p in les.problemer))
    return tuple(sorted(sett, key=lambda r: r.gyldig_fra))


def kilder(katalog: Path = DATA) -> dict[str, str]:
    """The titles of the seeds the rule data cites, by seed («004» → «VIGO: Fullførtkoder …»)."""
    return {s.seed: s.tittel for r in _les(Path(katalog).resolve()) for s in
            [r.kilde, *(p.kilde for p in r.parametre.values())] if s.tittel}


def alle_regelsett(katalog: Path = DATA, *, eksempler: bool = False) -> tuple[Regelsett, ...]:
    """Every rule set of ``katalog``/fullfortkode.yaml, oldest first (read once); example rule
    sets only with ``eksempler``."""
    return tuple(r for r in _les(Path(katalog).resolve()) if eksempler or not r.eksempel)


@cache
def _les(katalog: Path) -> tuple[Regelsett, ...]:
    return _parse(katalog / FIL)


def velg_regelsett(skolear: str | None = None, *, dato: date | None = None,
                   katalog: Path = DATA, eksempler: bool = False) -> Regelsett:
    """Ref: 004 generelt — the rule set for a school year (or a date): the one whose validity
    holds its start date (1 August) or the date."""
    if (skolear is None) == (dato is None):
        raise ValueError("oppgi enten skolear eller dato")
    dag = skolear_start(skolear) if skolear is not None else dato
    alle = alle_regelsett(katalog, eksempler=eksempler)
    kandidater = [r for r in alle if r.gjelder(dag)]
    if not kandidater:
        finnes = ", ".join(r.navn for r in alle) or "ingen"
        hva = f"skoleåret {skolear}" if skolear is not None else f"datoen {dag.isoformat()}"
        raise UnknownRuleSetError(
            f"det finnes ingen regler for fullførtkode for {hva} (regelsett finnes for {finnes})")
    return max(kandidater, key=lambda r: r.gyldig_fra)
