"""Build elevmapper from the short scenario format (tests/scenarios/*/*.yaml).

Every scenario file names its school year (``skolear``). A scenario's ``input`` gives person
(merged over a synthetic default), programomrader and fag; missing fields get defaults:
programområde navn = kode and the file's school year; fag fagnavn = fagkode, fagtype FF, termin
the spring of that school year (V2026 for 2025-2026), trinn = the first line's level,
eksamensform S when an exam grade is given. Fødselsnummer: VIGO fictive numbers (seed 003).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from vitnemal.model import Elevmappe
from vitnemal.rules.regelsett import skolear_start

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"

PERSON = {"navn": "Test Testesen", "fodselsnummer": "42059199202", "status": "elev"}
UTSTEDER = {
    "skolenavn": "Nordlys videregående skole",
    "orgnr": "974544482",
    "sted": "Oslo",
    "underskrivere": ["Rektor Rektorsen", "Avdelingsleder Avdeling"],
}


def var(skolear: str) -> str:
    """The spring term of a school year: «2025-2026» → «V2026»."""
    return f"V{skolear[5:]}"


def bygg_fag(rad: dict, trinn: str = "vg1", skolear: str = "2025-2026") -> dict:
    fag = {"fagnavn": rad["fagkode"], "fagtype": "FF", "termin": var(skolear), "trinn": trinn}
    fag.update(rad)
    if fag.get("eksamen") is not None and "eksamensform" not in fag:
        fag["eksamensform"] = "S"
    return fag


def bygg_mappe(inp: dict, skolear: str = "2025-2026") -> Elevmappe:
    linjer = [{"navn": p["kode"], "skolear": skolear, **p} for p in inp.get("programomrader", [])]
    trinn = linjer[0]["niva"] if linjer else "vg1"
    data = {
        "person": {**PERSON, **inp.get("person", {})},
        "utsteder": UTSTEDER,
        "programomrader": linjer,
        "fag": [bygg_fag(r, trinn, skolear) for r in inp.get("fag", [])],
    }
    return Elevmappe.model_validate(data)


def last_scenarier(katalog: str) -> list[tuple[str, dict, dict]]:
    """(id, file header, scenario) for every scenario in tests/scenarios/<katalog>/; every file
    names its school year."""
    ut = []
    for fil in sorted((SCENARIOS / katalog).glob("*.yaml")):
        doc = yaml.safe_load(fil.read_text(encoding="utf-8"))
        skolear_start(doc["skolear"])  # required, and a real school year
        for sc in doc["scenarier"]:
            ut.append((f"{fil.stem}:{sc['navn']}", doc, sc))
    return ut
