"""Exit status, reports over mixed good and bad files, and the grammar of counts (issue 12,
«Messages»). README «Exit status»: 0 ok; 1 findings or refused; 2 unreadable input or wrong use.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from vitnemal.cli import main

DATO = ["--dato", "2026-06-20"]


@pytest.fixture
def filer(tmp_path, eksempler, minimal):
    """A good elevmappe, one that breaks the guideline (FEIL), one that is no valid elevmappe
    and one that cannot be read at all."""
    god = tmp_path / "god.json"
    god.write_bytes((eksempler / "01-studiespesialisering-realfag.json").read_bytes())
    nektes = tmp_path / "nektes.json"
    nektes.write_bytes((eksempler / "nektes" / "01-feil-i-foringen.json").read_bytes())
    ugyldig = tmp_path / "ugyldig.yaml"
    minimal["orden"] = "X"
    ugyldig.write_text(yaml.safe_dump(minimal), encoding="utf-8")
    ulesbar = tmp_path / "ulesbar.json"
    ulesbar.write_text('{"versjon": ' + "9" * 5000 + "}", encoding="utf-8")
    return {"god": str(god), "nektes": str(nektes), "ugyldig": str(ugyldig),
            "ulesbar": str(ulesbar)}


def _status(capsys, *argv) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


@pytest.mark.parametrize(("kommando", "hvilke", "ventet"), [
    (["valider"], ["god"], 0),
    (["valider"], ["god", "ugyldig"], 1),
    (["valider"], ["god", "ulesbar"], 2),
    (["valider"], ["ugyldig", "ulesbar"], 2),
    (["sjekk", *DATO], ["god"], 0),
    (["sjekk", *DATO], ["god", "nektes"], 1),
    (["sjekk", *DATO], ["nektes", "ugyldig"], 2),
    (["sjekk", *DATO], ["god", "ulesbar"], 2),
    (["vis", *DATO], ["god", "nektes"], 0),
    (["vis", *DATO], ["god", "ugyldig"], 2),
    (["fullfortkode"], ["god", "nektes"], 0),
    (["fullfortkode"], ["god", "ulesbar"], 2),
    (["lag", "--utkast", *DATO], ["god", "nektes"], 0),
    (["lag", *DATO], ["god", "nektes"], 1),
    (["lag", *DATO], ["god", "ugyldig"], 2),
])
def test_avslutningsstatus(filer, tmp_path, capsys, kommando, hvilke, ventet):
    ut = ["-o", str(tmp_path / "ut")] if kommando[0] == "lag" else []
    status, _, _ = _status(capsys, *kommando, *(filer[h] for h in hvilke), *ut)
    assert status == ventet


@pytest.mark.parametrize(("argv", "ventet"), [
    (["fnr", "42059199202"], 0), (["fnr", "42059199202", "12345678901"], 1),
    (["fnr", "--dato", "i går", "42059199202"], 2),
    (["arshjul", "--dato", "2025-09-01"], 0), (["arshjul", "--fra", "2026-13-01"], 2),
    (["arshjul", "--kategori", "tull"], 2), (["valider", "--tull", "x.json"], 2),
    (["valider", "finnes-ikke.json"], 2), ([], 2),
])
def test_avslutningsstatus_uten_filer(argv, ventet, capsys):
    assert _status(capsys, *argv)[0] == ventet


@pytest.mark.parametrize("kommando", [["sjekk", *DATO], ["vis", *DATO], ["fullfortkode"]])
def test_en_darlig_fil_stopper_ikke_de_gode(filer, kommando, capsys):
    """Before: the first unreadable file aborted the run (or any bad one stopped everything),
    so the good files were never reported."""
    status, out, err = _status(capsys, *kommando, filer["ulesbar"], filer["god"], filer["ugyldig"])
    assert status == 2
    assert filer["god"] in out and filer["ulesbar"] not in out
    assert filer["ulesbar"] in err and filer["ugyldig"] in err
    assert "et tall har 5000 siffer" in err
    assert "feil: 2 feil i 2 filer; de andre filene er behandlet" in err


@pytest.mark.parametrize("kommando", [["valider"], ["sjekk", *DATO], ["vis", *DATO],
                                      ["fullfortkode"], ["lag", *DATO]])
def test_en_darlig_fil_i_en_mappe_skjuler_ikke_de_gode(filer, tmp_path, kommando, capsys):
    """A folder with a good, an invalid and an unreadable file: every command reports every
    file's problem and still handles the good one (``lag`` prints it). Before, ``lag`` wrote
    nothing when one file was bad."""
    mappe = Path(filer["god"]).parent
    ut = ["-o", str(tmp_path / "ut")] if kommando[0] == "lag" else []
    status, out, err = _status(capsys, *kommando, str(mappe), *ut)
    assert status == 2
    assert (str(tmp_path / "ut" / "god.pdf") if ut else filer["god"]) in out
    assert filer["ulesbar"] in out + err and filer["ugyldig"] in out + err
    assert "et tall har 5000 siffer" in out + err
    if kommando[0] == "lag":
        assert (tmp_path / "ut" / "god.pdf").exists()
        assert sorted(p.name for p in (tmp_path / "ut").iterdir()) == ["god.pdf"]


def test_sjekk_json_for_ulesbar_og_blandet(filer, capsys):
    """Before: ``sjekk --json`` printed nothing on stdout for unreadable input."""
    status, out, err = _status(capsys, "sjekk", "--json", *DATO, filer["ulesbar"], filer["god"],
                               filer["ugyldig"])
    assert status == 2 and err == ""
    svar = json.loads(out)
    assert [s["fil"] for s in svar] == [filer["ulesbar"], filer["god"], filer["ugyldig"]]
    ulesbar, god, ugyldig = svar
    assert god["kan_utstedes"] is True and god["problemer"] == [] and god["dokumenttype"]
    assert ulesbar["kan_utstedes"] is False and ulesbar["dokumenttype"] is None
    assert [p["lesbar"] for p in ulesbar["problemer"]] == [False]
    assert ugyldig["problemer"][0]["sti"] == "$.orden" and ugyldig["problemer"][0]["lesbar"]


def test_sjekk_json_bare_ulesbar(tmp_path, capsys):
    f = tmp_path / "tom.json"
    f.write_text("", encoding="utf-8")
    status, out, _ = _status(capsys, "sjekk", "--json", str(f))
    assert status == 2
    [svar] = json.loads(out)
    assert svar["problemer"][0]["melding"].startswith("filen er ikke gyldig JSON: forventet")


@pytest.mark.parametrize("kommando", [["vis"], ["fullfortkode"]])
def test_json_for_ulesbar_i_andre_kommandoer(filer, kommando, capsys):
    status, out, err = _status(capsys, *kommando, "--json", filer["ulesbar"], filer["god"])
    assert status == 2 and err == ""
    ulesbar, god = json.loads(out)
    assert ulesbar["problemer"][0]["lesbar"] is False and god["fil"] == filer["god"]


# --- messages -----------------------------------------------------------------------------------

def test_fodselsnummer_uten_anforselstegn_i_yaml(tmp_path, minimal, capsys):
    tekst = yaml.safe_dump(minimal).replace("'54030799203'", "54030799203")
    f = tmp_path / "m.yaml"
    f.write_text(tekst, encoding="utf-8")
    status, out, _ = _status(capsys, "valider", str(f))
    assert status == 1
    assert "skriv fødselsnummeret i anførselstegn" in out and "54030799203" not in out


def test_nan_og_sannhetsverdier_navngis(tmp_path, minimal, capsys):
    minimal["fravaer"][0].update(dager=float("nan"), timer=True)
    minimal["fag"][0]["omfang"] = False
    minimal["orden"] = True
    f = tmp_path / "m.json"
    f.write_text(json.dumps(minimal), encoding="utf-8")
    _, out, _ = _status(capsys, "valider", str(f))
    assert "$.fravaer[0].dager (fravær år 1): skal være et tall, ikke NaN" in out
    assert "$.fravaer[0].timer (fravær år 1): skal være et heltall, ikke true" in out
    assert "$.fag[0].omfang (fag ENG1007): skal være et heltall, ikke false" in out
    assert "$.orden (elevmappe): ugyldig verdi true; lovlige verdier er 'G', 'NG' eller 'LG'" in out


def test_sannhetsverdi_i_yaml_faar_hint(tmp_path, minimal, capsys):
    tekst = yaml.safe_dump(minimal).replace("orden: G", "orden: no")
    f = tmp_path / "m.yaml"
    f.write_text(tekst, encoding="utf-8")
    _, out, _ = _status(capsys, "valider", str(f))
    assert "ugyldig verdi false" in out and "leser YAML yes, no, on, off" in out


def test_lange_verdier_kortes_ned(tmp_path, minimal, capsys):
    minimal["orden"] = "X" * 100_000
    minimal["fag"][0]["fagkode"] = "Y" * 100_000
    minimal["z" * 100_000] = 1
    f = tmp_path / "m.json"
    f.write_text(json.dumps(minimal), encoding="utf-8")
    status, out, _ = _status(capsys, "valider", str(f))
    assert status == 1 and len(out) < 2000 and out.count("tegn utelatt") >= 3


# --- grammar of counts --------------------------------------------------------------------------

def test_entall_og_flertall(tmp_path, minimal, capsys):
    """Before: «1 dager», «alle 1 fag», «1 fil(er)», «1 av 1 dokumenter»."""
    minimal["fravaer"] = [{"ar": 1, "dager": 1, "timer": 1}]
    f = tmp_path / "m.json"
    f.write_text(json.dumps(minimal), encoding="utf-8")
    _, out, _ = _status(capsys, "vis", str(f), *DATO)
    assert "1. år: 1 dag, 1 time" in out
    _, out, _ = _status(capsys, "fullfortkode", str(f))
    assert "det ene faget som teller, er bestått" in out and "alle 1 fag" not in out
    tom = tmp_path / "tom.json"
    tom.write_text("", encoding="utf-8")
    _, _, err = _status(capsys, "sjekk", str(tom))
    assert "feil: 1 feil i 1 fil; ingenting er gjort" in err
    _, out, _ = _status(capsys, "lag", str(f), "-o", str(tmp_path / "ut"), *DATO)
    assert ", 1 side, " in out
    _, _, err = _status(capsys, "arshjul", "--skolear", "2025-2026", "--fra", "2025-08-01",
                        "--til", "2025-08-01", "--ics", str(tmp_path / "a.ics"))
    assert f"Skrev 1 hendelse til {tmp_path / 'a.ics'}" in err


def test_funn_som_siterer_inndata_kortes_ned(tmp_path, minimal, capsys):
    """A finding may quote the input (VMM31's parameter); text and JSON stay bounded."""
    minimal["vitnemalsmerknader"] = [{"kode": "VMM31", "parametre": ["x" * 100_000]}]
    f = tmp_path / "m.json"
    f.write_text(json.dumps(minimal), encoding="utf-8")
    status, out, _ = _status(capsys, "sjekk", str(f), *DATO)
    assert status == 1 and "VMM31" in out and len(out) < 5000
    status, out, _ = _status(capsys, "sjekk", "--json", str(f), *DATO)
    [svar] = json.loads(out)
    assert status == 1 and len(out) < 10_000
    assert any("tegn utelatt" in funn["melding"] for funn in svar["funn"])
