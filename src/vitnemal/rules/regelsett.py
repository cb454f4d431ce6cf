"""Dated rule sets for fullførtkoder: one YAML file per school year under ``rules/data``.

A rule set holds the precedence order of the rules (rule ids, see
``vitnemal.rules.fullfortkode_regler``) and the parameters that are not kodeverk code lists,
each with ``gyldig_fra``/``gyldig_til`` and a guideline ``ref``. Choosing a rule set: the one
with the newest ``gyldig_fra`` on or before the date asked for, whose ``gyldig_til`` (if any)
is not before it. Adding a school year is adding a file, not editing conditionals.

>>> velg_regelsett("2025-2026").navn
'2025-2026'
>>> velg_regelsett("1999-2000")
Traceback (most recent call last):
...
vitnemal.errors.UnknownRuleSetError: det finnes ingen regler for fullførtkode for skoleåret 1999-2000 (regelsett finnes for 2025-2026)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from vitnemal.errors import InputError, UnknownRuleSetError

DATA = Path(__file__).parent / "data"
_SKOLEAR = re.compile(r"^(\d{4})-(\d{4})$")


@dataclass(frozen=True, slots=True)
class Parameter:
    """One dated rule-set parameter with its guideline reference."""

    navn: str
    verdi: Any
    ref: str
    gyldig_fra: date | None = None
    gyldig_til: date | None = None
    merknad: str = ""


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity (one object per file)
class Regelsett:
    navn: str
    gyldig_fra: date
    gyldig_til: date | None
    kilde: str
    regler: tuple[str, ...]
    parametre: dict[str, Parameter] = field(default_factory=dict)
    fil: str = ""

    def verdi(self, navn: str) -> Any:
        try:
            return self.parametre[navn].verdi
        except KeyError:
            raise UnknownRuleSetError(
                f"regelsettet {self.navn} ({self.fil}) mangler parameteren {navn!r}"
            ) from None

    def gjelder(self, dag: date) -> bool:
        return self.gyldig_fra <= dag and (self.gyldig_til is None or dag <= self.gyldig_til)


def skolear_start(skolear: str) -> date:
    """1 August of the school year's first year («2025-2026» → 2025-08-01).

    >>> skolear_start("2025-2026")
    datetime.date(2025, 8, 1)
    """
    m = _SKOLEAR.match(skolear.strip())
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        raise InputError(f"ugyldig skoleår {skolear!r}; skriv to påfølgende år, f.eks. 2025-2026")
    return date(int(m.group(1)), 8, 1)


def _date(value: Any, fil: str, felt: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{fil}: {felt}: ugyldig dato {value!r}") from None


def _parse(path: Path) -> Regelsett:
    fil = path.name
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    try:
        parametre = {
            navn: Parameter(
                navn=navn,
                verdi=p["verdi"],
                ref=p["ref"],
                gyldig_fra=_date(p.get("gyldig_fra"), fil, f"parametre.{navn}.gyldig_fra"),
                gyldig_til=_date(p.get("gyldig_til"), fil, f"parametre.{navn}.gyldig_til"),
                merknad=p.get("merknad", ""),
            )
            for navn, p in (data.get("parametre") or {}).items()
        }
        return Regelsett(
            navn=str(data["navn"]),
            gyldig_fra=_date(data["gyldig_fra"], fil, "gyldig_fra"),
            gyldig_til=_date(data.get("gyldig_til"), fil, "gyldig_til"),
            kilde=str(data.get("kilde", "")),
            regler=tuple(data["regler"]),
            parametre=parametre,
            fil=fil,
        )
    except (KeyError, TypeError) as exc:
        raise InputError(f"{fil}: regelsettet mangler feltet {exc}") from None


def alle_regelsett(katalog: Path = DATA) -> tuple[Regelsett, ...]:
    """Every rule set file ``fullfortkode_*.yaml`` in ``katalog``, oldest first (read once)."""
    return _les(Path(katalog).resolve())


@cache
def _les(katalog: Path) -> tuple[Regelsett, ...]:
    sett = [_parse(p) for p in sorted(katalog.glob("fullfortkode_*.yaml"))]
    return tuple(sorted(sett, key=lambda r: r.gyldig_fra))


def velg_regelsett(
    skolear: str | None = None, *, dato: date | None = None, katalog: Path = DATA
) -> Regelsett:
    """Ref: 004 generelt — the rule set for a school year (or a date): newest start on or before it."""
    if (skolear is None) == (dato is None):
        raise ValueError("oppgi enten skolear eller dato")
    dag = skolear_start(skolear) if skolear is not None else dato
    kandidater = [r for r in alle_regelsett(katalog) if r.gjelder(dag)]
    if not kandidater:
        finnes = ", ".join(r.navn for r in alle_regelsett(katalog)) or "ingen"
        hva = f"skoleåret {skolear}" if skolear is not None else f"datoen {dag.isoformat()}"
        raise UnknownRuleSetError(
            f"det finnes ingen regler for fullførtkode for {hva} (regelsett finnes for {finnes})"
        )
    return max(kandidater, key=lambda r: r.gyldig_fra)
