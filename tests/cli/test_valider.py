"""``vitnemal valider``: every sample is valid; the broken sample reports all its problems."""

from __future__ import annotations

import json
import re

import pytest

from vitnemal.cli import COMMANDS, build_parser, main


def test_all_samples_valid(eksempler, capsys):
    assert main(["valider", str(eksempler)]) == 0
    out = capsys.readouterr().out
    assert out.count(": gyldig") >= 10


def test_broken_sample_reports_everything(eksempler, capsys):
    broken = eksempler / "med-feil" / "01-mange-feil.json"
    assert main(["valider", str(broken), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["filer"] == [{"fil": str(broken), "gyldig": False, "lesbar": True}]
    paths = {p["sti"] for p in report["problemer"]}
    for expected in ("$.person.fodselsnummer", "$.person.status", "$.utsteder.orgnr",
                     "$.programomrader[0].kode", "$.fag[0].fagtype", "$.fag[1].fagmerknad",
                     "$.fag[1].standpunkt", "$.fag[2].eksamen", "$.orden", "$.fravaer[0].dager",
                     "$.vitnemalsmerknader[0]", "$.vitnemalsmerknader[1]", "$.farge"):
        assert expected in paths, expected
    assert "$.fag[2]" not in paths and "$.vitnemalsmerknader" not in paths
    assert len(paths) == len(report["problemer"])  # no problem twice
    assert all(p["fil"] == str(broken) and p["melding"] for p in report["problemer"])
    assert {"person", "utsteder", "fag NOR12"} <= {p["post"] for p in report["problemer"]}


def test_malformed_json_names_line(tmp_path, capsys):
    bad = tmp_path / "x.json"
    bad.write_text('{"versjon": "1",\n "person": }', encoding="utf-8")
    assert main(["valider", str(bad)]) == 2  # unreadable, not merely invalid
    out = capsys.readouterr().out
    assert "linje 2, kolonne 12: filen er ikke gyldig JSON: forventet en verdi" in out
    assert "Expecting" not in out


def test_missing_file_is_reported_not_raised(tmp_path, capsys):
    missing = tmp_path / "finnes-ikke.json"
    assert main(["valider", str(missing)]) == 2
    out = capsys.readouterr().out
    assert f"filen {missing} kan ikke leses: den finnes ikke" in out
    assert "No such file" not in out


def test_not_utf8(tmp_path, capsys):
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"navn": "Ødegård"}'.encode("latin-1"))
    assert main(["valider", str(bad)]) == 2
    assert "UTF-8" in capsys.readouterr().out


def test_yaml_error(tmp_path, capsys):
    bad = tmp_path / "x.yaml"
    bad.write_text("person: [\n", encoding="utf-8")
    assert main(["valider", str(bad)]) == 2
    assert "ikke gyldig YAML" in capsys.readouterr().out


def test_cross_record_problems_in_the_same_run_as_wrong_types(tmp_path, minimal, capsys):
    minimal["person"]["fodselsnummer"] = "12345678901"
    minimal["fag"][0].update(standpunkt="VO", trinn="vg3")
    minimal["fag"].append({"fagkode": "IOP1000", "fagnavn": "Indiv. opplæringsplan 1. år",
                           "fagtype": "IO", "trinn": "vg1", "termin": "V2026", "standpunkt": "IV"})
    f = tmp_path / "x.json"
    f.write_text(json.dumps(minimal), encoding="utf-8")
    assert main(["valider", str(f), "--json"]) == 1
    paths = [p["sti"] for p in json.loads(capsys.readouterr().out)["problemer"]]
    assert paths[0] == "$.person.fodselsnummer"  # in the order of the file
    assert sorted(paths[1:]) == ["$.fag[0].standpunkt", "$.fag[0].trinn", "$.fag[1].fagkode"]


# --- argparse speaks bokmål (usage errors exit 2) ---------------------------------------------

_ENGELSK = re.compile(r"usage:|error:|options:|positional arguments|show this help|"
                      r"show program|required|invalid|unrecognized|choose from|expected")


@pytest.mark.parametrize(("argv", "needle"), [
    (["valider"], "disse argumentene mangler: FIL"),
    (["lag", "--jobber", "x", "f.json", "-o", "ut"], "argumentet --jobber: ugyldig heltall: 'x'"),
    (["vis", "--maalform", "xx", "f.json"], "ugyldig verdi: 'xx' (velg blant 'nb', 'nn', 'en')"),
    (["finnes-ikke"], "argumentet KOMMANDO: ugyldig verdi: 'finnes-ikke'"),
    (["valider", "--tull", "f.json"], "ukjente argumenter: --tull"),
    (["arshjul", "--uke"], "argumentet --uke: forventet én verdi"),
    (["fnr", "--json=ja", "1"], "argumentet --json: tar ingen verdi"),
    (["vis", "--dato", "2026-13-01", "f.json"],
     "argumentet --dato: ugyldig dato «2026-13-01»: måned 13 finnes ikke (skriv ÅÅÅÅ-MM-DD)"),
    (["arshjul", "--fra", "2026-13-01"], "argumentet --fra: ugyldig dato «2026-13-01»: måned 13"),
    (["arshjul", "--til", "i morgen"], "argumentet --til: ugyldig dato «i morgen» (skriv"),
    (["arshjul", "--dato", "2026-02-29"], "februar 2026 har ikke dag 29"),
    (["fnr", "--dato", "2026-13-01", "1"], "argumentet --dato: ugyldig dato «2026-13-01»"),
])
def test_usage_errors_are_norwegian(argv, needle, capsys):
    with pytest.raises(SystemExit) as exc:
        code = main(argv)
        raise SystemExit(code)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert needle in err, err
    assert not _ENGELSK.search(err), err


@pytest.mark.parametrize("argv", [["--help"], *([c, "--help"] for c in COMMANDS)])
def test_help_is_norwegian(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("bruk: vitnemal")
    assert "vis denne hjelpeteksten og avslutt" in out and "valg:" in out
    assert not _ENGELSK.search(out), out


def test_version_help_and_no_command(capsys):
    assert main([]) == 2
    out = capsys.readouterr().out
    assert "vis versjonsnummeret og avslutt" in out and "argumenter:" in out


def test_norwegian_only_inside_our_parser():
    import argparse

    build_parser().format_help()
    plain = argparse.ArgumentParser(prog="annet")
    assert plain.format_usage().startswith("usage: annet")
