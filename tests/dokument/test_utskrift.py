"""Issuing: one straight flow (decide once, compose once, check that document), duplicates
(001 §2.11), attachments (001 §2.10), refusal on FEIL, and the issuance facts' own validation."""

from __future__ import annotations

import dataclasses
import sys
from datetime import date

import pytest

from vitnemal import utskrift
from vitnemal.cli import main
from vitnemal.dokument import beslutning, compose
from vitnemal.errors import InputError
from vitnemal.io import load_elevmappe
from vitnemal.pdf import render
from vitnemal.utskrift import Utstedelse, Utsteder, forbered

from .test_compose import DAG, lag
from .test_compose import compose as dokument

NY = date(2027, 3, 2)


def test_duplikat_har_ny_dato_og_originalens_nummer():
    """001 §2.11 — «dere skal påføre en ny dato … For øvrig skal et duplikat være identisk»."""
    m = lag(utsteder={"utstedt": "2026-06-19"})
    orig = dokument(m, today=DAG)
    dup = dokument(m, today=NY, duplikat=True)
    assert (orig.dato, dup.dato) == ("19.06.2026", "02.03.2027")
    assert dup.dokumentnummer == orig.dokumentnummer == "V974544482202600007"
    assert dup.duplikat and not orig.duplikat
    assert dup.grupper == orig.grupper and dup.programomrader == orig.programomrader


def test_duplikat_med_nytt_nummer_far_arstallet_for_ny_dato():
    """001 §2.11 alternative 3, with §2.8 «Det skal være årstallet vitnemålet skrives ut»."""
    dup = dokument(lag(utsteder={"utstedt": "2026-06-19"}), today=NY, duplikat=True,
                   nytt_lopenummer=42)
    assert dup.dokumentnummer == "V974544482202700042"


def test_duplikat_uten_originalens_dato_eller_ny_dato_er_feil():
    with pytest.raises(InputError, match="utstedt"):
        dokument(lag(), today=NY, duplikat=True)
    with pytest.raises(InputError, match="ny dato"):
        dokument(lag(utsteder={"utstedt": "2026-06-19"}), duplikat=True)


@pytest.mark.parametrize("nummer", [0, 100000, 1234567, -5])
def test_lopenummer_utenfor_1_99999_avvises_av_tjenesten(nummer):
    """001 §2.8 — «<løpenummer fem siffer>». Regression: ``forbered`` with a duplicate numbered
    1234567 printed the 21-character number V97454448220271234567 with no FEIL, because only
    the CLI checked the range and the checks saw another document than the one printed."""
    m = lag(utsteder={"utstedt": "2026-06-19"})
    with pytest.raises(InputError, match="1–99999"):
        forbered(m, Utstedelse.fra_elevmappe(m, dato=NY, duplikat=True, nytt_lopenummer=nummer))
    with pytest.raises(InputError, match="1–99999"):
        forbered(m, Utstedelse(dato=NY, lopenummer=nummer))


def test_alle_problemer_med_utstedelsen_pa_en_gang():
    u = Utstedelse(dato=None, lopenummer=123456, maalform="se", duplikat=True,
                   utsteder=Utsteder("Skole", "974544482", "Oslo", ("Rektor", " ")))
    problemer = u.problemer()
    assert len(problemer) == 4, problemer  # number, målform, duplicate date, signatories
    with pytest.raises(InputError) as exc:
        forbered(lag(), u)
    assert all(p in str(exc.value) for p in problemer)


def test_utsteder_fra_registeret_erstatter_elevmappens():
    """The register may give the school from its own table (001 §2.8: sted, skole, underskrift
    and the organisation number of the document number)."""
    skole = Utsteder("Fjordbyen videregående skole", "842872022", "Fjordbyen",
                     ("Kari Rektor", "Ola Leder"), skolenummer="46012")
    d = forbered(lag(), Utstedelse(dato=DAG, lopenummer=9, utsteder=skole)).dokument
    assert (d.skole, d.sted, d.underskrivere) == (skole.skolenavn, "Fjordbyen",
                                                  ("Kari Rektor", "Ola Leder"))
    assert d.dokumentnummer == "V842872022202600009"


def test_vedlegg_folger_dokumentet():
    """001 §2.10 — the attachment the school writes travels with the document."""
    d = dokument(lag(vedlegg=["Første avsnitt.", "Andre avsnitt."]), today=DAG)
    assert d.vedlegg == ("Første avsnitt.", "Andre avsnitt.")


def test_feil_gir_nektet_utskrift_og_utkast_gir_merket_dokument(eksempler):
    m, problems = load_elevmappe(eksempler / "nektes" / "01-feil-i-foringen.json")
    assert not problems
    u = forbered(m, Utstedelse.fra_elevmappe(m, dato=DAG))
    assert u.nektet and not u.dokument.utkast  # still there, for a preview
    assert "MATEMATIKK-T-P" in {f.regel for f in u.feil}
    utkast = forbered(m, Utstedelse.fra_elevmappe(m, dato=DAG, utkast=True))
    assert not utkast.nektet and utkast.dokument.utkast


def test_uten_feil_gis_dokumentet(eksempler):
    m, _ = load_elevmappe(eksempler / "01-studiespesialisering-realfag.json")
    u = forbered(m, Utstedelse.fra_elevmappe(m, dato=DAG, maalform="nn"))
    assert not u.nektet and not u.feil
    assert u.dokument.maalform == "nn" and not u.dokument.utkast


def test_en_beslutning_og_ett_dokument_per_utstedelse(monkeypatch):
    """One ``forbered`` decides once and composes once (the checks use that decision and
    document, they make none of their own)."""
    kall = {"beslutt": 0, "compose": 0}
    for modul, navn in ((beslutning, "beslutt"), (compose, "compose")):
        original = getattr(modul, navn)

        def tell(*a, _original=original, _navn=navn, **kw):
            kall[_navn] += 1
            return _original(*a, **kw)

        for m in list(sys.modules.values()):  # every module that imported it
            if getattr(m, "__name__", "").startswith("vitnemal") and getattr(m, navn, None) is original:
                monkeypatch.setattr(m, navn, tell)
    forbered(lag(), Utstedelse(dato=DAG, lopenummer=7))
    assert kall == {"beslutt": 1, "compose": 1}


@pytest.mark.parametrize("valg", [[], ["--duplikat", "--nytt-lopenummer", "42"],
                                  ["--duplikat", "--maalform", "en", "--fortrykt"],
                                  ["--utkast", "--maalform", "nn"]])
def test_dokumentet_som_skrives_ut_er_dokumentet_som_ble_sjekket(eksempler, tmp_path,
                                                                 monkeypatch, valg):
    """The document ``vitnemal lag`` renders is, field for field, the document the checks saw."""
    sjekket, skrevet = [], []
    original = utskrift.kontroller

    def kontroller(mappe, b, dok, u, **kw):
        sjekket.append(dok)
        return original(mappe, b, dok, u, **kw)

    ekte = render.render_sider

    def render_sider(dok, *a, **kw):
        skrevet.append(dok)
        return ekte(dok, *a, **kw)

    monkeypatch.setattr(utskrift, "kontroller", kontroller)
    monkeypatch.setattr(render, "render_sider", render_sider)
    main(["lag", str(eksempler), "-o", str(tmp_path), "--dato", "2027-03-02", "--jobber", "1",
          *valg])
    assert skrevet and len(skrevet) <= len(sjekket)
    for d in skrevet:
        [s] = [s for s in sjekket if s is d]
        for felt in dataclasses.fields(d):
            assert getattr(d, felt.name) == getattr(s, felt.name), felt.name
    if "--nytt-lopenummer" in valg:
        assert all(d.dokumentnummer.endswith("202700042") for d in skrevet)
