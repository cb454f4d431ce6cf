"""The result file in the control engine's shape (docs/nvb-format.md «Result file of the control
engine») and the human-readable report."""

from __future__ import annotations

from datetime import date, datetime

from vitnemal.nvb import kontroller, les, rapport, resultat, skriv
from vitnemal.nvb.les import les_resultat
from vitnemal.nvb.poster import PostE, PostK, PostR

from .bygg import fag, fil, kompetansebevis, tenor, vgdoknr, vitnemal

TID = datetime(2026, 6, 21, 9, 15, 0)


def _kontroll(f, **kw):
    return kontroller(les(skriv(f).encode()), testdata=True, retningslinjer=False, **kw)


def _fil_med_funn():
    nr = vgdoknr(1)
    feil = vitnemal(1, v={"personnummer": tenor(12, 3, 8)[1] + 1},
                    f=(fag(nr, "NOR1267", karakter_eksamen="5", eksamensformkode="S"),
                       fag(nr, "ENG1007", karakter_standpunkt="2", omfang=None)))
    tekst = skriv(fil(feil, kompetansebevis(2)))
    return tekst.replace("¤A¤974544482¤03012¤2¤", "¤A¤974544482¤03012¤3¤")  # A3 wrong


def test_resultatfilens_form():
    r = kontroller(les(_fil_med_funn().encode()), testdata=True, retningslinjer=False)
    tekst = resultat.skriv_resultat(r, tidspunkt=TID, kjoretid=1.6)
    poster, problemer = les_resultat(tekst.encode())
    assert problemer == ()
    assert [type(p) for p in poster] == [PostR, PostE, PostK, PostE, PostK]
    hode = poster[0]
    assert hode.versjon.startswith("vitnemal ") and hode.versjonsdato == date(2026, 12, 2)
    assert (hode.tidspunkt, hode.kjoretid) == (TID, 2)
    assert (hode.antall_linjer, hode.antall_e, hode.antall_k, hode.antall_l) == (10, 2, 2, 0)
    fil_e = poster[1]
    assert (fil_e.meldingsnr, fil_e.kontrollnr, fil_e.klasse, fil_e.alvorlighet,
            fil_e.meldingskode) == (1, None, "FIL", "FEIL", None)
    assert (fil_e.parameter_1, fil_e.parameter_2, fil_e.parameter_3, fil_e.parameter_4) == (
        "NVB-ANTALL", "NVB A3", "1", "A3")
    assert "¤" not in fil_e.tekst and fil_e.tekst.startswith("linje 1, A felt A3 (Antall_v): ")
    k1, e2, k2 = poster[2], poster[3], poster[4]
    assert (k1.kontrollnr, k1.vgdoknr, k1.tidspunkt, k1.resultattype, k1.resultat) == (
        1, vgdoknr(1), TID, "B", "USANN")
    assert (k1.antall_fag, k1.omfang, k1.antall_tallkarakterer, k1.sum_tallkarakterer,
            k1.snitt_tallkarakterer) == (2, 140, 3, 11, "3.67")
    assert (e2.meldingsnr, e2.kontrollnr, e2.alvorlighet, e2.parameter_1, e2.parameter_4,
            e2.parameter_7) == (2, 1, "FEIL", "NVB-FNR", "V15", vgdoknr(1))
    assert (k2.kontrollnr, k2.resultat, k2.antall_tallkarakterer, k2.snitt_tallkarakterer) == (
        2, "SANN", 0, None)


def test_resultatfilen_er_deterministisk_og_har_lf():
    r = kontroller(les(_fil_med_funn().encode()), testdata=True, retningslinjer=False)
    a = resultat.skriv_resultat(r, tidspunkt=TID, kjoretid=0.2)
    b = resultat.skriv_resultat(kontroller(les(_fil_med_funn().encode()), testdata=True, retningslinjer=False),
                                tidspunkt=TID, kjoretid=0.2)
    assert a == b and "\r" not in a and a.endswith("\n")


def test_meldinger_med_fiendtlig_innhold_kan_skrives():
    tekst = "¤A¤974544482¤03012¤0¤0¤0¤0¤0¤x¤1¤20260101000000\n¤X¤a\\nb}¤c\x01¤¤V\nlinje {¤\n"
    r = kontroller(les(tekst.encode()), retningslinjer=False)
    ut = resultat.skriv_resultat(r, tidspunkt=TID, kjoretid=0)
    poster, problemer = les_resultat(ut.encode())
    assert problemer == () and len(poster) == 1 + len(r.filfunn)


def test_utelatte_funn_nevnes_i_resultatfilen():
    data = skriv(fil(vitnemal(1))).encode() + b"x\n" * 50
    r = kontroller(les(data, maks_funn=10), testdata=True, retningslinjer=False)
    poster, _ = les_resultat(resultat.skriv_resultat(r, tidspunkt=TID, kjoretid=0).encode())
    assert poster[-1].parameter_1 == "NVB-GRENSE" and "40 funn til" in poster[-1].tekst
    assert poster[0].antall_e == 11


def test_rapporten_grupperer_per_dokument_og_alvorlighet():
    r = kontroller(les(_fil_med_funn().encode()), testdata=True, retningslinjer=False)
    tekst = rapport.tekst(r, "levering.txt")
    assert tekst.startswith("Kontroll av levering.txt: 1 organisasjon(er), 2 dokument(er), "
                            "0 annullering(er), 10 linjer.\nResultat: 2 FEIL. 1 dokument(er) "
                            "uten feil, 1 med feil")
    assert "Filen (gjelder ikke ett bestemt dokument):\n  Feil (1):\n    FEIL NVB-ANTALL " \
        "(NVB A3): linje 1, ¤A felt A3 (Antall_v): A3 sier 3 ¤V" in tekst
    assert f"Dokument {vgdoknr(1)} (kontroll 1, linje 2): kan ikke tas inn\n  Feil (1):\n" \
        "    FEIL NVB-FNR (NVB V15): linje 2, ¤V felt V15 (Personnummer)" in tekst
    assert vgdoknr(2, bokstav="K") not in tekst  # no findings: counted, not listed
    v14, v15 = tenor(12, 3, 8)
    assert f"{v14:06d}" not in tekst and f"{v15 + 1:05d}" not in tekst


def test_rapport_som_json():
    r = kontroller(les(_fil_med_funn().encode()), testdata=True, retningslinjer=False)
    d = rapport.som_dict(r, "levering.txt")
    assert d["antall"] == {"FEIL": 2, "VARSEL": 0, "TIPS": 0, "INFO": 0}
    assert [f["regel"] for f in d["filfunn"]] == ["NVB-ANTALL"]
    (dok,) = d["dokumentfunn"]
    assert dok["vgdoknr"] == vgdoknr(1) and dok["kan_tas_inn"] is False
    assert dok["funn"][0]["felt"] == "V15" and dok["funn"][0]["linje"] == 2
