"""Roles and object access (issue 16): an IDOR suite over every URL of the application, the
anonymous user sent to login, and what each role may do."""

from __future__ import annotations

import pytest

from .conftest import som

# Every URL name of the web app and the kind of object its path takes. A new URL must be
# added here (test_hver_url_er_med), so that the suite tries it with another school's objects.
URLER = {
    "logg-inn": None, "logg-ut": None, "start": None, "sok": None, "register": None,
    "logg": None,
    "person": "person", "endre": "person", "sjekk": "person", "forhandsvis": "person",
    "utsted": "person",
    "dokument": "dokument", "pdf": "dokument", "duplikat": "dokument", "annuller": "dokument",
    # issue 17, browser part
    "batcher": None, "batch-start": None, "helse": None,
    "batch": "batch", "batch-fremdrift": "batch", "batch-avbryt": "batch", "batch-zip": "batch",
    "batch-pdf": "batch",
}
UTEN_INNLOGGING = {"logg-inn", "helse"}  # helse: status fields only (docs/decisions.md)


def _url(navn: str, obj) -> str:
    from django.urls import reverse

    return reverse(f"web:{navn}", kwargs={"pk": obj.pk} if obj is not None else None)


def test_hver_url_er_med(db):
    from vitnemal.web import urls

    assert {p.name for p in urls.urlpatterns} == set(URLER)


@pytest.mark.parametrize("navn", sorted(n for n, art in URLER.items() if art))
def test_idor_annen_skoles_objekt_gir_404_og_ingen_data(verden, navn, request):
    """saksbehandler and rektor of school A try school B's person, document and batch by id,
    with GET and POST: 404 or 403, and not a byte of B's name, number or document."""
    from vitnemal.store.models import Annullering, Batch, UtstedtDokument

    art = URLER[navn]
    obj = {"person": verden.person_b, "dokument": verden.dok_b}.get(art)
    navn_b: tuple = ()
    if art == "batch":
        bt = request.getfixturevalue("batcher")
        obj, navn_b = bt.b, bt.navn_b
        tilstand = obj.tilstand
    for bruker in ("saksbehandler", "rektor", "revisor", "fylkesadmin"):
        c = som(verden.brukere[bruker])
        for metode in (c.get, c.post):
            r = metode(_url(navn, obj), {"arsak": "FEI", "fritekst": "x", "bekreft": "ja",
                                         "arsak_": "x", "nytt_nummer": "on"})
            if r.status_code == 405:
                continue
            assert r.status_code in (403, 404), (bruker, navn, metode, r.status_code)
            tekst = r.content.decode("utf-8", "replace")
            assert "Bodil" not in tekst and verden.fnr[1] not in tekst
            assert verden.dok_b.nummer not in tekst
            assert not any(n in tekst for n in navn_b) and "Fjordheim" not in tekst
            assert not r.streaming and "pdf" not in r.get("Content-Type", "")
    assert UtstedtDokument.objects.filter(person=verden.person_b).count() == 1
    if art == "batch":
        assert Batch.objects.get(pk=obj.pk).tilstand == tilstand == "kjorer"
    assert not Annullering.objects.filter(dokument=verden.dok_b).exists()


@pytest.mark.parametrize("navn", sorted(n for n, art in URLER.items() if art))
def test_egen_skoles_objekt_kan_leses(verden, navn, request):
    """The control: the same GETs on school A's own objects succeed for its rektor."""
    art = URLER[navn]
    obj = {"person": verden.person_a, "dokument": verden.dok_a}.get(art)
    if art == "batch":
        obj = request.getfixturevalue("batcher").a
    r = som(verden.brukere["rektor"]).get(_url(navn, obj))
    assert r.status_code in (200, 405), (navn, r.status_code)


@pytest.mark.parametrize("navn", sorted(n for n in URLER if n not in UTEN_INNLOGGING))
def test_anonym_sendes_til_innlogging(verden, klient, navn, request):
    art = URLER[navn]
    obj = {"person": verden.person_a, "dokument": verden.dok_a}.get(art)
    if art == "batch":
        obj = request.getfixturevalue("batcher").a
    for metode in (klient.get, klient.post):
        r = metode(_url(navn, obj))
        if navn == "logg-ut":
            assert r.status_code in (302, 405)
            continue
        if r.status_code == 405:
            continue
        assert r.status_code == 302 and r["Location"].startswith("/logg-inn/"), (navn, r)


def test_sok_finner_bare_egne_skolers_personer(verden):
    c = som(verden.brukere["saksbehandler"])
    assert "Astrid" in c.get("/sok/", {"navn": "Astrid"}).content.decode()
    svar = c.get("/sok/", {"navn": "Bodil"}).content.decode()
    assert ">Bodil Fjordheim<" not in svar and "0 treff" in svar
    svar = c.post("/sok/", {"fodselsnummer": verden.fnr[1]}).content.decode()
    assert "Bodil" not in svar and "0 treff" in svar
    svar = som(verden.brukere["saksbehandler_b"]).post(
        "/sok/", {"fodselsnummer": verden.fnr[1]}).content.decode()
    assert ">Bodil Fjordheim<" in svar and verden.fnr[1] not in svar


def test_fylkesadmin_ser_fylkets_skoler_men_ikke_andre_fylker(verden):
    c = som(verden.brukere["fylkesadmin"])
    assert c.get(f"/person/{verden.person_a.pk}/").status_code == 200
    assert c.get(f"/person/{verden.person_b.pk}/").status_code == 404
    assert c.get("/logg/").status_code == 200


def test_saksbehandler_kan_ikke_annullere_rektor_kan(verden):
    from vitnemal.store.models import Annullering

    url = f"/dokument/{verden.dok_a.pk}/annuller/"
    data = {"arsak": "FEI", "fritekst": "feil karakter", "bekreft": "ja"}
    assert som(verden.brukere["saksbehandler"]).post(url, data).status_code == 403
    assert not Annullering.objects.filter(dokument=verden.dok_a).exists()
    r = som(verden.brukere["rektor"]).post(url, data)
    assert r.status_code == 302
    assert Annullering.objects.get(dokument=verden.dok_a).arsak == "FEI"


def test_annullering_krever_bekreftelse(verden):
    from vitnemal.store.models import Annullering

    c = som(verden.brukere["rektor"])
    r = c.post(f"/dokument/{verden.dok_a.pk}/annuller/", {"arsak": "KLA", "fritekst": "klage"})
    assert r.status_code == 200 and "Bekreft annullering" in r.content.decode()
    assert not Annullering.objects.filter(dokument=verden.dok_a).exists()


def test_revisor_leser_men_endrer_ikke(verden):
    from vitnemal.store.models import UtstedtDokument

    c = som(verden.brukere["revisor"])
    assert c.get(f"/person/{verden.person_a.pk}/").status_code == 200
    assert c.get("/logg/").status_code == 200
    assert c.post(f"/dokument/{verden.dok_a.pk}/duplikat/").status_code == 403
    assert c.get(f"/person/{verden.person_a.pk}/endre/").status_code == 403
    assert UtstedtDokument.objects.filter(person=verden.person_a).count() == 1


def test_saksbehandler_ser_ikke_hendelsesloggen(verden):
    assert som(verden.brukere["saksbehandler"]).get("/logg/").status_code == 403


def test_hver_visning_av_personopplysninger_logges(verden):
    from vitnemal.store.models import Hendelse

    u = verden.brukere["saksbehandler"]
    for url in (f"/person/{verden.person_a.pk}/", f"/dokument/{verden.dok_a.pk}/",
                f"/dokument/{verden.dok_a.pk}/pdf/"):
        for_ = Hendelse.objects.filter(bruker=u, person=verden.person_a).count()
        assert som(u).get(url).status_code == 200
        assert Hendelse.objects.filter(bruker=u, person=verden.person_a).count() > for_, url


def test_cli_brukeren_har_fortsatt_alle_skoler(verden):
    from vitnemal.store import tilgang
    from vitnemal.store.services import brukere

    cli, _ = brukere.opprett("cli-bruker")
    assert tilgang.skoler(cli, "utstede") is None
    assert tilgang.har(cli, "annullere", verden.dok_b)


def test_admin_fylkesadmin_ser_og_tildeler_bare_eget_fylke(verden):
    from django.contrib.auth.models import Permission

    from vitnemal.store.models import Rolle

    fa = verden.brukere["fylkesadmin"]
    fa.is_staff = True
    fa.save()
    fa.user_permissions.add(*Permission.objects.filter(
        content_type__app_label="store", codename__in=["view_skole", "change_skole",
                                                       "view_rolle", "add_rolle"]))
    c = som(fa)
    liste = c.get("/admin/store/skole/").content.decode()
    assert "Nordlys" in liste and "Fjordheim" not in liste
    assert c.get(f"/admin/store/skole/{verden.skole_b.pk}/change/").status_code in (302, 404)
    u = verden.brukere["saksbehandler_b"]
    r = c.post("/admin/store/rolle/add/", {"bruker": u.pk, "rolle": "rektor",
                                           "skole": verden.skole_b.pk})
    assert r.status_code == 200  # the form refuses a school outside the county
    assert not Rolle.objects.filter(bruker=u, rolle="rektor").exists()
    r = c.post("/admin/store/rolle/add/", {"bruker": u.pk, "rolle": "revisor",
                                           "skole": verden.skole_a.pk})
    assert r.status_code == 302
    assert Rolle.objects.filter(bruker=u, rolle="revisor", skole=verden.skole_a).exists()


@pytest.mark.parametrize("hvem", ["direkte", "gruppe", "ingen", "superbruker", "inaktiv"])
def test_globale_rettigheter_som_has_perm(verden, hvem):
    """``tilgang`` reads a user's global (CLI) permissions in one query; the answer is Django's
    ``has_perm`` for every action, whether the permission is the user's own or a group's."""
    from django.contrib.auth.models import Group, Permission, User

    from vitnemal.store import tilgang

    u = User.objects.create_user(f"global-{hvem}", is_superuser=hvem == "superbruker",
                                 is_active=hvem != "inaktiv")
    lese = Permission.objects.get(content_type__app_label="store", codename="lese")
    utstede = Permission.objects.get(content_type__app_label="store", codename="utstede")
    if hvem in ("direkte", "inaktiv"):
        u.user_permissions.add(lese)
    if hvem == "gruppe":
        g = Group.objects.create(name="bare-utstede")
        g.permissions.add(utstede)
        u.groups.add(g)
    for handling in tilgang.HANDLINGER:
        fersk = User.objects.get(pk=u.pk)
        perm = "lese" if handling == "revidere" else handling
        forventet = fersk.has_perm(f"store.{perm}")
        assert (tilgang.skoler(User.objects.get(pk=u.pk), handling) is None) == forventet, \
            (hvem, handling)
    assert (tilgang.skoler(User.objects.get(pk=u.pk), "utstede") is None) == \
        (hvem in ("gruppe", "superbruker"))
