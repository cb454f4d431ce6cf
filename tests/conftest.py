"""Shared fixtures: paths to bundled samples and a minimal valid elevmappe (synthetic person)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EKSEMPLER = ROOT / "eksempler"

MINIMAL = {
    "versjon": "1",
    "person": {"navn": "Test Testesen", "fodselsnummer": "54030799203", "status": "elev"},
    "utsteder": {
        "skolenavn": "Nordlys videregående skole",
        "orgnr": "974544482",
        "sted": "Oslo",
        "underskrivere": ["Rektor Rektorsen", "Avdelingsleder Avdeling"],
        "utstedt": "2026-06-19",
        "lopenummer": 1,
    },
    "programomrader": [
        {"kode": "STSSA1----", "navn": "Studiespesialisering",
         "utdanningsprogram": "Studiespesialisering", "niva": "vg1", "skolear": "2025-2026"}
    ],
    "fag": [
        {"fagkode": "ENG1007", "fagnavn": "Engelsk", "fagtype": "FF", "omfang": 140,
         "trinn": "vg1", "termin": "V2026", "standpunkt": 5},
    ],
    "orden": "G",
    "adferd": "G",
    "fravaer": [{"ar": 1, "dager": 0, "timer": 0}],
}


@pytest.fixture
def minimal() -> dict:
    return copy.deepcopy(MINIMAL)


@pytest.fixture
def eksempler() -> Path:
    return EKSEMPLER
