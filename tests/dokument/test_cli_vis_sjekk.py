"""CLI: ``vitnemal vis`` and ``vitnemal sjekk`` (exit 1 on FEIL, 2 on broken input)."""

from __future__ import annotations

import json

import yaml

from vitnemal.cli import main

GOD = {
    "person": {"navn": "Test Testesen", "fodselsnummer": "42059199202"},
    "utsteder": {"skolenavn": "Testbyen vgs", "orgnr": "974544482", "sted": "Testbyen",
                 "underskrivere": ["Rektor Rita", "Leder Arne"], "lopenummer": 7,
                 "utstedt": "2026-06-20"},
    "programomrader": [
        {"kode": "STSSA1----", "navn": "Studiespesialisering", "niva": "vg1", "skolear": "2023-2024"},
        {"kode": "STREA2----", "navn": "Realfag", "niva": "vg2", "skolear": "2024-2025"},
        {"kode": "STREA3----", "navn": "Realfag", "niva": "vg3", "skolear": "2025-2026"},
    ],
    "fag": [{"fagkode": "HIS1010", "fagnavn": "Historie", "fagtype": "FF", "omfang": 140,
             "trinn": "vg3", "termin": "V2026", "standpunkt": 5}],
    "orden": "G", "adferd": "G", "fravaer": [{"ar": 1, "dager": 0, "timer": 0}],
}


def skriv(tmp_path, data, navn="m.yaml"):
    p = tmp_path / navn
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(p)


def test_vis_text(tmp_path, capsys):
    assert main(["vis", skriv(tmp_path, GOD)]) == 0
    out = capsys.readouterr().out
    assert "VITNEMÅL" in out and "5 fem" in out and "V974544482202600007" in out


def test_vis_json(tmp_path, capsys):
    assert main(["vis", "--json", skriv(tmp_path, GOD)]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["type"] == "V" and d["grupper"][0]["rader"][0]["standpunkt"] == "5 fem"


def test_sjekk_ok_exit_0(tmp_path, capsys):
    assert main(["sjekk", skriv(tmp_path, GOD)]) == 0
    out = capsys.readouterr().out
    assert "vitnemål, kan utstedes" in out and "FNR-FIKTIVT" in out


def test_sjekk_feil_exit_1_and_json(tmp_path, capsys):
    data = dict(GOD, vitnemalsmerknader=[{"kode": "VMM33", "parametre": ["01.12.2026"]}])
    f = skriv(tmp_path, data)
    assert main(["sjekk", f]) == 1
    assert "Feil (1)" in capsys.readouterr().out
    assert main(["sjekk", "--json", f]) == 1
    rapport = json.loads(capsys.readouterr().out)[0]
    funn = [x for x in rapport["funn"] if x["regel"] == "VMM33-VITNEMAL"]
    assert funn and funn[0]["paragraf"] == "001 §1.3" and funn[0]["alvorlighet"] == "FEIL"
    assert funn[0]["merknad"] == "VMM33" and rapport["kan_utstedes"] is False


def test_sjekk_broken_input_exit_2(tmp_path, capsys):
    assert main(["sjekk", skriv(tmp_path, {"person": {}})]) == 2
    assert "feltet mangler" in capsys.readouterr().err
