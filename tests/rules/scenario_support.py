"""Build elevmapper from the short scenario format (tests/scenarios/*/*.yaml).

A scenario's ``input`` gives person (merged over a synthetic default), programomrader and fag;
missing fields get defaults: programområde navn = kode and skoleår 2025-2026; fag fagnavn =
fagkode, fagtype FF, termin V2026, trinn = the first line's level, eksamensform S when an exam
grade is given. Fødselsnummer: VIGO fictive numbers (seed 003).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from vitnemal.model import Elevmappe

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"

PERSON = {"navn": "Test Testesen", "fodselsnummer": "42059199202", "status": "elev"}
UTSTEDER = {
    "skolenavn": "Nordlys videregående skole",
    "orgnr": "974544482",
    "sted": "Oslo",
    "underskrivere": ["Rektor Rektorsen", "Avdelingsleder Avdeling"],
}


def bygg_fag(rad: dict, trinn: str = "vg1") -> dict:
    fag = {"fagnavn": rad["fagkode"], "fagtype": "FF", "termin": "V2026", "trinn": trinn}
    fag.update(rad)
    if fag.get("eksamen") is not None and "eksamensform" not in fag:
        fag["eksamensform"] = "S"
    return fag


def bygg_mappe(inp: dict) -> Elevmappe:
    linjer = [{"navn": p["kode"], "skolear": "2025-2026", **p} for p in inp.get("programomrader", [])]
    trinn = linjer[0]["niva"] if linjer else "vg1"
    data = {
        "person": {**PERSON, **inp.get("person", {})},
        "utsteder": UTSTEDER,
        "programomrader": linjer,
        "fag": [bygg_fag(r, trinn) for r in inp.get("fag", [])],
    }
    return Elevmappe.model_validate(data)


def last_scenarier(katalog: str) -> list[tuple[str, dict, dict]]:
    """(id, file header, scenario) for every scenario in tests/scenarios/<katalog>/."""
    ut = []
    for fil in sorted((SCENARIOS / katalog).glob("*.yaml")):
        doc = yaml.safe_load(fil.read_text(encoding="utf-8"))
        for sc in doc["scenarier"]:
            ut.append((f"{fil.stem}:{sc['navn']}", doc, sc))
    return ut
