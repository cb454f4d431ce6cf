"""Issuing: duplicates (001 §2.11), attachments (001 §2.10) and refusal on FEIL."""

from __future__ import annotations

from datetime import date

import pytest

from vitnemal.dokument.compose import compose
from vitnemal.errors import InputError
from vitnemal.io import load_elevmappe
from vitnemal.utskrift import forbered

from .test_compose import DAG, lag

NY = date(2027, 3, 2)


def test_duplikat_har_ny_dato_og_originalens_nummer():
    """001 §2.11 — «dere skal påføre en ny dato … For øvrig skal et duplikat være identisk»."""
    m = lag(utsteder={"utstedt": "2026-06-19"})
    orig = compose(m, today=DAG)
    dup = compose(m, today=NY, duplikat=True)
    assert (orig.dato, dup.dato) == ("19.06.2026", "02.03.2027")
    assert dup.dokumentnummer == orig.dokumentnummer == "V974544482202600007"
    assert dup.duplikat and not orig.duplikat
    assert dup.grupper == orig.grupper and dup.programomrader == orig.programomrader


def test_duplikat_med_nytt_nummer_far_arstallet_for_ny_dato():
    """001 §2.11 alternative 3, with §2.8 «Det skal være årstallet vitnemålet skrives ut»."""
    dup = compose(lag(utsteder={"utstedt": "2026-06-19"}), today=NY, duplikat=True,
                  nytt_lopenummer=42)
    assert dup.dokumentnummer == "V974544482202700042"


def test_duplikat_uten_originalens_dato_eller_ny_dato_er_feil():
    with pytest.raises(InputError, match="utstedt"):
        compose(lag(), today=NY, duplikat=True)
    with pytest.raises(InputError, match="ny dato"):
        compose(lag(utsteder={"utstedt": "2026-06-19"}), duplikat=True)


def test_vedlegg_folger_dokumentet():
    """001 §2.10 — the attachment the school writes travels with the document."""
    d = compose(lag(vedlegg=["Første avsnitt.", "Andre avsnitt."]), today=DAG)
    assert d.vedlegg == ("Første avsnitt.", "Andre avsnitt.")


def test_feil_gir_nektet_utskrift_og_utkast_gir_merket_dokument(eksempler):
    m, problems = load_elevmappe(eksempler / "nektes" / "01-feil-i-foringen.json")
    assert not problems
    u = forbered(m, today=DAG)
    assert u.nektet and u.dokument is None
    assert "MATEMATIKK-T-P" in {f.regel for f in u.feil}
    utkast = forbered(m, today=DAG, utkast=True)
    assert not utkast.nektet and utkast.dokument.utkast


def test_uten_feil_gis_dokumentet(eksempler):
    m, _ = load_elevmappe(eksempler / "01-studiespesialisering-realfag.json")
    u = forbered(m, today=DAG, maalform="nn")
    assert not u.nektet and not u.feil
    assert u.dokument.maalform == "nn" and not u.dokument.utkast
