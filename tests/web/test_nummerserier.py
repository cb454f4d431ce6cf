"""The number series page (issue 16): per school and year, for the schools a user administers
only; gaps found, reserved numbers told apart; no personal data."""

from __future__ import annotations

from datetime import date

from .conftest import som


def test_fylkesadmin_ser_eget_fylkes_serier_uten_hull(verden):
    r = som(verden.brukere["fylkesadmin"]).get("/nummerserier/")
    assert r.status_code == 200
    tekst = r.content.decode()
    assert "Nordlys" in tekst and "Fjordheim" not in tekst and verden.skole_b.orgnr not in tekst
    assert "ingen hull" in tekst
    assert "Astrid" not in tekst and not any(n in tekst for n in verden.fnr)
    assert "Nummerserier</a>" in tekst  # in the menu


def test_andre_roller_faar_ikke_se_nummerseriene(verden):
    for rolle in ("saksbehandler", "rektor", "revisor"):
        r = som(verden.brukere[rolle]).get("/nummerserier/")
        assert r.status_code == 403, rolle
        assert "Nordlys" not in r.content.decode() or "Nummerserier</a>" not in r.content.decode()


def test_hull_og_reserverte_numre(verden):
    from vitnemal.store import nummer, nummerserier
    from vitnemal.store.services import annullering, skoler

    fa = verden.brukere["fylkesadmin"]
    [s] = nummerserier.serier(fa)
    assert (s.orgnr, s.ar, s.siste, s.dokumenter, s.annullert, s.hull) == (
        verden.skole_a.orgnr, 2026, 1, 1, 0, [])
    annullering.annuller(verden.brukere["rektor"], verden.dok_a, arsak="FEI", fritekst="x",
                         dato=date(2026, 6, 20))
    nummer.sett_neste(verden.skole_a.orgnr, 2026, 5)  # 2–4 taken, with no document or event
    skoler.sett_neste_nummer(fa, verden.skole_a, 2026, 9)  # 5–8 reserved (another system)
    [s] = nummerserier.serier(fa)
    assert (s.siste, s.annullert, s.hull, s.reservert) == (8, 1, [(2, 4)], [(5, 8)])
    tekst = som(fa).get("/nummerserier/").content.decode()
    assert "hull: 3 nummer mangler (2–4)" in tekst and "5–8" in tekst and "ingen hull" not in tekst


def test_superbruker_ser_alle_skoler(verden):
    from django.contrib.auth.models import User

    from vitnemal.store import nummerserier

    su = User.objects.create_superuser("su", password="et-langt-testpassord-123")
    assert {s.skole.pk for s in nummerserier.serier(su)} == {verden.skole_a.pk,
                                                             verden.skole_b.pk}


def test_nvb_import_reserverer_numrene_under_sine(verden):
    """An NVB import moves the series past the imported serials and logs it (with the orgnr,
    possibly under another school): the serials below are another system's, not gaps."""
    from vitnemal.store import hendelser, nummer, nummerserier
    from vitnemal.store.models import Hendelse

    orgnr = verden.skole_a.orgnr
    nummer.sett_neste(orgnr, 2025, 4)
    [s] = [s for s in nummerserier.serier(verden.brukere["fylkesadmin"]) if s.ar == 2025]
    assert (s.siste, s.dokumenter, s.hull) == (3, 0, [(1, 3)])
    hendelser.logg(verden.brukere["fylkesadmin"], Hendelse.Handling.NUMMERSERIE,
                   skole=verden.skole_b, orgnr=orgnr, ar=2025, neste=4, kilde="nvb-import")
    [s] = [s for s in nummerserier.serier(verden.brukere["fylkesadmin"]) if s.ar == 2025]
    assert (s.hull, s.reservert) == ([], [(1, 3)])
