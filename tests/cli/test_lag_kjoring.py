"""``vitnemal lag`` as a run over many files (issue 12, «Interrupted and concurrent batches»):
existing PDFs are not overwritten, one number is one person's, ``--json`` gives one line per
document, and every file is reported as it is decided."""

from __future__ import annotations

import json
import shutil

import pytest

from vitnemal.cli import main

DATO = ["--dato", "2026-06-20"]
EN = "01-studiespesialisering-realfag.json"


@pytest.fixture
def to_gode(eksempler, tmp_path):
    inn = tmp_path / "inn"
    inn.mkdir()
    for navn in (EN, "03-yrkesfag-helsesekretaer.json"):
        shutil.copy(eksempler / navn, inn)
    return inn


# --- existing PDFs ------------------------------------------------------------------------------

def test_eksisterende_pdf_overskrives_ikke(to_gode, tmp_path, capsys):
    """Before: the second run replaced both originals silently (exit status 0)."""
    ut = tmp_path / "ut"
    assert main(["lag", str(to_gode), "-o", str(ut), *DATO]) == 0
    for_ = {p.name: p.read_bytes() for p in ut.iterdir()}
    capsys.readouterr()
    assert main(["lag", str(to_gode), "-o", str(ut), *DATO]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "2 filer finnes fra før og blir ikke overskrevet; ingenting er skrevet" in err
    assert "--overskriv" in err and all(str(ut / n) in err for n in for_)
    assert {p.name: p.read_bytes() for p in ut.iterdir()} == for_


def test_overskriv_erstatter(to_gode, tmp_path, capsys):
    ut = tmp_path / "ut"
    assert main(["lag", str(to_gode), "-o", str(ut), *DATO]) == 0
    for_ = {p.name: p.read_bytes() for p in ut.iterdir()}
    assert main(["lag", str(to_gode), "-o", str(ut), *DATO, "--overskriv"]) == 0
    etter = {p.name: p.read_bytes() for p in ut.iterdir()}
    assert etter.keys() == for_.keys() and etter != for_  # new files (new ID and date)
    assert [p.name for p in ut.iterdir() if p.name.endswith(".tmp")] == []


def test_en_pdf_fil_overskrives_ikke(eksempler, tmp_path, capsys):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"original")
    assert main(["lag", str(eksempler / EN), "-o", str(pdf), *DATO]) == 2
    assert "1 fil finnes fra før" in capsys.readouterr().err
    assert pdf.read_bytes() == b"original"


def test_fil_som_dukker_opp_underveis_overskrives_ikke(eksempler, tmp_path, capsys, monkeypatch):
    """A file that appears after the check (another program) is left alone: that file is
    reported, the run goes on."""
    from vitnemal.cli import lag

    ut = tmp_path / "ut"
    ekte = lag.fullfor

    def fullfor(tmp, path, *, overskriv):
        if "03-" in str(path):
            (ut / "03-yrkesfag-helsesekretaer.pdf").write_bytes(b"annen")
        return ekte(tmp, path, overskriv=overskriv)

    monkeypatch.setattr(lag, "fullfor", fullfor)
    argv = ["lag", str(eksempler / EN), str(eksempler / "03-yrkesfag-helsesekretaer.json"),
            "-o", str(ut), *DATO]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert "03-yrkesfag-helsesekretaer.pdf finnes fra før og blir ikke overskrevet" in err
    assert (ut / "03-yrkesfag-helsesekretaer.pdf").read_bytes() == b"annen"
    assert "skrevet " in out and (ut / "01-studiespesialisering-realfag.pdf").exists()
    assert sorted(p.name for p in ut.iterdir()) == ["01-studiespesialisering-realfag.pdf",
                                                    "03-yrkesfag-helsesekretaer.pdf"]


# --- one number, one person (001 §2.8) ----------------------------------------------------------

@pytest.fixture
def samme_nummer(eksempler, tmp_path):
    """Two people (different fødselsnummer) whose files give the same document number, and a
    third file with a number of its own."""
    inn = tmp_path / "inn"
    inn.mkdir()
    a = json.loads((eksempler / EN).read_text(encoding="utf-8"))
    b = json.loads((eksempler / "03-yrkesfag-helsesekretaer.json").read_text(encoding="utf-8"))
    b["utsteder"] = a["utsteder"]
    (inn / "a.json").write_text(json.dumps(a), encoding="utf-8")
    (inn / "b.json").write_text(json.dumps(b), encoding="utf-8")
    shutil.copy(eksempler / "06-voksen-helsearbeider.json", inn / "c.json")
    return inn


@pytest.mark.parametrize("jobber", ["1", "2"])
def test_to_personer_med_samme_nummer_nektes_begge(samme_nummer, tmp_path, capsys, jobber):
    """Before: both were printed with V974544482202600123 (exit status 0). Now both are
    refused, naming each other; the first, already written, is removed again."""
    ut = tmp_path / "ut"
    assert main(["lag", str(samme_nummer), "-o", str(ut), *DATO, "--jobber", jobber]) == 1
    out, err = capsys.readouterr()
    assert sorted(p.name for p in ut.iterdir()) == ["c.pdf"]
    a, b = samme_nummer / "a.json", samme_nummer / "b.json"
    assert f"TRUKKET TILBAKE {ut / 'a.pdf'} ({a})" in err
    assert f"IKKE SKREVET UT {b}" in err
    assert err.count("DOKUMENTNUMMER-DOBBELT (001 §2.8)") == 2
    assert f"V974544482202600123 er også gitt en annen person i samme kjøring ({b})" in err
    assert f"V974544482202600123 er også gitt en annen person i samme kjøring ({a})" in err
    assert "2 av 3 dokumenter ble ikke skrevet ut" in err
    assert "54030799203" not in out + err and "63050799450" not in out + err


def test_samme_person_to_ganger_er_lov(eksempler, tmp_path, capsys):
    inn = tmp_path / "inn"
    inn.mkdir()
    for navn in ("a.json", "b.json"):
        shutil.copy(eksempler / EN, inn / navn)
    assert main(["lag", str(inn), "-o", str(tmp_path / "ut"), *DATO]) == 0
    assert capsys.readouterr().out.count("nr. V974544482202600123") == 2


# --- --json -------------------------------------------------------------------------------------

def test_json_en_linje_per_dokument(eksempler, samme_nummer, tmp_path, capsys):
    """JSON Lines: one object per file (and one more for a document withdrawn again), in input
    order, stderr empty."""
    shutil.copy(eksempler / "nektes" / "01-feil-i-foringen.json", samme_nummer / "d.json")
    shutil.copy(eksempler / "med-feil" / next(
        p.name for p in (eksempler / "med-feil").iterdir()), samme_nummer / "e.json")
    ut = tmp_path / "ut"
    assert main(["lag", str(samme_nummer), "-o", str(ut), *DATO, "--json"]) == 2
    out, err = capsys.readouterr()
    assert err == ""
    linjer = [json.loads(linje) for linje in out.splitlines()]
    status = [(linje["fil"].rsplit("/", 1)[1], linje["status"]) for linje in linjer]
    assert status == [("a.json", "skrevet"), ("a.json", "trukket"), ("b.json", "nektet"),
                      ("c.json", "skrevet"), ("d.json", "nektet"), ("e.json", "feil")]
    a, _, b, c, d, e = linjer
    assert a["pdf"] == str(ut / "a.pdf") and a["sider"] == 1
    assert a["dokumentnummer"] == "V974544482202600123" and a["dokumenttype"] == "vitnemal"
    assert c["pdf"] == str(ut / "c.pdf") and (ut / "c.pdf").exists()
    assert b["pdf"] is None and b["sider"] is None
    assert {"DOKUMENTNUMMER-DOBBELT"} <= {f["regel"] for f in b["funn"]}
    assert "MATEMATIKK-T-P" in {f["regel"] for f in d["funn"]}
    assert e["problemer"] and e["dokumentnummer"] is None and e["funn"] == []


@pytest.mark.parametrize("jobber", ["1", "2"])
def test_intern_feil_i_en_fil_stopper_ikke_de_andre(eksempler, tmp_path, capsys, monkeypatch,
                                                     jobber):
    """The renderer's guard (or a bug) on one document is that file's problem, in Norwegian,
    without a traceback; the batch goes on (exit status 2)."""
    from vitnemal.pdf import render
    from vitnemal.pdf.vakt import Utskriftsfeil

    ekte = render.render_sider

    def render_sider(dok, *a, **kw):
        if dok.dokumentnummer.endswith("00125"):
            raise Utskriftsfeil("no glyph for U+1F600")
        return ekte(dok, *a, **kw)

    monkeypatch.setattr(render, "render_sider", render_sider)
    ut = tmp_path / "ut"
    assert main(["lag", str(eksempler), "-o", str(ut), *DATO, "--jobber", jobber]) == 2
    out, err = capsys.readouterr()
    assert "intern feil, dokumentet er ikke skrevet ut: Utskriftsfeil: no glyph" in err
    assert "Traceback" not in err
    assert out.count("skrevet ") == len(list(ut.glob("*.pdf"))) == 11
