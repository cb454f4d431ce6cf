"""The engine's shortcut: a rule whose ``bare_nar`` is falsy on a line is not called
(``fullfortkode_regler.regel``). It must never change a result, so no rule may apply while its
guard is falsy, and results with and without guards must be identical."""

from __future__ import annotations

from operator import attrgetter

import pytest
from hypothesis import given

from vitnemal.rules import fullfortkode
from vitnemal.rules.fullfortkode import beregn, vurder_linje
from vitnemal.rules.fullfortkode_regler import BARE_NAR, KODEREGLER
from vitnemal.rules.linje import bygg_linjer

from .scenario_support import bygg_mappe, last_scenarier
from .test_properties_fullfortkode import SETTINGS, mappe_input

SCENARIER = last_scenarier("fullfortkode")


def _sjekk_vakter(mappe) -> None:
    for lin in bygg_linjer(mappe, fullfortkode._regelsett_eller_none):
        if lin.par is None:
            continue
        for navn, sti in BARE_NAR.items():
            if sti is not None and not attrgetter(sti)(lin):
                assert KODEREGLER[navn](lin) is None, (navn, lin.programomrade)


def test_guarded_rules_exist():
    assert sum(v is not None for v in BARE_NAR.values()) >= 8
    assert BARE_NAR["b_bestatt"] is None  # the last rule always applies


@pytest.mark.parametrize(("sid", "doc", "sc"), SCENARIER, ids=[s[0] for s in SCENARIER])
def test_no_rule_applies_while_its_guard_is_falsy_scenarios(sid, doc, sc):
    _sjekk_vakter(bygg_mappe(sc["input"]))


@SETTINGS
@given(mappe_input())
def test_no_rule_applies_while_its_guard_is_falsy(inp):
    _sjekk_vakter(bygg_mappe(inp))


def test_guards_do_not_change_results(monkeypatch):
    mapper = [bygg_mappe(sc["input"]) for _, _, sc in SCENARIER]
    med = [beregn(m) for m in mapper]
    monkeypatch.setattr(fullfortkode, "BARE_NAR", dict.fromkeys(BARE_NAR))  # call every rule
    fullfortkode._kompiler.cache_clear()
    try:
        uten = [[vurder_linje(lin) for lin in bygg_linjer(m, fullfortkode._regelsett_eller_none)]
                for m in mapper]
    finally:
        fullfortkode._kompiler.cache_clear()
    assert uten == med
    assert len({fk.kode for res in med for fk in res}) >= 6


@SETTINGS
@given(mappe_input())
def test_all_guards_read_at_once_cover_every_guard(inp):
    """``vurder_linje`` runs only the unguarded rules when the rule set's guards, read at once
    (``_kompiler(...).vakter``), are all falsy: then every single guard must be falsy too."""
    for lin in bygg_linjer(bygg_mappe(inp), fullfortkode._regelsett_eller_none):
        if lin.par is None:
            continue
        k = fullfortkode._kompiler(lin.par.regelsett)
        enkeltvis = [bool(vakt(lin)) for _, vakt in k.regler if vakt is not None]
        assert any(k.vakter(lin)) == any(enkeltvis)
        assert [i for i, (_, vakt) in enumerate(k.regler) if vakt is None] == list(k.uten_vakt)
