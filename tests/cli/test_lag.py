"""``vitnemal lag``: refusal on FEIL (NVB «skal ikke skrives ut»), drafts, duplicates (001 §2.11),
målform, output paths, and nothing half-written on bad input."""

from __future__ import annotations

import errno
import json
import os
import shutil

import pdfplumber
import pytest

from vitnemal.cli import main

DATO = ["--dato", "2026-06-20"]


def tekst(path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() for p in pdf.pages)


def test_alle_eksempler_skrives_ut(eksempler, tmp_path, capsys):
    ut = tmp_path / "utskrift"
    assert main(["lag", str(eksempler), "-o", str(ut), *DATO, "--jobber", "2"]) == 0
    inn = sorted(p.stem for p in eksempler.iterdir() if p.suffix in (".json", ".yaml"))
    assert sorted(p.stem for p in ut.glob("*.pdf")) == inn
    assert all(p.read_bytes().startswith(b"%PDF-1.7") for p in ut.glob("*.pdf"))
    out = capsys.readouterr().out
    assert "10-lang-to-sider.pdf: vitnemål, 2 sider" in out
    assert "09-kompetansebevis-vg1-ikke-bestatt.pdf: kompetansebevis, 1 side" in out


def test_dokument_med_feil_nektes_og_ingenting_skrives(eksempler, tmp_path, capsys):
    """NVB: a document with FEIL «skal ikke skrives ut» as an original."""
    ut = tmp_path / "ut"
    assert main(["lag", str(eksempler / "nektes"), "-o", str(ut), *DATO]) == 1
    err = capsys.readouterr().err
    assert "IKKE SKREVET UT" in err and "MATEMATIKK-T-P (001 §4.5)" in err
    assert not ut.exists() or not any(ut.iterdir())


def test_utkast_skrives_med_vannmerke(eksempler, tmp_path):
    ut = tmp_path / "ut"
    assert main(["lag", str(eksempler / "nektes"), "-o", str(ut), "--utkast", *DATO]) == 0
    (pdf,) = ut.glob("*.pdf")
    assert pdf.name == "01-feil-i-foringen-utkast.pdf"
    with pdfplumber.open(pdf) as doc:
        merke = "".join(c["text"] for c in doc.pages[0].chars if c["size"] > 50)
        assert merke == "UTKAST"
        assert "UTKAST" in doc.metadata["Subject"]


def test_blandet_skriver_de_gode_og_lister_de_nektede(eksempler, tmp_path, capsys):
    inn = tmp_path / "inn"
    inn.mkdir()
    shutil.copy(eksempler / "nektes" / "01-feil-i-foringen.json", inn)
    shutil.copy(eksempler / "01-studiespesialisering-realfag.json", inn)
    ut = tmp_path / "ut"
    assert main(["lag", str(inn), "-o", str(ut), *DATO]) == 1
    assert [p.name for p in ut.glob("*.pdf")] == ["01-studiespesialisering-realfag.pdf"]
    assert "1 av 2 dokumenter ble ikke skrevet ut" in capsys.readouterr().err


def test_odelagt_fil_gir_alle_problemer_og_de_gode_skrives(eksempler, tmp_path, capsys):
    """Issue 12: one bad file must not hide the good ones — every problem of the broken file
    is listed, every good file is still written (exit status 2)."""
    ut = tmp_path / "ut"
    assert main(["lag", str(eksempler), str(eksempler / "med-feil"), "-o", str(ut), *DATO]) == 2
    out, err = capsys.readouterr()
    assert "$.person.fodselsnummer" in err and "$.fag[0].fagkode" in err
    assert "Traceback" not in err
    gode = sorted(p.stem for p in eksempler.iterdir() if p.suffix in (".json", ".yaml"))
    assert sorted(p.stem for p in ut.glob("*.pdf")) == gode
    assert out.count("skrevet ") == len(gode)
    assert "de andre filene er behandlet" in err


def test_bare_odelagte_filer_lager_ingen_mappe(eksempler, tmp_path, capsys):
    ut = tmp_path / "ny" / "ut"
    assert main(["lag", str(eksempler / "med-feil"), "-o", str(ut), *DATO]) == 2
    assert not (tmp_path / "ny").exists()


def test_duplikat_ny_dato_samme_nummer(eksempler, tmp_path, capsys):
    """001 §2.11 — «Duplikat skal stemples med duplikat og dere skal påføre en ny dato …
    For øvrig skal et duplikat være identisk med originalvitnemålet» (alternative 2)."""
    f = eksempler / "01-studiespesialisering-realfag.json"
    orig, dup = tmp_path / "o.pdf", tmp_path / "d.pdf"
    assert main(["lag", str(f), "-o", str(orig), *DATO]) == 0
    assert main(["lag", str(f), "-o", str(dup), "--duplikat", "--dato", "2027-03-02"]) == 0
    t_orig, t_dup = tekst(orig), tekst(dup)
    assert "DUPLIKAT" in t_dup and "DUPLIKAT" not in t_orig
    assert "02.03.2027" in t_dup and "19.06.2026" in t_orig
    assert "V974544482202600123" in t_orig and "V974544482202600123" in t_dup
    assert "DUPLIKAT, 1 side" in capsys.readouterr().out


def test_duplikat_med_nytt_nummer(eksempler, tmp_path):
    """001 §2.11 alternative 3: a new number, in the year of the new date (§2.8)."""
    f = eksempler / "01-studiespesialisering-realfag.json"
    dup = tmp_path / "d.pdf"
    assert main(["lag", str(f), "-o", str(dup), "--duplikat", "--nytt-lopenummer", "7",
                 "--dato", "2027-03-02"]) == 0
    assert "V974544482202700007" in tekst(dup)


def test_nytt_lopenummer_bare_for_duplikat(eksempler, tmp_path, capsys):
    f = eksempler / "01-studiespesialisering-realfag.json"
    assert main(["lag", str(f), "-o", str(tmp_path / "x.pdf"), "--nytt-lopenummer", "7"]) == 2
    assert "--nytt-lopenummer" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(("maalform", "ventet"), [("nn", "Namn:"), ("en", "Name:")])
def test_maalform(eksempler, tmp_path, maalform, ventet):
    f = eksempler / "01-studiespesialisering-realfag.json"
    pdf = tmp_path / "x.pdf"
    assert main(["lag", str(f), "-o", str(pdf), "--maalform", maalform, *DATO]) == 0
    assert ventet in tekst(pdf)


def test_en_fil_for_mange_elevmapper_avvises(eksempler, tmp_path, capsys):
    assert main(["lag", str(eksempler), "-o", str(tmp_path / "x.pdf"), *DATO]) == 2
    assert "er én fil, men det er" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_samme_filnavn_fra_to_mapper_avvises(eksempler, tmp_path, capsys):
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        d.mkdir()
        shutil.copy(eksempler / "01-studiespesialisering-realfag.json", d)
    ut = tmp_path / "ut"
    assert main(["lag", str(a), str(b), "-o", str(ut), *DATO]) == 2
    assert "gir begge" in capsys.readouterr().err
    assert not ut.exists()


def test_fortrykt_blankett_uten_tittel(eksempler, tmp_path):
    """001 §2.1 — on Udir's pre-printed blankett the form's own title is not printed again."""
    f = eksempler / "01-studiespesialisering-realfag.json"
    vanlig, fortrykt = tmp_path / "v.pdf", tmp_path / "f.pdf"
    assert main(["lag", str(f), "-o", str(vanlig), *DATO]) == 0
    assert main(["lag", str(f), "-o", str(fortrykt), "--fortrykt", *DATO]) == 0
    assert tekst(vanlig).startswith("VITNEMÅL\nfor videregående opplæring\nNavn:")
    assert tekst(fortrykt).startswith("Navn:")


@pytest.fixture
def full_disk(monkeypatch):
    """``full_disk("05-")``: flushing a file whose name holds «05-» to disk fails with ENOSPC
    (in this process and in the workers forked from it)."""
    ekte = os.fsync

    def sett(merke: str) -> None:
        def fsync(fd):
            if merke in os.readlink(f"/proc/self/fd/{fd}"):
                raise OSError(errno.ENOSPC, "No space left on device")
            return ekte(fd)

        monkeypatch.setattr(os, "fsync", fsync)

    return sett


@pytest.mark.parametrize("jobber", ["1", "2"])
def test_full_disk_stopper_kjoringen_og_navngir_filen(eksempler, tmp_path, capsys, full_disk,
                                                      jobber):
    """Disk full (ENOSPC, injected where the PDF is flushed to disk, also in the workers)
    stops the run: the message names the PDF in Norwegian and says how many were written,
    the files before it stay, no temporary file is left (exit status 2)."""
    full_disk("05-")
    ut = tmp_path / "ut"
    assert main(["lag", str(eksempler), "-o", str(ut), *DATO, "--jobber", jobber]) == 2
    out, err = capsys.readouterr()
    pdf = ut / "05-privatist-studiekompetanse.pdf"
    assert f"filen {pdf} kan ikke skrives: det er ikke mer plass på disken" in err
    assert "4 av 12 dokumenter ble skrevet" in err and "skrivingen er stoppet" in err
    assert sorted(p.name[:3] for p in ut.iterdir()) == ["01-", "02-", "03-", "04-"]
    assert out.count("skrevet ") == 4 and "Traceback" not in err and ".tmp" not in err


def test_full_disk_med_json(eksempler, tmp_path, capsys, full_disk):
    """With --json the file that could not be written has its line (status feil, the reason
    naming the PDF) before the run stops."""
    full_disk("03-")
    ut = tmp_path / "ut"
    assert main(["lag", str(eksempler), "-o", str(ut), *DATO, "--json"]) == 2
    out, err = capsys.readouterr()
    linjer = [json.loads(linje) for linje in out.splitlines()]
    assert [linje["status"] for linje in linjer] == ["skrevet", "skrevet", "feil"]
    [problem] = linjer[-1]["problemer"]
    pdf = ut / "03-yrkesfag-helsesekretaer.pdf"
    assert problem["melding"] == f"filen {pdf} kan ikke skrives: det er ikke mer plass på disken"
    assert "2 av 12 dokumenter ble skrevet" in err
