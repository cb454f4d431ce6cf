"""Ref: 004 generelt — dated rule sets (adding a year is adding a file) and the CLI."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml

from vitnemal.cli import main
from vitnemal.errors import InputError, UnknownRuleSetError
from vitnemal.rules.fullfortkode import _kompiler
from vitnemal.rules.parametre import parametre
from vitnemal.rules.regelsett import DATA, FIL, alle_regelsett, velg_regelsett

from .scenario_support import SCENARIOS


def _data() -> dict:
    return yaml.safe_load((DATA / FIL).read_text(encoding="utf-8"))


def _skriv(tmp_path, data) -> None:
    (tmp_path / FIL).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                encoding="utf-8")


def _nytt_ar(data, navn="2027-2028", fra=date(2027, 8, 1), til=date(2028, 7, 31)):
    data["regelsett"].append({"navn": navn, "gyldig_fra": fra, "gyldig_til": til,
                              "kilde": {"seed": "004", "paragraf": "generelt"}})
    return data


def test_a_new_year_is_a_rule_set_entry_and_the_entries_that_change(tmp_path):
    """Ref: 004 generelt — adding a school year adds data only: a rule set entry, and a dated
    entry for each parameter that changes; the earlier year is untouched (same identity)."""
    data = _nytt_ar(_data())
    data["parametre"]["fritak_merknader"].append(
        {"fra": date(2027, 8, 1), "verdi": ["FAM01", "FAM02"],
         "kilde": {"seed": "004", "paragraf": "vg1 NB"}})
    data["parametre"]["yf_vg2_halvar_programfag"].append(
        {"fra": date(2027, 8, 1), "verdi": False, "kilde": {"seed": "004", "paragraf": "vg2 OBS"}})
    _skriv(tmp_path, data)
    ny, gammel = (velg_regelsett(a, katalog=tmp_path) for a in ("2027-2028", "2025-2026"))
    assert ny.verdi("fritak_merknader") == ["FAM01", "FAM02"]
    assert ny.parametre["fritak_merknader"].fra == date(2027, 8, 1)
    assert ny.verdi("iop_merknader") == gammel.verdi("iop_merknader") == ["FAM05"]
    assert gammel.verdi("fritak_merknader") == ["FAM01", "FAM02", "FAM43"]
    assert gammel.versjon == velg_regelsett("2025-2026").versjon != ny.versjon
    with pytest.raises(UnknownRuleSetError, match="2028-2029"):
        velg_regelsett("2028-2029", katalog=tmp_path)


def test_a_stale_date_fails_loudly(tmp_path):
    """A parameter whose value ends before a school year that has rules is never read past:
    loading fails and names the parameter (its dates are read, not just parsed)."""
    data = _nytt_ar(_data())
    data["parametre"]["iop_merknader"][0]["til"] = date(2026, 7, 31)
    _skriv(tmp_path, data)
    with pytest.raises(InputError, match="iop_merknader har ingen verdi for 2027-08-01"):
        velg_regelsett("2025-2026", katalog=tmp_path)


def test_every_entry_names_its_source_and_the_series_are_in_date_order(tmp_path):
    data = _data()
    data["parametre"]["iop_merknader"].append({"fra": date(2020, 8, 1), "verdi": ["FAM05"]})
    _skriv(tmp_path, data)
    with pytest.raises(InputError) as exc:
        velg_regelsett("2025-2026", katalog=tmp_path)
    assert "iop_merknader[2].kilde" in str(exc.value) and "datoorden" in str(exc.value)


def test_every_rule_set_reads_every_parameter_and_rule():
    """Each declared rule set (examples included) compiles: all its rule ids exist and all
    parameters the engine reads have a value on its date."""
    for rs in alle_regelsett(eksempler=True):
        assert parametre(rs).regelsett is rs
        assert _kompiler(rs)
        assert set(rs.parametre) == set(_data()["parametre"])
        assert all(p.kilde.seed and p.kilde.paragraf and p.fra <= rs.gyldig_fra
                   for p in rs.parametre.values())


def test_unknown_rule_id_is_a_clear_error(tmp_path):
    data = _data()
    data["regler"][0]["verdi"].append("finnes_ikke")
    _skriv(tmp_path, data)
    with pytest.raises(UnknownRuleSetError, match="finnes_ikke"):
        _kompiler(velg_regelsett("2025-2026", katalog=tmp_path))


def test_malformed_skolear():
    with pytest.raises(InputError, match="ugyldig skoleår"):
        velg_regelsett("2025/26")


def _mappe_fil(tmp_path):
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


def test_the_example_year_is_used_only_when_asked_for():
    """The bundled 2026–2027 rule set is an example (not from the seeds): the CLI and the
    document flow never use it; asked for, it differs from 2025–2026 in one parameter."""
    with pytest.raises(UnknownRuleSetError, match="2026-2027"):
        velg_regelsett("2026-2027")
    eksempel = velg_regelsett("2026-2027", eksempler=True)
    ordinaer = velg_regelsett("2025-2026")
    assert eksempel.eksempel and not ordinaer.eksempel
    ulike = {k for k in ordinaer.parametre
             if ordinaer.verdi(k) != eksempel.verdi(k)}
    assert ulike == {"yf_vg2_halvar_programfag"}
    assert eksempel.regler == ordinaer.regler
