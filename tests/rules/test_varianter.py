"""Ref: 004 generelt — a rule whose wording changes gets a dated variant under the same id; a
rule set uses the newest variant on or before its date."""

from __future__ import annotations

from datetime import date

import pytest

from vitnemal.rules import fullfortkode_regler as fr
from vitnemal.rules.fullfortkode import _kompiler
from vitnemal.rules.regelsett import velg_regelsett


def test_dated_variant_under_one_id(monkeypatch):
    monkeypatch.setattr(fr, "KODEREGLER", {k: list(v) for k, v in fr.KODEREGLER.items()})
    original = fr.variant("h_deltid", date(2025, 8, 1)).funksjon

    def h_deltid(lin):
        """Ref: 004 H — a changed wording of the same rule (test only)."""
        return None

    fr.koderegel(h_deltid, fra=date(2026, 8, 1))
    assert fr.variant("h_deltid", date(2025, 8, 1)).funksjon is original
    assert fr.variant("h_deltid", date(2026, 8, 1)).funksjon is h_deltid
    assert fr.variant("h_deltid", date(2030, 1, 1)).ref == "004 H"
    rs = velg_regelsett("2025-2026")
    _kompiler.cache_clear()
    try:
        assert dict(_kompiler(rs))["h_deltid"].funksjon is original
    finally:
        _kompiler.cache_clear()
    with pytest.raises(ValueError, match="registered twice"):
        fr.koderegel(h_deltid, fra=date(2026, 8, 1))


def test_every_rule_has_a_reference_and_one_undated_variant():
    for regel_id, varianter in fr.KODEREGLER.items():
        assert varianter[0].fra is None, regel_id
        assert all(v.ref.startswith("004 ") for v in varianter), regel_id
