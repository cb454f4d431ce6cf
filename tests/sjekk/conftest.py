"""Building test records for the checks: a base from tests/scenarios/sjekk/_grunnlag.yaml plus edits."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
import yaml

from vitnemal.io.load import validate_data
from vitnemal.model.elevmappe import endret_uten_kontroll

SCENARIER = Path(__file__).parents[1] / "scenarios" / "sjekk"
DAG = date(2026, 6, 20)


def grunnlag() -> dict:
    return yaml.safe_load((SCENARIER / "_grunnlag.yaml").read_text(encoding="utf-8"))


def bygg(inp: dict) -> dict:
    """A record from a scenario input: ``base`` plus ``sett`` (top-level keys replaced), ``person``
    / ``utsteder`` (merged), ``fag_endre`` {fagkode: fields}, ``fag_fjern`` [fagkode],
    ``fag_legg_til`` [rows], ``programomrader_legg_til`` [lines]."""
    data = copy.deepcopy(grunnlag()[inp.get("base", "studie")])
    for k in ("person", "utsteder"):
        data[k].update(inp.get(k, {}))
    for k, v in inp.get("sett", {}).items():
        if v is None:
            data.pop(k, None)
        else:
            data[k] = v
    fjern = set(inp.get("fag_fjern", []))
    data["fag"] = [f for f in data["fag"] if f["fagkode"] not in fjern]
    for f in data["fag"]:
        for k, v in inp.get("fag_endre", {}).get(f["fagkode"], {}).items():
            if v is None:
                f.pop(k, None)
            else:
                f[k] = v
    data["fag"] += inp.get("fag_legg_til", [])
    data["programomrader"] += inp.get("programomrader_legg_til", [])
    for i, endring in inp.get("programomrader_endre", {}).items():
        data["programomrader"][int(i)].update(endring)
    return data


def mappe_fra(inp: dict):
    m, problems = validate_data(bygg(inp), "scenario", testdata=bool(inp.get("testdata")))
    assert not problems, [str(p) for p in problems]
    return m


@pytest.fixture(name="mappe_fra")
def _mappe_fra():
    return mappe_fra


@pytest.fixture(name="etter_lasting")
def _etter_lasting():
    return etter_lasting


def etter_lasting(m, endringer: dict):
    """Apply edits without validation (``utsteder.orgnr`` …), to reach checks that repeat facts
    the loader already enforces."""
    for sti, verdi in endringer.items():
        deler = sti.split(".")

        def sett(obj, deler, verdi=verdi):
            hode, *rest = deler
            if isinstance(obj, list):
                i = int(hode)
                ny = list(obj)
                ny[i] = sett(obj[i], rest, verdi) if rest else verdi
                return ny
            gammel = getattr(obj, hode)
            return endret_uten_kontroll(obj, **{hode: sett(gammel, rest, verdi) if rest else verdi})

        m = sett(m, deler)
    return m
