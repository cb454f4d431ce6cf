"""Masseutstedelse in the browser (issue 17): start from the form, progress fragment, the
result table with links by person id, the streamed ZIP and the print PDF, cancellation with
confirmation and permission, the batch list per school, and the login-free health endpoint.
The chunk tasks run in-process (``Task.call``), as in tests/batch."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pikepdf

from .conftest import som


def _kjor(b) -> None:
    from vitnemal.store.models import Batchdel
    from vitnemal.store.services.batch import utsted_del

    for nr in Batchdel.objects.filter(batch=b, ferdig=False).order_by("nr").values_list(
            "nr", flat=True):
        utsted_del.call(b.pk, nr)


def test_start_fremdrift_resultat_og_nedlasting(verden):
    from vitnemal.store.models import Batch, Hendelse, UtstedtDokument

    u = verden.brukere["saksbehandler"]
    c = som(u)
    side = c.get("/batch/").content.decode()
    assert "Start masseutstedelse" in side and "Nordlys" in side and "Fjordheim" not in side
    r = c.post("/batch/start/", {"skole": verden.skole_a.pk, "formal": "juni"})
    b = Batch.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/batch/{b.pk}/"
    assert (b.startet_av, b.skole, b.antall, b.tilstand) == (u, verden.skole_a, 1, "ny")

    side = c.get(f"/batch/{b.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in side and "Avbryt batchen" in side
    assert "Last ned ZIP" not in side  # not before the batch has ended
    fragment = c.get(f"/batch/{b.pk}/fremdrift/?venter=1")
    assert "HX-Refresh" not in fragment and "Behandlet 0 av 1" in fragment.content.decode()

    _kjor(b)
    fragment = c.get(f"/batch/{b.pk}/fremdrift/?venter=1")
    tekst = fragment.content.decode()
    assert fragment["HX-Refresh"] == "true" and "hx-trigger" not in tekst
    assert "Behandlet 1 av 1" in tekst and "Ferdig" in tekst
    lest_for = Hendelse.objects.filter(bruker=u, handling="lest").count()
    side = c.get(f"/batch/{b.pk}/").content.decode()
    assert Hendelse.objects.filter(bruker=u, handling="lest").count() > lest_for  # audited
    cecilie = verden.fnr[2]
    assert cecilie not in side
    # Cecilie has a FEIL: refused, the finding shown, a link to her person page by id
    assert re.search(r'<a href="/person/\d+/">Cecilie Feilsen</a>', side)
    assert "nektet" in side and "FEIL" in side and "Avbryt batchen" not in side
    assert "Last ned ZIP" not in side and "utstedte ingen dokumenter" in side
    assert c.get(f"/batch/{b.pk}/zip/").status_code == 404
    assert UtstedtDokument.objects.count() == 2  # verden's two, nothing more


def test_zip_og_samlet_pdf(verden, batcher):
    from vitnemal.store.models import Batchperson, UtstedtDokument

    c = som(verden.brukere["rektor"])
    side = c.get(f"/batch/{batcher.a.pk}/").content.decode()
    dok = UtstedtDokument.objects.get(person__navn="Dag Batchsen")
    assert f'<a href="/dokument/{dok.pk}/">{dok.nummer}</a>' in side
    assert "Last ned ZIP" in side and "samlet PDF" in side

    r = c.get(f"/batch/{batcher.a.pk}/zip/")
    assert r.status_code == 200 and r.streaming and r["Content-Type"] == "application/zip"
    assert "no-store" in r["Cache-Control"]
    assert r["Content-Disposition"] == f'attachment; filename="batch-{batcher.a.pk}.zip"'
    with zipfile.ZipFile(io.BytesIO(b"".join(r.streaming_content))) as z:
        assert z.namelist() == [f"00002-{dok.nummer}.pdf"]  # Cecilie (1) was refused
        assert z.read(z.namelist()[0]) == bytes(dok.pdf)

    r = c.get(f"/batch/{batcher.a.pk}/pdf/")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert "no-store" in r["Cache-Control"]
    with pikepdf.open(io.BytesIO(r.content)) as samlet, \
            pikepdf.open(io.BytesIO(bytes(dok.pdf))) as en:
        assert len(samlet.pages) == len(en.pages)
    # B's batch: one issued so far, one waiting — the ZIP holds the one issued
    r = som(verden.brukere["rektor_b"]).get(f"/batch/{batcher.b.pk}/zip/")
    with zipfile.ZipFile(io.BytesIO(b"".join(r.streaming_content))) as z:
        assert len(z.namelist()) == Batchperson.objects.filter(
            batch=batcher.b, status="utstedt").count() == 1


def test_avbryt_krever_bekreftelse_og_tilgang(verden, batcher):
    from vitnemal.store.models import Batch, Batchperson

    url = f"/batch/{batcher.b.pk}/avbryt/"
    # revisor-like: school A's users get 404 (IDOR suite); B's rektor must confirm
    c = som(verden.brukere["rektor_b"])
    r = c.get(url)
    assert r.status_code == 200 and "Bekreft avbryting" in r.content.decode()
    assert "1 av 2" in r.content.decode()
    r = c.post(url, {})
    assert r.status_code == 200 and Batch.objects.get(pk=batcher.b.pk).tilstand == "kjorer"
    r = c.post(url, {"bekreft": "ja"})
    assert r.status_code == 302 and r["Location"] == f"/batch/{batcher.b.pk}/"
    b = Batch.objects.get(pk=batcher.b.pk)
    assert (b.tilstand, b.avbrutt_av) == ("avbrutt", verden.brukere["rektor_b"])
    assert Batchperson.objects.filter(batch=b, status="avbrutt").count() == 1
    side = c.get(f"/batch/{b.pk}/").content.decode()
    assert "Avbrutt" in side and "Frida Fjordbatch" in side and "Avbryt batchen" not in side
    r = c.post(url, {"bekreft": "ja"}, follow=True)  # a second time: a message, no change
    assert "allerede" in r.content.decode()


def test_revisor_ser_men_kan_ikke_starte_eller_avbryte(verden, batcher):
    from vitnemal.store.models import Batch, Rolle

    Rolle.objects.create(bruker=verden.brukere["revisor"], rolle="revisor",
                         skole=verden.skole_b)
    c = som(verden.brukere["revisor"])
    side = c.get("/batch/").content.decode()
    assert "Start masseutstedelse" not in side
    assert f"Batch {batcher.a.pk}<" in side and f"Batch {batcher.b.pk}<" in side
    assert c.post("/batch/start/", {"skole": verden.skole_a.pk}).status_code == 422
    assert "Avbryt batchen" not in c.get(f"/batch/{batcher.b.pk}/").content.decode()
    r = c.post(f"/batch/{batcher.b.pk}/avbryt/", {"bekreft": "ja"})
    assert r.status_code == 403
    assert Batch.objects.get(pk=batcher.b.pk).tilstand == "kjorer"
    assert Batch.objects.count() == 2


def test_listen_og_startskjemaet_viser_bare_egne_skoler(verden, batcher):
    from vitnemal.store.models import Batch

    c = som(verden.brukere["saksbehandler"])
    side = c.get("/batch/").content.decode()
    assert f"Batch {batcher.a.pk}<" in side and f"Batch {batcher.b.pk}<" not in side
    assert "Fjordheim" not in side
    r = c.post("/batch/start/", {"skole": verden.skole_b.pk})  # not a choice for A's clerk
    assert r.status_code == 422 and Batch.objects.count() == 2
    r = c.post("/batch/start/", {"skole": verden.skole_a.pk, "skolear": "2026"})
    assert r.status_code == 422 and "ÅÅÅÅ-ÅÅÅÅ" in r.content.decode()


def test_masseutstedelse_naas_fra_startsiden(verden):
    c = som(verden.brukere["saksbehandler"])
    assert 'href="/batch/"' in c.get("/").content.decode()


def test_helse_uten_innlogging_og_uten_detaljer(verden, klient, batcher):
    from vitnemal.store import drift

    drift.hjerteslag(drift.registrer("testvert-123-abcd").ident)
    r = klient.get("/helse/")
    assert r.status_code == 200 and r["Content-Type"] == "application/json"
    h = json.loads(r.content)
    assert h["status"] == "ok" and h["arbeidere"] == 1 and h["aktive_batcher"] == 1
    assert h["ventende_deler"] == 1
    assert set(h) <= {"status", "arbeidere", "aktive_batcher", "ventende_deler", "feil",
                      "advarsel"}
    tekst = r.content.decode()
    assert "testvert" not in tekst and "sqlite" not in tekst.lower()
    assert klient.post("/helse/").status_code == 405
