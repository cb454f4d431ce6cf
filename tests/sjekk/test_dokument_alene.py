"""Checks that run on a document alone (an NVB ¤-file carries no elevmappe): each check declares
what it needs, and a document read back from its serialised form gets the same findings from
the document checks as when it was issued."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml

from vitnemal.dokument.model import Dokument
from vitnemal.errors import InputError
from vitnemal.kodeverk import load
from vitnemal.sjekk import DOKUMENT, MAPPE, katalog, sjekk, sjekk_dokument
from vitnemal.sjekk.kontekst import Kontekst

from .conftest import DAG, mappe_fra

SCENARIER = Path(__file__).parents[1] / "scenarios" / "sjekk"


def _innganger():
    for path in sorted(SCENARIER.glob("[!_]*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for cid, s in data["sjekker"].items():
            for t in s["tilfeller"]:
                if "etter_lasting" not in t:
                    yield pytest.param(t["input"], t.get("today", DAG),
                                       id=f"{path.stem}:{cid}:{t['navn']}")


def test_hver_sjekk_sier_hva_den_trenger():
    trenger = {s.trenger for s in katalog()}
    assert trenger == {DOKUMENT, MAPPE}
    assert sum(s.trenger == DOKUMENT for s in katalog()) > sum(s.trenger == MAPPE for s in katalog())


@pytest.mark.parametrize(("inp", "dag"), list(_innganger()))
def test_dokumentsjekkene_gir_det_samme_pa_dokumentet_alene(inp, dag):
    r = sjekk(mappe_fra(inp), today=dag, testdata=bool(inp.get("testdata")))
    dokument_ids = {s.id for s in katalog() if s.trenger == DOKUMENT}
    forventet = sorted((f.regel, f.paragraf, f.alvorlighet, f.melding, f.fagkode, f.merknad)
                       for f in r.funn if f.regel in dokument_ids)
    lest = Dokument.from_dict(json.loads(json.dumps(r.dokument.as_dict())))
    alene = sjekk_dokument(lest, testdata=bool(inp.get("testdata")))
    assert sorted((f.regel, f.paragraf, f.alvorlighet, f.melding, f.fagkode, f.merknad)
                  for f in alene.funn) == forventet
    assert all(f.sti is None for f in alene.funn)  # no elevmappe to point into
    assert set(alene.ikke_kjort) == {s.id for s in katalog() if s.trenger == MAPPE}


def test_fagrader_uten_elevmappe():
    """A document whose rows came from elsewhere (no ``indeks``): findings name the fag."""
    r = sjekk(mappe_fra({"base": "studie", "fag_endre": {
        "MAT1021": {"fagkode": "MAT1019", "fagnavn": "Matematikk 1P"}},
        "fag_legg_til": [{"fagkode": "MAT1021", "fagnavn": "Matematikk 1T", "fagtype": "FF",
                          "omfang": 140, "trinn": "vg1", "termin": "V2024", "standpunkt": 4}]}),
              today=DAG)
    koder = dataclasses.replace(r.dokument.koder, fag=tuple(
        dataclasses.replace(f, indeks=None) for f in r.dokument.koder.fag))
    alene = sjekk_dokument(dataclasses.replace(r.dokument, koder=koder))
    [f] = [f for f in alene.funn if f.regel == "MATEMATIKK-T-P"]
    assert "MAT1019" in f.melding and "MAT1021" in f.melding and f.sti is None


def test_dokument_uten_koder_kan_ikke_kontrolleres():
    r = sjekk(mappe_fra({"base": "studie"}), today=DAG)
    with pytest.raises(InputError, match="kodede opplysninger"):
        Kontekst(dataclasses.replace(r.dokument, koder=None), load())
