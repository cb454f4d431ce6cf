"""No fødselsnummer in a message (issue 12; house rule: never in a log line or error report):
wherever an input carries one — as the person's number with a stray character, as a key, in
a code or date field, behind a YAML tag — every command's messages show at most its first six
digits («540307*****»). ``vis`` prints the document itself, whose fødselsnummer is part of
it (001 §2.2); ``fnr`` analyses the number the user typed and shows it."""

from __future__ import annotations

import json

import pytest

from vitnemal.cli import main
from vitnemal.meldinger import begrens, kort, navn, skjul_fnr

FNR = "54030799203"  # the sample's (VIGO fictive) number
HALE = FNR[6:]
DATO = ["--dato", "2026-06-20"]


def _fil(tmp_path, eksempler, endre, navn_="a.json") -> str:
    data = json.loads((eksempler / "01-studiespesialisering-realfag.json").read_text("utf-8"))
    endre(data)
    p = tmp_path / navn_
    p.write_text(json.dumps(data), encoding="utf-8")
    return str(p)


def _sett(felt, verdi):
    def endre(data):
        obj = data
        *sti, siste = felt
        for k in sti:
            obj = obj[k]
        obj[siste] = verdi
    return endre


TILFELLER = {
    "tegn-i-nummeret": _sett(("person", "fodselsnummer"), FNR + "x"),
    "mellomrom-og-tegn": _sett(("person", "fodselsnummer"), f"{FNR[:6]} {HALE}x"),
    "som-nokkel": _sett(("person", FNR), 1),
    "i-kodefelt": _sett(("person", "status"), FNR),
    "i-datofelt": _sett(("utsteder", "utstedt"), FNR),
    "som-tall-i-tekstfelt": _sett(("person", "navn"), int(FNR)),
    "som-fagkode": _sett(("fag", 0, "fagkode"), FNR),
}


@pytest.mark.parametrize("tilfelle", sorted(TILFELLER))
@pytest.mark.parametrize("kommando", [["valider"], ["valider", "--json"], ["sjekk", *DATO],
                                      ["sjekk", "--json", *DATO], ["fullfortkode"],
                                      ["lag", "--json", *DATO], ["lag", *DATO]])
def test_ingen_fodselsnummer_i_meldinger(tmp_path, eksempler, capsys, tilfelle, kommando):
    """Before: «ukjent felt «54030799203»», «kan bare inneholde siffer: '54030799203x'»,
    «ugyldig verdi «54030799203»» …"""
    fil = _fil(tmp_path, eksempler, TILFELLER[tilfelle])
    ut = ["-o", str(tmp_path / "ut")] if kommando[0] == "lag" else []
    status = main([*kommando, fil, *ut])
    out, err = capsys.readouterr()
    assert status in (1, 2)
    assert HALE not in out + err, out + err
    assert fil in out + err  # the problem is reported, naming the file


def test_yaml_merke_med_nummer(tmp_path, capsys):
    """Before: a traceback quoting «invalid literal for int() with base 10: '54030799203x'»."""
    p = tmp_path / "a.yaml"
    p.write_text(f'person:\n  fodselsnummer: !!int "{FNR}x"\n', encoding="utf-8")
    assert main(["valider", str(p)]) == 2
    out, err = capsys.readouterr()
    assert "linje 2, kolonne 18: verdien kan ikke leses som det YAML-merket !!int sier" in out + err
    assert HALE not in out + err and "Traceback" not in err


def test_hjelperne_skjuler():
    assert skjul_fnr(f"a {FNR} b {FNR[:6]} {HALE}") == "a 540307***** b 540307*****"
    assert kort(FNR) == "«540307*****»" and kort(int(FNR)) == "540307*****"
    assert navn(FNR) == "540307*****" and HALE not in begrens(f"x{FNR}x" * 3)
    # a document number (18 digits after the letter) and other numbers stay as they are
    assert skjul_fnr("V974544482202600123, 974544482, 2026") == \
        "V974544482202600123, 974544482, 2026"


def test_fnr_viser_nummeret_brukeren_spurte_om(capsys):
    assert main(["fnr", FNR]) == 0
    assert capsys.readouterr().out.startswith(f"{FNR}: gyldig")
    assert main(["fnr", FNR + "x"]) == 1
    out = capsys.readouterr().out
    assert out == f"{FNR}x: avvist: fødselsnummeret kan bare inneholde siffer; tegn nr. 12 er 'x'\n"
