"""Ref: 004 generelt — run the scenario files (tests/scenarios/fullfortkode/*.yaml)."""

from __future__ import annotations

import pytest

from vitnemal.rules.fullfortkode import beregn

from .scenario_support import bygg_mappe, last_scenarier

SCENARIER = last_scenarier("fullfortkode")


def test_every_file_has_scenarios_and_refs():
    assert len(SCENARIER) >= 40
    for sid, doc, sc in SCENARIER:
        assert doc["ref"].startswith("004"), sid
        assert sc.get("ref") and sc.get("setning"), f"{sid}: scenario must cite sheet and sentence"


def test_every_code_is_covered():
    koder = {e["kode"] for _, _, sc in SCENARIER for e in sc["expected"]}
    assert koder >= set("BIMAHSLK")


@pytest.mark.parametrize(("sid", "doc", "sc"), SCENARIER, ids=[s[0] for s in SCENARIER])
def test_scenario(sid, doc, sc):
    resultat = beregn(bygg_mappe(sc["input"], doc["skolear"]), eksempler=bool(doc.get("eksempler")))
    forventet = sc["expected"]
    assert len(resultat) == len(forventet), [r.as_dict() for r in resultat]
    for r, e in zip(resultat, forventet, strict=True):
        faktisk = {"programomrade": r.programomrade, "skolear": r.skolear, "kode": r.kode,
                   "regel": r.regel, "ref": r.ref, "avgjorende_fag": sorted(r.avgjorende_fag)}
        for felt in ("programomrade", "skolear", "kode", "regel", "ref"):
            if felt in e:
                assert faktisk[felt] == e[felt], (felt, r.as_dict())
        if "avgjorende_fag" in e:
            assert faktisk["avgjorende_fag"] == sorted(e["avgjorende_fag"]), r.as_dict()
        for tekst in e.get("forklaring_inneholder", []):
            assert tekst in r.forklaring, (tekst, r.forklaring)
