"""Ref: 004 generelt — dated rule sets (adding a year is adding a file) and the CLI."""

from __future__ import annotations

import json
import shutil

import pytest

from vitnemal.cli import main
from vitnemal.errors import InputError, UnknownRuleSetError
from vitnemal.rules.fullfortkode import _kompiler
from vitnemal.rules.regelsett import DATA, velg_regelsett

from .scenario_support import SCENARIOS


def test_new_year_is_a_new_file(tmp_path):
    shutil.copy(DATA / "fullfortkode_2025-2026.yaml", tmp_path)
    tekst = (DATA / "fullfortkode_2025-2026.yaml").read_text(encoding="utf-8")
    tekst = (tekst.replace('navn: "2025-2026"', 'navn: "2026-2027"')
             .replace("gyldig_fra: 2025-08-01\ngyldig_til: 2026-07-31",
                      "gyldig_fra: 2026-08-01\ngyldig_til: 2027-07-31"))
    (tmp_path / "fullfortkode_2026-2027.yaml").write_text(tekst, encoding="utf-8")
    assert velg_regelsett("2026-2027", katalog=tmp_path).navn == "2026-2027"
    assert velg_regelsett("2025-2026", katalog=tmp_path).navn == "2025-2026"
    with pytest.raises(UnknownRuleSetError, match="2027-2028"):
        velg_regelsett("2027-2028", katalog=tmp_path)


def test_unknown_rule_id_is_a_clear_error(tmp_path):
    tekst = (DATA / "fullfortkode_2025-2026.yaml").read_text(encoding="utf-8")
    (tmp_path / "fullfortkode_x.yaml").write_text(
        tekst.replace("  - b_bestatt", "  - b_bestatt\n  - finnes_ikke"), encoding="utf-8")
    with pytest.raises(UnknownRuleSetError, match="finnes_ikke"):
        _kompiler(velg_regelsett("2025-2026", katalog=tmp_path))


def test_malformed_skolear():
    with pytest.raises(InputError, match="ugyldig skoleår"):
        velg_regelsett("2025/26")


def _mappe_fil(tmp_path):
    import yaml

    from .scenario_support import PERSON, UTSTEDER
    data = {"person": PERSON, "utsteder": UTSTEDER,
            "programomrader": [{"kode": "STSSA1----", "navn": "Studiespesialisering",
                                "niva": "vg1", "skolear": "2025-2026"}],
            "fag": [{"fagkode": "NAT1007", "fagnavn": "Naturfag", "fagtype": "FF",
                     "trinn": "vg1", "termin": "V2026", "standpunkt": "IV"}]}
    fil = tmp_path / "elev.yaml"
    fil.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return fil


def test_cli_text(tmp_path, capsys):
    assert main(["fullfortkode", str(_mappe_fil(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "STSSA1---- vg1 2025-2026: M" in out and "NAT1007" in out and "004 vg1" in out


def test_cli_json(tmp_path, capsys):
    assert main(["fullfortkode", "--json", "--skolear", "2025-2026", str(_mappe_fil(tmp_path))]) == 0
    [post] = json.loads(capsys.readouterr().out)
    [fk] = post["fullfortkoder"]
    assert (fk["kode"], fk["regel"], fk["avgjorende_fag"]) == ("M", "m_mangler_vurdering", ["NAT1007"])


def test_cli_unknown_year(tmp_path, capsys):
    assert main(["fullfortkode", "--skolear", "2030-2031", str(_mappe_fil(tmp_path))]) == 2
    assert "ingen regler for fullførtkode for skoleåret 2030-2031" in capsys.readouterr().err


def test_cli_bad_file(tmp_path, capsys):
    fil = tmp_path / "feil.json"
    fil.write_text('{"person": {}}', encoding="utf-8")
    assert main(["fullfortkode", str(fil)]) == 2
    assert "feil.json" in capsys.readouterr().err


def test_scenario_dirs_exist():
    assert (SCENARIOS / "fullfortkode").is_dir() and (SCENARIOS / "bestatt").is_dir()
