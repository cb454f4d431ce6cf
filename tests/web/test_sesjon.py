"""Session timeout (issue 16): a session ends 30 minutes after the last request, and the
session row is written again only when its last renewal is a minute old (``web.sesjon``)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from .conftest import som


def _rad(c):
    from django.contrib.sessions.models import Session

    return Session.objects.get(session_key=c.session.session_key)


def test_fornyes_bare_naar_forrige_fornyelse_er_gammel(verden, monkeypatch):
    from vitnemal.web import sesjon

    na = [1_000_000.0]
    monkeypatch.setattr(sesjon.time, "time", lambda: na[0])
    c = som(verden.brukere["saksbehandler"])
    assert c.get("/").status_code == 200
    forste = _rad(c)
    na[0] += sesjon.intervall() - 1
    assert c.get("/sok/").status_code == 200
    assert _rad(c).session_data == forste.session_data  # not written again
    assert _rad(c).expire_date == forste.expire_date
    na[0] += 1
    assert c.get("/sok/").status_code == 200
    ny = _rad(c)
    assert ny.session_data != forste.session_data
    assert ny.expire_date > forste.expire_date


def test_utlopt_sesjon_maa_logge_inn_igjen(verden):
    from django.conf import settings
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    c = som(verden.brukere["saksbehandler"])
    assert c.get("/").status_code == 200
    rad = _rad(c)
    # the expiry is the last renewal plus the session's age (30 minutes)
    assert rad.expire_date - timedelta(seconds=settings.SESSION_COOKIE_AGE) <= timezone.now()
    Session.objects.filter(pk=rad.pk).update(expire_date=rad.expire_date
                                             - timedelta(seconds=settings.SESSION_COOKIE_AGE + 1))
    r = c.get("/")
    assert r.status_code == 302 and "/logg-inn/" in r["Location"]


def test_anonym_faar_ingen_sesjon(klient):
    from django.contrib.sessions.models import Session

    assert klient.get("/").status_code == 302
    assert not Session.objects.exists()


@pytest.mark.parametrize(("levetid", "intervall"), [(1800, 60), (7200, 60), (300, 10), (5, 1)])
def test_intervallet_er_en_trettiendedel_av_levetiden_hoyst_ett_minutt(db, levetid, intervall):
    from django.test import override_settings

    from vitnemal.web import sesjon

    with override_settings(SESSION_COOKIE_AGE=levetid):
        assert sesjon.intervall() == intervall


def test_navnesok_har_trigramindeks_paa_postgresql(db):
    """On PostgreSQL the person search by name is answered from the trigram index of migration
    0011 (the plan names it); on SQLite there is nothing to check."""
    from django.db import connection

    from vitnemal.store.models import Person

    if connection.vendor != "postgresql":
        pytest.skip("bare PostgreSQL har trigramindeksen")
    with connection.cursor() as c:
        c.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'store_person_navn_trgm'")
        [(definisjon,)] = c.fetchall()
        c.execute("SET enable_seqscan = off")
    assert "gin_trgm_ops" in definisjon
    plan = Person.objects.filter(navn__icontains="Ola").filter(navn__icontains="nordlys").explain()
    assert "store_person_navn_trgm" in plan
