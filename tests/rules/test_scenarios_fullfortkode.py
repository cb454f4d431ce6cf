"""Ref: 004 generelt — run the scenario files (tests/scenarios/fullfortkode/*.yaml)."""

from __future__ import annotations

import pytest

from vitnemal.rules.fullfortkode import KODER, beregn
from vitnemal.rules.regelsett import alle_regelsett

from .scenario_support import bygg_mappe, last_scenarier

SCENARIER = last_scenarier("fullfortkode")


def test_every_scenario_cites_and_pins_rule_and_explanation():
    for sid, doc, sc in SCENARIER:
        assert doc["ref"].startswith("004"), sid
        assert sc.get("ref") and sc.get("setning"), f"{sid}: scenario must cite sheet and sentence"
        for e in sc["expected"]:
            assert e.get("regel"), f"{sid}: every expectation names the deciding rule"
            assert e.get("forklaring_inneholder"), f"{sid}: every expectation pins the explanation"
            assert all(isinstance(t, str) and t.strip() for t in e["forklaring_inneholder"]), sid


def test_every_rule_and_code_decides_some_scenario():
    """Coverage by id: every rule of every rule set (and both answers without a code) decides
    at least one expectation, and every code of 004 is expected somewhere."""
    regler = {e["regel"] for _, _, sc in SCENARIER for e in sc["expected"]}
    alle = {r for rs in alle_regelsett(eksempler=True) for r in rs.regler}
    assert alle | {"ingen_regelsett", "ikke_dekket"} <= regler, sorted(alle - regler)
    koder = {e["kode"] for _, _, sc in SCENARIER for e in sc["expected"]}
    assert set(KODER) <= koder


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
