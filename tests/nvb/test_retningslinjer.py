"""`nvb sjekk` runs the guideline's catalogue (the register's) on every document of a ¤-file:
findings with paragraph, in the report and the result file; checks that need the elevmappe
named once per file; a value the core cannot hold is said, not guessed."""

from __future__ import annotations

from vitnemal.findings import Alvorlighet
from vitnemal.nvb import kontroller, les, resultat, skriv
from vitnemal.nvb.dokumenter import Tilordningsfeil, fra_vgdok
from vitnemal.nvb.poster import PostE, PostM
from vitnemal.sjekk import MAPPE, katalog

from .bygg import TIDSPUNKT, fag, fil, kompetansebevis, vgdoknr, vitnemal


def _kontroll(*dok):
    return kontroller(les(skriv(fil(*dok)).encode()), testdata=True)


def test_retningslinjenes_funn_per_dokument_med_paragraf():
    nr = vgdoknr(1)
    # VMM33 is never allowed on a vitnemål (001 §1.3): no file check knows that.
    dok = vitnemal(1, m=(PostM(nr, 1, "VMM06"), PostM(nr, 2, "VMM33")))
    r = _kontroll(dok, kompetansebevis(2))
    funn = {f.regel: f for f in r.dokumenter[0].funn}
    assert "VMM33-VITNEMAL" in funn
    f = funn["VMM33-VITNEMAL"]
    assert f.alvorlighet is Alvorlighet.FEIL and f.finding.paragraf == "001 §1.3"
    assert f.klasse == "FAG" and f.vgdoknr == nr
    assert r.har_feil and not r.dokumenter[1].har_feil


def test_mappekontroller_nevnes_en_gang_per_fil():
    r = _kontroll(vitnemal(1), kompetansebevis(2))
    mappe = sorted(s.id for s in katalog() if s.trenger == MAPPE)
    assert sorted(f.regel for f in r.ikke_kontrollert) == mappe
    assert all(f.alvorlighet is Alvorlighet.INFO for f in r.ikke_kontrollert)
    assert sum(r.antall.values()) == sum(len(d.funn) for d in r.dokumenter) + len(r.filfunn)
    poster = resultat.resultatposter(r, tidspunkt=TIDSPUNKT, kjoretid=0.0)
    e = [p for p in poster if isinstance(p, PostE)]
    assert sum(1 for p in e if p.parameter_1 in mappe and p.kontrollnr is None) == len(mappe)


def test_resultatfilen_har_retningslinjenes_funn():
    nr = vgdoknr(1)
    r = _kontroll(vitnemal(1, m=(PostM(nr, 1, "VMM06"), PostM(nr, 2, "VMM33"))))
    poster = resultat.resultatposter(r, tidspunkt=TIDSPUNKT, kjoretid=0.0)
    [e] = [p for p in poster if isinstance(p, PostE) and p.parameter_1 == "VMM33-VITNEMAL"]
    assert (e.kontrollnr, e.klasse, e.alvorlighet, e.parameter_2) == (1, "FAG", "FEIL",
                                                                     "001 §1.3")


def test_samme_feil_meldes_en_gang():
    nr = vgdoknr(1)
    dok = vitnemal(1, f=(fag(nr, "NOR1267", karakter_eksamen="5"),  # no F7
                         fag(nr, "ENG1007", aar=2024, karakter_standpunkt="5")))
    regler = [f.regel for f in _kontroll(dok).dokumenter[0].funn]
    assert "NVB-F7-MANGLER" in regler and "EKSAMENSFORM-MANGLER" not in regler


def test_kode_kjernen_ikke_kan_fore_sies_ikke_gjettes():
    nr = vgdoknr(1)
    dok = vitnemal(1, f=(fag(nr, "NOR1267", karakter_standpunkt="R"),))
    try:
        fra_vgdok(dok)
        raise AssertionError("R skulle ikke kunne føres")
    except Tilordningsfeil as e:
        assert "F5 «R»" in str(e)
    regler = [f.regel for f in _kontroll(dok).dokumenter[0].funn]
    assert "NVB-RETNINGSLINJER" in regler


def test_bare_filkontroller_nar_retningslinjer_er_av():
    r = kontroller(les(skriv(fil(vitnemal(1))).encode()), testdata=True, retningslinjer=False)
    assert r.ikke_kontrollert == () and all(f.klasse != "FAG" for f in r.dokumenter[0].funn)


def test_parallelt_gir_samme_resultat_som_en_prosess(monkeypatch):
    """The per-document checks split over worker processes give the same findings, in the
    same order, as one process."""
    import vitnemal.nvb.kontroll as k

    nr = vgdoknr(1)
    doks = [vitnemal(1, m=(PostM(nr, 1, "VMM06"), PostM(nr, 2, "VMM33"))), kompetansebevis(2),
            *(vitnemal(i) for i in range(3, 12))]
    data = skriv(fil(*doks)).encode()
    monkeypatch.setattr(k, "_kjerner", lambda: 1)
    en = kontroller(les(data), testdata=True)
    monkeypatch.setattr(k, "_kjerner", lambda: 2)
    monkeypatch.setattr(k, "PARALLELT_FRA", 2)
    to = kontroller(les(data), testdata=True)
    assert [d.funn for d in to.dokumenter] == [d.funn for d in en.dokumenter]
    assert to.antall == en.antall and any(d.funn for d in to.dokumenter)
