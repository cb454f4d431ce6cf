"""The main flow through the pages (Django test client): find the person, see the FEIL, fix
the grade (a new version, re-checked at once), issue, download the PDF; duplicate; reissue."""

from __future__ import annotations

import io

from .conftest import som


def _feilperson(verden):
    from vitnemal.store.models import Person

    return Person.objects.get(navn="Cecilie Feilsen")


def _skjemadata(side: str) -> dict:
    from .skjemadata import skjemadata

    return skjemadata(side)


def test_finn_se_feil_rett_utsted_last_ned(verden):
    import pikepdf

    from vitnemal.store.models import Elevmappeversjon, Hendelse

    c = som(verden.brukere["saksbehandler"])
    p = _feilperson(verden)
    svar = c.get("/sok/", {"navn": "feilsen"}).content.decode()
    assert f'href="/person/{p.pk}/"' in svar
    side = c.get(f"/person/{p.pk}/").content.decode()
    assert "KARAKTER-KOLONNE" in side and "1 FEIL" in side and "001 §5.2" in side

    r = c.post(f"/person/{p.pk}/utsted/")
    assert r.status_code == 422 and "KARAKTER-KOLONNE" in r.content.decode()

    skjema = c.get(f"/person/{p.pk}/endre/").content.decode()
    data = _skjemadata(skjema)
    eng = next(k for k, v in data.items() if k.endswith("-eksamen") and v == "D")
    data[eng] = "7"  # the loader's message, nothing saved
    r = c.post(f"/person/{p.pk}/endre/", {**data, "arsak": "retting"})
    assert r.status_code == 422 and "$.fag[" in r.content.decode()
    assert Elevmappeversjon.objects.filter(person=p).count() == 1

    data[eng] = "5"
    fragment = c.post(f"/person/{p.pk}/sjekk/", data).content.decode()  # HTMX re-check
    assert "Kontroll: 0 FEIL" in fragment and "<html" not in fragment
    r = c.post(f"/person/{p.pk}/endre/", {**data, "arsak": "retting av eksamenskarakter"})
    assert r.status_code == 302
    assert Elevmappeversjon.objects.filter(person=p).count() == 2
    side = c.get(f"/person/{p.pk}/").content.decode()
    assert "Kontroll: 0 FEIL" in side and "retting av eksamenskarakter" in side
    assert "ENG1007 eksamen: D → 5" in side  # the version history says what changed

    r = c.post(f"/person/{p.pk}/utsted/")
    assert r.status_code == 302 and r["Location"].startswith("/dokument/")
    dok_side = c.get(r["Location"]).content.decode()
    assert "V974544482" in dok_side and "dokument utstedt" in dok_side
    pdf = c.get(r["Location"] + "pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    with pikepdf.open(io.BytesIO(pdf.content)) as doc:
        assert len(doc.pages) >= 1
    assert Hendelse.objects.filter(person=p, handling="pdf-lest").exists()


def test_forhandsvisning_er_utkast(verden):
    import pikepdf

    c = som(verden.brukere["saksbehandler"])
    p = _feilperson(verden)
    r = c.get(f"/person/{p.pk}/forhandsvis/")
    assert r["Content-Type"] == "application/pdf"
    with pikepdf.open(io.BytesIO(r.content)) as doc:
        assert len(doc.pages) >= 1


def test_duplikat_og_ny_utstedelse_etter_endring(verden):
    from vitnemal.store.models import Annullering, UtstedtDokument

    c = som(verden.brukere["rektor"])
    r = c.post(f"/dokument/{verden.dok_a.pk}/duplikat/")
    assert r.status_code == 302
    dup = UtstedtDokument.objects.get(original=verden.dok_a)
    assert dup.art == "duplikat" and dup.nummer == verden.dok_a.nummer

    data = _skjemadata(c.get(f"/person/{verden.person_a.pk}/endre/").content.decode())
    k = next(k for k in data if k.endswith("-standpunkt") and data[k] == "4")
    data[k] = "5"
    assert c.post(f"/person/{verden.person_a.pk}/endre/",
                  {**data, "arsak": "klage"}).status_code == 302
    r = c.post(f"/person/{verden.person_a.pk}/utsted/")  # refused: the old one is valid
    assert r.status_code == 302 and not UtstedtDokument.objects.filter(
        person=verden.person_a, art="original").exclude(pk=verden.dok_a.pk).exists()
    r = c.post(f"/person/{verden.person_a.pk}/utsted/",
               {"erstatter": verden.dok_a.pk, "arsak": "KLA"})
    assert r.status_code == 302
    a = Annullering.objects.get(dokument=verden.dok_a)
    assert a.arsak == "KLA" and a.erstattet_av is not None


def test_register_og_logg_filtre(verden):
    c = som(verden.brukere["fylkesadmin"])
    side = c.get("/register/", {"type": "V", "status": "gyldig"}).content.decode()
    assert verden.dok_a.nummer in side and verden.dok_b.nummer not in side
    side = c.get("/register/", {"status": "annullert"}).content.decode()
    assert verden.dok_a.nummer not in side
    c2 = som(verden.brukere["revisor"])
    c2.get(f"/person/{verden.person_a.pk}/")
    logg = c2.get("/logg/", {"bruker": "revisor"}).content.decode()
    assert "personopplysninger lest" in logg
    logg = c2.get("/logg/", {"person": verden.person_b.pk}).content.decode()
    assert "0 hendelse(r)" in logg


def test_programomradefakta_kan_endres(verden):
    """A programme-area fact (004 S: «sluttet») set in the form reaches the stored version and
    the fullførtkode (S) at once."""
    from vitnemal.store.models import Elevmappeversjon

    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    data = _skjemadata(c.get(f"/person/{p.pk}/endre/").content.decode())
    r = c.post(f"/person/{p.pk}/endre/", {**data, "po_2_sluttet": "on", "arsak": "sluttet"})
    assert r.status_code == 302
    v = Elevmappeversjon.objects.filter(person=p).order_by("-versjon").first()
    assert v.versjon == 2 and v.data["programomrader"][2]["sluttet"] is True
    side = c.get(f"/person/{p.pk}/").content.decode()
    assert "programomrader endret" in side and "S (Avbrutt opplæringen" in side
