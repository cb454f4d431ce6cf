"""CSRF on every state change, security headers, production settings (``check --deploy``),
and a crawl of every page: no fødselsnummer in any URL, title or log line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from .conftest import fang_logg, som

ENDRINGER = [  # (URL pattern, object) — every URL that changes the register
    ("/person/{p}/endre/", "p"), ("/person/{p}/utsted/", "p"), ("/dokument/{d}/duplikat/", "d"),
    ("/dokument/{d}/annuller/", "d"), ("/sok/", None), ("/logg-ut/", None),
    ("/person/{p}/sjekk/", "p"), ("/batch/start/", None), ("/batch/{b}/avbryt/", "b"),
]


def _fyll(mal: str, v, b=None) -> str:
    return mal.format(p=v.person_a.pk, d=v.dok_a.pk, b=b.pk if b else 0)


def test_csrf_paa_hver_endring(verden, batcher):
    """With CSRF checks on, every POST without a token is refused (403) and changes nothing."""
    from vitnemal.store.models import Annullering, Batch, Elevmappeversjon, UtstedtDokument

    c = som(verden.brukere["rektor_b"], enforce_csrf_checks=True)
    assert c.post(_fyll("/batch/{b}/avbryt/", verden, batcher.b)).status_code == 403
    c = som(verden.brukere["rektor"], enforce_csrf_checks=True)
    dokumenter = UtstedtDokument.objects.count()
    for mal, _ in ENDRINGER:
        r = c.post(_fyll(mal, verden, batcher.a), {
            "arsak": "FEI", "fritekst": "x", "bekreft": "ja", "fodselsnummer": verden.fnr[0],
            "skole": verden.skole_a.pk})
        assert r.status_code == 403, mal
    assert UtstedtDokument.objects.count() == dokumenter
    assert Batch.objects.count() == 2
    assert Batch.objects.get(pk=batcher.b.pk).tilstand == "kjorer"
    assert not Annullering.objects.exists()
    assert Elevmappeversjon.objects.filter(person=verden.person_a).count() == 1


def test_csrf_ogsaa_paa_innlogging(verden, klient):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    r = c.post("/logg-inn/", {"username": "rektor", "password": "et-langt-testpassord-123"})
    assert r.status_code == 403


def test_innlogging_og_sperre(verden, klient):
    """Login works with the right password; five failures lock the user name out (axes)."""
    assert klient.post("/logg-inn/", {"username": "rektor",
                                      "password": "et-langt-testpassord-123"}).status_code == 302
    from django.test import Client

    c = Client()
    for _ in range(5):
        c.post("/logg-inn/", {"username": "revisor", "password": "feil"})
    r = c.post("/logg-inn/", {"username": "revisor", "password": "et-langt-testpassord-123"})
    assert r.status_code in (403, 429) and "sperret" in r.content.decode()


def test_passord_hashes_med_argon2(verden):
    assert verden.brukere["rektor"].password.startswith("argon2")


def test_sikkerhetshoder(verden):
    c = som(verden.brukere["rektor"])
    r = c.get(f"/person/{verden.person_a.pk}/")
    csp = r["Content-Security-Policy"]
    direktiver = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert direktiver["script-src"] == "'self'" and "unsafe" not in csp
    assert direktiver["frame-ancestors"] == "'none'"
    assert "no-store" in r["Cache-Control"]
    assert r["X-Frame-Options"] == "DENY"
    assert r["X-Content-Type-Options"] == "nosniff"
    html = r.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
    assert not re.search(r"\sstyle=", html) and "<style" not in html, "inline style"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


def test_check_deploy_er_rent():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "vitnemal.config.produksjon",
           "VITNEMAL_SECRET_KEY": "x" * 20 + "K9#fq2!zpL0vW7rT5yN3mB8cX1aD6eG4hJ",
           "VITNEMAL_ALLOWED_HOSTS": "vitnemal.example.no",
           "DATABASE_URL": "sqlite:////tmp/vitnemal-check-deploy.sqlite3"}
    p = subprocess.run([sys.executable, "-m", "django", "check", "--deploy",
                        "--fail-level", "WARNING"], env=env, capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "no issues" in p.stdout


def test_produksjon_nekter_uten_hemmelighet():
    env = {k: v for k, v in os.environ.items() if k != "VITNEMAL_SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "vitnemal.config.produksjon"
    p = subprocess.run([sys.executable, "-m", "django", "check", "--deploy"], env=env,
                       capture_output=True, text=True, timeout=120)
    assert p.returncode != 0 and "VITNEMAL_SECRET_KEY" in p.stderr


class _Lenker(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lenker, self.tittel, self._i_tittel = [], "", False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href", "").startswith("/"):
            self.lenker.append(a["href"])
        self._i_tittel = tag == "title"

    def handle_data(self, data):
        if self._i_tittel:
            self.tittel += data

    def handle_endtag(self, tag):
        self._i_tittel = False


@pytest.mark.parametrize("rolle", ["rektor", "fylkesadmin"])
def test_gjennomgang_uten_fodselsnummer_i_url_tittel_eller_logg(verden, batcher, rolle):
    """Visit every page reachable from the start page (and search by number, issue, edit),
    capturing every log record at DEBUG: no fødselsnummer in a URL, a title or a log line."""
    fnr = verden.fnr
    with fang_logg("django", "django.request", "django.server", "django.db.backends",
                   "axes") as fanget:
        c = som(verden.brukere[rolle])
        c.post("/sok/", {"fodselsnummer": fnr[0]})
        c.post("/sok/", {"fodselsnummer": "12345678901"})
        c.get("/person/999999/")  # a 404 is logged: the capture is live
        if rolle == "rektor":
            c.post(f"/person/{verden.person_a.pk}/utsted/")
        sett, ko, besok = set(), ["/"], []
        while ko and len(sett) < 200:
            url = ko.pop(0)
            if url in sett or url.startswith("/logg-ut"):
                continue
            sett.add(url)
            r = c.get(url)
            besok.append((url, r.status_code))
            for n in fnr:
                assert n not in url
            if r.get("Content-Type", "").startswith("text/html"):
                p = _Lenker()
                p.feed(r.content.decode())
                assert not any(n in p.tittel for n in fnr), url
                ko.extend(lenke for lenke in p.lenker if lenke not in sett)
    sider = {u for u, s in besok if s == 200}
    assert any(u.startswith("/person/") for u in sider) and any(u.endswith("/pdf/")
                                                                 for u in sider)
    assert len(sider) >= 8, besok
    # issue 17: the batch pages are reached from the start page, downloads included
    assert {"/batch/", f"/batch/{batcher.a.pk}/", f"/batch/{batcher.a.pk}/zip/",
            f"/batch/{batcher.a.pk}/pdf/"} <= sider, besok
    assert "/klar/" in sider, besok  # issue 16: readiness, from the start page
    if rolle == "fylkesadmin":  # issue 16: the county's pages, from the menu
        assert "/nummerserier/" in sider, besok
    logg = "\n".join(fanget)
    assert "Not Found: /person/999999/" in logg
    for n in fnr:
        assert n not in logg
