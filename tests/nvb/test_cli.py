"""``vitnemal nvb sjekk``: exit 0 without FEIL, 1 with FEIL, 2 for an unreadable file or usage."""

from __future__ import annotations

import json

from vitnemal.cli import main
from vitnemal.nvb import skriv
from vitnemal.nvb.les import les_resultat
from vitnemal.nvb.poster import PostK, PostR

from .bygg import fil, kompetansebevis, tenor, vitnemal
from .test_resultat import _fil_med_funn


def _skriv(tmp_path, tekst: str, navn: str = "levering.txt"):
    sti = tmp_path / navn
    sti.write_text(tekst, encoding="utf-8", newline="")
    return sti


def test_gyldig_fil_gir_status_0(tmp_path, capsys):
    sti = _skriv(tmp_path, skriv(fil(vitnemal(1), kompetansebevis(2))))
    assert main(["nvb", "sjekk", str(sti), "--testdata"]) == 0
    ut = capsys.readouterr().out
    assert "2 dokument(er), 0 annullering(er)" in ut and "0 med feil" in ut
    # The guideline's checks ran on the documents too, and those needing the record are named.
    assert "FNR-SYNTETISK" in ut and "FORSTEGANG-VILKAR (001 §1.2)" in ut


def test_syntetiske_numre_uten_testdata_er_feil(tmp_path, capsys):
    sti = _skriv(tmp_path, skriv(fil(vitnemal(1))))
    assert main(["nvb", "sjekk", str(sti)]) == 1
    assert "NVB-FNR" in capsys.readouterr().out


def test_feil_gir_status_1_og_resultatfil(tmp_path, capsys):
    sti = _skriv(tmp_path, _fil_med_funn())
    ut_fil = tmp_path / "resultat.txt"
    assert main(["nvb", "sjekk", str(sti), "--testdata", "-o", str(ut_fil)]) == 1
    assert "FEIL NVB-ANTALL" in capsys.readouterr().out
    poster, problemer = les_resultat(ut_fil)
    assert problemer == ()
    assert isinstance(poster[0], PostR) and poster[0].antall_k == 2
    assert [p.resultat for p in poster if isinstance(p, PostK)] == ["USANN", "SANN"]
    assert set(tmp_path.iterdir()) == {sti, ut_fil}  # no temporary file left beside it


def test_json(tmp_path, capsys):
    sti = _skriv(tmp_path, _fil_med_funn())
    assert main(["nvb", "sjekk", str(sti), "--testdata", "--json"]) == 1
    d = json.loads(capsys.readouterr().out)
    assert d["dokumenter"] == 2 and d["dokumenter_med_feil"] == 1
    v14, v15 = tenor(12, 3, 8)
    assert f"{v15 + 1:05d}" not in json.dumps(d)


def test_uleselig_fil_gir_status_2(tmp_path, capsys):
    assert main(["nvb", "sjekk", str(tmp_path / "mangler.txt")]) == 2
    assert "den finnes ikke" in capsys.readouterr().out
    tom = _skriv(tmp_path, "\n\n", "tom.txt")
    assert main(["nvb", "sjekk", str(tom)]) == 2
    stor = _skriv(tmp_path, "¤A" + "x" * (1024 * 1024 + 10) + "\n", "stor.txt")
    assert main(["nvb", "sjekk", str(stor), "--maks-mb", "1"]) == 2
    assert "større enn grensen" in capsys.readouterr().out


def test_mappe_og_bruksfeil_gir_status_2(tmp_path, capsys):
    assert main(["nvb", "sjekk", str(tmp_path)]) == 2
    assert "er en mappe" in capsys.readouterr().err
    assert main(["nvb"]) == 2
    assert main(["nvb", "sjekk", str(tmp_path / "x"), "--maks-mb", "0"]) == 2


def test_resultatfil_kan_ikke_skrives(tmp_path, capsys):
    sti = _skriv(tmp_path, skriv(fil(vitnemal(1))))
    assert main(["nvb", "sjekk", str(sti), "--testdata", "-o",
                 str(tmp_path / "mangler" / "r.txt")]) == 2
    assert "kan ikke skrive resultatfilen" in capsys.readouterr().err
