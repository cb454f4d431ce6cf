"""User administration by a fylkesadmin (issue 16): users and roles of their own county only,
never an administrator, every change audited."""

from __future__ import annotations

import pytest

from .conftest import som

PASSORD = "et-langt-nytt-passord-789"


@pytest.fixture
def fa(verden):
    u = verden.brukere["fylkesadmin"]
    u.is_staff = True  # the admin site needs staff; the rest comes from the role
    u.save()
    return u


def _ny(c, skole, navn="ny-saksbehandler", rolle="saksbehandler"):
    return c.post("/admin/auth/user/add/", {
        "username": navn, "usable_password": "true", "password1": PASSORD,
        "password2": PASSORD, "rolle": rolle, "skole": skole.pk})


def _endre(c, bruker, **ekstra):
    data = {"username": bruker.username, "first_name": "Nytt", "last_name": "Navn",
            "email": "", "is_active": "on", **ekstra}
    return c.post(f"/admin/auth/user/{bruker.pk}/change/", data)


def test_fylkesadmin_oppretter_saksbehandler_ved_egen_skole(verden, fa):
    from django.contrib.auth.models import User

    from vitnemal.store import tilgang
    from vitnemal.store.models import Hendelse

    r = _ny(som(fa), verden.skole_a)
    assert r.status_code == 302, r.content.decode()[:2000]
    u = User.objects.get(username="ny-saksbehandler")
    assert not (u.is_staff or u.is_superuser) and u.check_password(PASSORD)
    assert tilgang.skoler(u, "utstede") == {verden.skole_a.pk}
    hva = list(Hendelse.objects.filter(bruker=fa, handling="bruker")
               .values_list("detaljer__hva", flat=True))
    assert "opprettet" in hva and "rolle gitt" in hva


def test_fylkesadmin_kan_ikke_opprette_bruker_ved_annet_fylkes_skole(verden, fa):
    from django.contrib.auth.models import User

    r = _ny(som(fa), verden.skole_b)
    assert r.status_code == 200  # the form refuses the school
    assert not User.objects.filter(username="ny-saksbehandler").exists()


def test_fylkesadmin_ser_bare_brukere_i_eget_fylke(verden, fa):
    c = som(fa)
    forside = c.get("/admin/").content.decode()
    assert "/admin/auth/user/" in forside and "/admin/auth/group/" not in forside
    liste = c.get("/admin/auth/user/").content.decode()
    assert "saksbehandler_b" not in liste and "rektor_b" not in liste and "oppsett" not in liste
    assert ">saksbehandler<" in liste and ">revisor<" in liste
    b = verden.brukere["saksbehandler_b"]
    for url in (f"/admin/auth/user/{b.pk}/change/", f"/admin/auth/user/{b.pk}/password/"):
        r = c.get(url)
        assert r.status_code in (302, 403, 404), url
        assert "saksbehandler_b" not in r.content.decode()
    rolleliste = c.get("/admin/store/rolle/").content.decode()
    assert "Fjordheim" not in rolleliste and "saksbehandler_b" not in rolleliste
    skjema = c.get("/admin/store/rolle/add/").content.decode()
    assert "saksbehandler_b" not in skjema and "Fjordheim" not in skjema


def test_fylkesadmin_kan_ikke_endre_brukere_eller_roller_i_annet_fylke(verden, fa):
    from vitnemal.store.models import Rolle

    c = som(fa)
    b = verden.brukere["saksbehandler_b"]
    r = _endre(c, b, is_active="")
    b.refresh_from_db()
    assert r.status_code in (302, 403, 404) and b.is_active and b.first_name == ""
    rolle_b = Rolle.objects.get(bruker=b)
    r = c.post(f"/admin/store/rolle/{rolle_b.pk}/delete/", {"post": "yes"})
    assert Rolle.objects.filter(pk=rolle_b.pk).exists()
    r = c.post("/admin/store/rolle/add/", {"bruker": b.pk, "rolle": "rektor",
                                           "skole": verden.skole_a.pk})
    assert r.status_code == 200 and not Rolle.objects.filter(bruker=b, rolle="rektor").exists()


def test_fylkesadmin_kan_ikke_endre_bruker_som_ogsaa_arbeider_i_annet_fylke(verden, fa):
    from vitnemal.store.models import Rolle

    b = verden.brukere["saksbehandler_b"]
    Rolle.objects.create(bruker=b, rolle="revisor", skole=verden.skole_a)
    c = som(fa)
    assert "saksbehandler_b" in c.get("/admin/auth/user/").content.decode()  # seen …
    r = _endre(c, b, is_active="")
    b.refresh_from_db()
    assert r.status_code == 403 and b.is_active  # … but not changed
    r = c.post(f"/admin/auth/user/{b.pk}/password/",
               {"password1": PASSORD, "password2": PASSORD, "usable_password": "true"})
    b.refresh_from_db()
    assert r.status_code == 403 and not b.check_password(PASSORD)


def test_fylkesadmin_kan_ikke_eskalere(verden, fa):
    from django.contrib.auth.models import Group, Permission

    g = Group.objects.create(name="alt")
    perm = Permission.objects.get(codename="change_user")
    s = verden.brukere["saksbehandler"]
    r = _endre(som(fa), s, is_superuser="on", is_staff="on", groups=[g.pk],
               user_permissions=[perm.pk])
    assert r.status_code == 302
    s.refresh_from_db()
    assert s.first_name == "Nytt"  # the allowed change went through …
    assert not (s.is_superuser or s.is_staff)  # … the escalation did not
    assert not s.groups.exists() and not s.user_permissions.exists()
    from django.contrib.auth.models import User

    r = som(fa).post("/admin/auth/user/add/", {
        "username": "ny-admin", "usable_password": "true", "password1": PASSORD,
        "password2": PASSORD, "rolle": "saksbehandler", "skole": verden.skole_a.pk,
        "is_superuser": "on", "is_staff": "on", "groups": [g.pk]})
    assert r.status_code == 302
    ny = User.objects.get(username="ny-admin")
    assert not (ny.is_staff or ny.is_superuser or ny.groups.exists())


def test_fylkesadmin_deaktiverer_og_setter_passord_med_hendelse(verden, fa):
    from vitnemal.store.models import Hendelse

    c = som(fa)
    s = verden.brukere["saksbehandler"]
    assert _endre(c, s, is_active="").status_code == 302
    s.refresh_from_db()
    assert not s.is_active
    r = c.post(f"/admin/auth/user/{s.pk}/password/",
               {"password1": PASSORD, "password2": PASSORD, "usable_password": "true"})
    assert r.status_code == 302
    s.refresh_from_db()
    assert s.check_password(PASSORD)
    hva = set(Hendelse.objects.filter(bruker=fa, handling="bruker")
              .values_list("detaljer__hva", flat=True))
    assert {"deaktivert", "passord"} <= hva


def test_tjenesten_nekter_uten_admin_skjemaet(verden, fa):
    """The checks are in the service, not only in the admin's forms."""
    from django.contrib.auth.models import User

    from vitnemal.store import tilgang
    from vitnemal.store.models import Rolle
    from vitnemal.store.services import brukerforvaltning as bf

    s = verden.brukere["saksbehandler"]
    s.is_superuser = True
    with pytest.raises(tilgang.IngenTilgang):
        bf.lagre_bruker(fa, s, ["is_superuser"])
    with pytest.raises(tilgang.IngenTilgang):
        bf.opprett(fa, User(username="x", is_staff=True), "saksbehandler",
                   skole=verden.skole_a)
    with pytest.raises(tilgang.IngenTilgang):
        bf.opprett(fa, User(username="y"), "saksbehandler", skole=verden.skole_b)
    with pytest.raises(tilgang.IngenTilgang):
        bf.lagre_rolle(fa, Rolle(bruker=s, rolle="rektor", fylke=verden.skole_b.fylke))
    with pytest.raises(tilgang.IngenTilgang):
        bf.fjern_rolle(fa, Rolle.objects.get(bruker=verden.brukere["rektor_b"]))
    with pytest.raises(tilgang.IngenTilgang):
        bf.opprett(verden.brukere["rektor"], User(username="z"), "saksbehandler",
                   skole=verden.skole_a)
    assert not User.objects.filter(username__in=["x", "y", "z"]).exists()
    assert User.objects.get(pk=s.pk).is_superuser is False
    bf.lagre_rolle(fa, Rolle(bruker=s, rolle="revisor", fylke=verden.skole_a.fylke))
    assert Rolle.objects.filter(bruker=s, rolle="revisor", fylke=verden.skole_a.fylke).exists()
