"""``vitnemal valider``: every sample is valid; the broken sample reports all its problems."""

from __future__ import annotations

import json

from vitnemal.cli import main


def test_all_samples_valid(eksempler, capsys):
    assert main(["valider", str(eksempler)]) == 0
    out = capsys.readouterr().out
    assert out.count(": gyldig") >= 10


def test_broken_sample_reports_everything(eksempler, capsys):
    broken = eksempler / "med-feil" / "01-mange-feil.json"
    assert main(["valider", str(broken), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["filer"] == [{"fil": str(broken), "gyldig": False}]
    paths = {p["sti"] for p in report["problemer"]}
    for expected in ("$.person.fodselsnummer", "$.person.status", "$.utsteder.orgnr",
                     "$.programomrader[0].kode", "$.fag[0].fagtype", "$.fag[1].fagmerknad",
                     "$.fag[2]", "$.orden", "$.fravaer[0].dager", "$.vitnemalsmerknader", "$.farge"):
        assert expected in paths, expected
    assert all(p["fil"] == str(broken) and p["melding"] for p in report["problemer"])
    assert {"person", "utsteder", "fag NOR12"} <= {p["post"] for p in report["problemer"]}


def test_malformed_json_names_line(tmp_path, capsys):
    bad = tmp_path / "x.json"
    bad.write_text('{"versjon": "1",\n "person": }', encoding="utf-8")
    assert main(["valider", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "linje 2" in out and "ikke gyldig JSON" in out


def test_missing_file_is_reported_not_raised(tmp_path, capsys):
    assert main(["valider", str(tmp_path / "finnes-ikke.json")]) == 1
    assert "kan ikke leses" in capsys.readouterr().out


def test_not_utf8(tmp_path, capsys):
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"navn": "Ødegård"}'.encode("latin-1"))
    assert main(["valider", str(bad)]) == 1
    assert "UTF-8" in capsys.readouterr().out


def test_yaml_error(tmp_path, capsys):
    bad = tmp_path / "x.yaml"
    bad.write_text("person: [\n", encoding="utf-8")
    assert main(["valider", str(bad)]) == 1
    assert "ikke gyldig YAML" in capsys.readouterr().out
