"""Ref: 001 §5.1 — run the pass-rule scenarios (tests/scenarios/bestatt/*.yaml)."""

from __future__ import annotations

import pytest

from vitnemal.model.elevmappe import Fag
from vitnemal.rules.bestatt import BESTATTREGLER, regel_bestatt, vurder_fag

from .scenario_support import bygg_fag, last_scenarier

SCENARIER = last_scenarier("bestatt")


def test_scenarios_cite_and_every_pass_rule_decides_one():
    """Coverage by id: every pass rule (``BESTATTREGLER`` and ``regel_bestatt``) is the deciding
    rule of at least one scenario, and every scenario names it."""
    assert all(sc["ref"].startswith(("001", "004")) and sc["setning"] for _, _, sc in SCENARIER)
    assert all(sc["expected"].get("regel") for _, _, sc in SCENARIER)
    regler = {sc["expected"]["regel"] for _, _, sc in SCENARIER}
    assert regler == {r.__name__ for r in (*BESTATTREGLER, regel_bestatt)}


@pytest.mark.parametrize(("sid", "doc", "sc"), SCENARIER, ids=[s[0] for s in SCENARIER])
def test_scenario(sid, doc, sc):
    fag = Fag(**bygg_fag({"fagkode": "NOR1260", **sc["input"]}, skolear=doc["skolear"]))
    v = vurder_fag(fag)
    assert v.utfall.value == sc["expected"]["utfall"], v
    if "ref" in sc["expected"]:
        assert v.ref == sc["expected"]["ref"], v
    assert v.regel == sc["expected"]["regel"], v
    assert "NOR1260" in v.grunn
