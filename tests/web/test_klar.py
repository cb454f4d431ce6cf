"""Readiness on the start page and the «Klar til frist» page (issue 16): the same checks as
``vitnemal arshjul klar``, at the user's schools only, persons by name and id, never by
fødselsnummer; the start page's cost does not grow with the register."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import mappe, som

JUNI = date(2026, 6, 10)  # NVB's 1 July within 90 days


@pytest.mark.parametrize("bruker", ["rektor", "rektor_b", "fylkesadmin", "oppsett"])
def test_tellingene_er_de_samme_som_klarsjekkenes(endret, bruker):
    from django.contrib.auth.models import User

    from vitnemal.store import klar

    u = endret.brukere.get(bruker) or User.objects.get(username=bruker)
    tall = klar.tell(u, list(klar.BILLIGE))
    kjort = {r.navn: r.antall for r in klar.kjor(u, list(klar.BILLIGE), dato=JUNI)}
    assert tall == kjort
    forventet = {"rektor": (1, 1), "fylkesadmin": (1, 1), "rektor_b": (1, 0), "oppsett": (2, 1)}
    assert (tall["nvb_levert"], tall["klage_ny_eksamen_oppdatert"]) == forventet[bruker]


def test_startsidens_frister_har_tellinger_for_egne_skoler(endret):
    from vitnemal.store import klarfrister

    rader = klarfrister.neste(endret.brukere["rektor_b"], JUNI)
    [nvb] = [r for r in rader if r.start == date(2026, 7, 1) and "NVB" not in r.hva
             and "Nasjonal vitnemålsdatabase" in r.hva]
    sjekker = {k.navn: k.antall for k in nvb.sjekker}
    assert sjekker == {"nvb_levert": 1, "vitnemal_utstedt": None, "dokumenter_uten_feil": None}
    rader = klarfrister.neste(endret.brukere["rektor"], JUNI)
    alle = {k.navn: k.antall for r in rader for k in r.sjekker}
    assert alle["nvb_levert"] == 1


def test_startsiden_viser_beredskap_uten_fodselsnummer(endret, monkeypatch):
    from vitnemal.web import views

    class Dato(date):
        @classmethod
        def today(cls):
            return JUNI

    monkeypatch.setattr(views, "date", Dato)
    tekst = som(endret.brukere["rektor"]).get("/").content.decode()
    assert "nvb_levert</a>:" in tekst and "1 berørt(e)" in tekst and "kjør sjekken" in tekst
    assert not any(n in tekst for n in endret.fnr)
    assert "Fjordheim" not in tekst


def test_startsidens_sporringer_vokser_ikke_med_registeret(verden):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from vitnemal.store import kjerne, klarfrister
    from vitnemal.store.services import importering

    def antall() -> int:
        with CaptureQueriesContext(connection) as q:
            klarfrister.neste(verden.brukere["fylkesadmin"], JUNI)
        return len(q)

    antall()  # the user's roles are read once per user object
    for_ = antall()
    for i in range(5):
        from tests.store import stotte

        m, _ = kjerne.valider(mappe(stotte.fiktivt_fnr(7100 + i), f"Ny Person {i}"), navn="t")
        importering.importer(verden.brukere["rektor"], [("t", m)], verden.skole_a)
    assert antall() == for_ <= 4


def test_klarsiden_for_egen_skole_navngir_uten_fodselsnummer_og_logger(verden):
    from vitnemal.store.models import Hendelse

    c = som(verden.brukere["rektor"])
    r = c.get("/klar/", {"skole": verden.skole_a.pk, "sjekk": "dokumenter_uten_feil"})
    assert r.status_code == 200
    tekst = r.content.decode()
    assert "Cecilie Feilsen" in tekst and "1 berørt(e)" in tekst
    assert not any(n in tekst for n in verden.fnr) and "Bodil" not in tekst
    assert Hendelse.objects.filter(bruker=verden.brukere["rektor"], handling="lest",
                                   detaljer__hva="klarsjekk").count() == 1


def test_klarsiden_for_annen_skole_gir_404(verden):
    c = som(verden.brukere["rektor"])
    r = c.get("/klar/", {"skole": verden.skole_b.pk})
    assert r.status_code == 404
    tekst = r.content.decode()
    assert "Fjordheim" not in tekst and "Bodil" not in tekst
    assert c.get("/klar/", {"sjekk": "finnes_ikke"}).status_code == 404


def test_beredskap_teller_bare_personer_med_gyldig_dokument(verden):
    """School A: Astrid has a document, Cecilie (FEIL) has none."""
    from django.contrib.auth.models import User

    from vitnemal.store import visning

    assert visning.beredskap(verden.brukere["rektor"]) == {"personer": 2, "utstedt": 1}
    assert visning.beredskap(verden.brukere["rektor_b"]) == {"personer": 1, "utstedt": 1}
    assert visning.beredskap(User.objects.get(username="oppsett")) == {"personer": 3,
                                                                       "utstedt": 2}
    assert visning.beredskap(User.objects.create_user("uten-rolle")) == {"personer": 0,
                                                                         "utstedt": 0}
