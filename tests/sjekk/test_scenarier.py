"""Scenario files (tests/scenarios/sjekk/*.yaml): each check fires where the guideline says it
should and stays silent where the record follows the paragraph."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from vitnemal.dokument.model import Dokumenttype
from vitnemal.rules.regelsett import skolear_start
from vitnemal.sjekk import katalog, sjekk

SCENARIER = Path(__file__).parents[1] / "scenarios" / "sjekk"
DAG = date(2026, 6, 20)


def _filer():
    return sorted(p for p in SCENARIER.glob("*.yaml") if not p.name.startswith("_"))


def utstedelsesdag(skolear: str) -> date:
    """The default issue date of a scenario file: 20 June at the end of its school year."""
    return date(skolear_start(skolear).year + 1, 6, 20)


def _tilfeller():
    for path in _filer():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        dag = utstedelsesdag(data["skolear"])
        for cid, s in data["sjekker"].items():
            for t in s["tilfeller"]:
                yield pytest.param(cid, s, t, dag, id=f"{path.stem}:{cid}:{t['navn']}")


_TYPE = {"V": Dokumenttype.VITNEMAL, "K": Dokumenttype.KOMPETANSEBEVIS, None: None}


@pytest.mark.parametrize(("cid", "sjekkdata", "tilfelle", "dag"), list(_tilfeller()))
def test_tilfelle(cid, sjekkdata, tilfelle, dag, mappe_fra, etter_lasting):
    inp = tilfelle["input"]
    m = mappe_fra(inp)
    if "etter_lasting" in tilfelle:
        m = etter_lasting(m, tilfelle["etter_lasting"])
    today = tilfelle.get("today", dag)
    r = sjekk(m, today=today, dokumenttype=_TYPE[tilfelle.get("dokumenttype")],
              testdata=bool(inp.get("testdata")))
    ids = {f.regel for f in r.funn}
    if tilfelle.get("forventer"):  # a positive case pins every FEIL (a double report shows)
        assert "feil" in tilfelle, "a positive case lists the complete FEIL ids («feil:»)"
        assert sorted(f.regel for f in r.funn if f.alvorlighet.value == "FEIL") == sorted(
            tilfelle["feil"]), [(f.regel, f.melding) for f in r.funn]
    for forventet in tilfelle.get("forventer", []):
        assert forventet in ids, (forventet, [(f.regel, f.melding) for f in r.funn])
    for ikke in tilfelle.get("ikke", []):
        assert ikke not in ids, [(f.regel, f.melding) for f in r.funn if f.regel == ikke]
    if "dokument" in tilfelle:
        assert r.dokumenttype is _TYPE[tilfelle["dokument"]], r.beslutning.grunner
    for f in r.funn:
        if f.regel == cid:
            assert f.paragraf == sjekkdata["ref"]


def test_hver_sjekk_har_scenario_som_slar_til_og_som_ikke_slar_til():
    slar_til, stille = set(), set()
    for path in _filer():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for cid, s in data["sjekker"].items():
            for t in s["tilfeller"]:
                if cid in t.get("forventer", []):
                    slar_til.add(cid)
                if cid in t.get("ikke", []):
                    stille.add(cid)
    ids = {s.id for s in katalog()}
    assert ids - slar_til == set(), "sjekker uten tilfelle som slår til"
    assert ids - stille == set(), "sjekker uten tilfelle som ikke slår til"


def test_scenariofilene_siterer_riktig_paragraf():
    refs = {s.id: s.ref for s in katalog()}
    for path in _filer():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for cid, s in data["sjekker"].items():
            assert refs.get(cid) == s["ref"], (path.name, cid)
            assert s.get("sitat"), (path.name, cid)


def test_grunnlagene_er_gyldige_vitnemal(mappe_fra):
    for base in ("studie", "yrkes"):
        r = sjekk(mappe_fra({"base": base}), today=DAG)
        assert r.kan_utstedes and r.dokumenttype is Dokumenttype.VITNEMAL, r.funn
