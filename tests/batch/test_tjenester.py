"""Batches in one process (issue 17): start, the chunk task, idempotency per person,
cancellation, resumption of a dead worker's chunk, progress and result selectors, export.
Each test in a rolled-back transaction; the chunk task is called directly (``Task.call``)."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from datetime import date, timedelta

import pikepdf
import pytest

from tests.store import stotte
from vitnemal.errors import VitnemalError
from vitnemal.model import Elevmappe

DATO = date(2026, 6, 19)
NEKTES = stotte.EKSEMPLER / "nektes" / "01-feil-i-foringen.json"


@pytest.fixture
def personer(bruker, skole):
    """7 records that can be issued and one that is refused (FEIL), in that order."""
    from vitnemal.store.models import Person
    from vitnemal.store.services import importering

    mapper = [(f"elev-{i}.json", Elevmappe.model_validate(d))
              for i, d in enumerate(stotte.mapper(7))]
    feil = json.loads(NEKTES.read_text(encoding="utf-8"))
    feil["person"]["fodselsnummer"] = stotte.fiktivt_fnr(900)
    mapper.append(("nektes.json", Elevmappe.model_validate(feil)))
    ut = importering.importer(bruker, mapper, skole)
    return [Person.objects.get(pk=i.person_id) for i in ut]


def _kjor_alle(b) -> None:
    from vitnemal.store.models import Batchdel
    from vitnemal.store.services.batch import utsted_del

    for nr in Batchdel.objects.filter(batch=b).order_by("nr").values_list("nr", flat=True):
        utsted_del.call(b.pk, nr)


def _start(bruker, skole, **kw):
    from vitnemal.store.services import batch

    return batch.start(bruker, skole, dato=DATO, formal="juni", del_storrelse=3, **kw)


def test_start_lager_batch_deler_og_oppgaver(bruker, skole, personer):
    from vitnemal.store.models import Batch, Batchdel, Batchperson
    from vitnemal.store.services.batch import utsted_del

    b = _start(bruker, skole)
    assert (b.tilstand, b.antall, b.startet_av) == (Batch.Tilstand.NY, 8, bruker)
    rader = list(Batchperson.objects.filter(batch=b).order_by("rekkefolge"))
    assert [r.person_id for r in rader] == sorted(p.pk for p in personer)
    assert [r.del_nr for r in rader] == [0, 0, 0, 1, 1, 1, 2, 2]
    deler = list(Batchdel.objects.filter(batch=b).order_by("nr"))
    assert [d.nr for d in deler] == [0, 1, 2]
    for d in deler:  # one queued task per chunk, with the chunk's arguments
        res = utsted_del.get_result(d.oppgave)
        assert res.status == "READY" and res.args == [b.pk, d.nr]


def test_batchen_utsteder_alle_og_nekter_feil(bruker, skole, personer):
    from vitnemal.store import batch_selectors
    from vitnemal.store.models import Batch, UtstedtDokument

    b = _start(bruker, skole)
    _kjor_alle(b)
    f = batch_selectors.fremdrift(bruker, b.pk)
    assert (f.tilstand, f.utstedt, f.nektet, f.hoppet_over, f.venter) == ("ferdig", 7, 1, 0, 0)
    assert Batch.objects.get(pk=b.pk).avsluttet is not None
    rader = batch_selectors.resultater(bruker, b.pk)
    nektet = [r for r in rader if r.status == "nektet"]
    assert [r.person_id for r in nektet] == [personer[-1].pk]
    assert nektet[0].feil and all(x["alvorlighet"] == "FEIL" for x in nektet[0].feil)
    docs = UtstedtDokument.objects.order_by("lopenummer")
    assert [d.lopenummer for d in docs] == list(range(1, 8))
    assert {r.dokument_id for r in rader if r.status == "utstedt"} == {d.pk for d in docs}
    # the same transaction and number rules as one by one: every document has its event,
    # whose purpose names the batch
    from vitnemal.store.models import Hendelse

    h = Hendelse.objects.filter(handling="utstedt")
    assert h.count() == 7 and {x.formal for x in h} == {f"juni (batch {b.pk})"}


def test_trinn_og_skolear_avgrenser(bruker, skole, personer):
    from vitnemal.store.services import batch

    alle = batch.utvalg(skole)
    vg3 = batch.utvalg(skole, trinn="vg3")
    assert 0 < len(vg3) < len(alle) and all(
        any(p["niva"] == "vg3" for p in v.data["programomrader"]) for v in vg3)
    assert _start(bruker, skole, trinn="vg3").antall == len(vg3)


def test_idempotent_per_person(bruker, skole, personer):
    """A person this batch already issued while the outcome still says «venter» (the same chunk
    run twice at once, after a worker was wrongly taken for dead): found by the batch's mark,
    no second document. A person issued by someone else meanwhile is «hoppet over»."""
    from vitnemal.store.models import Batchperson, UtstedtDokument
    from vitnemal.store.services import batch, utstedelse

    b = _start(bruker, skole)
    forste, andre = personer[0], personer[1]
    r1 = utstedelse.utsted(bruker, forste, dato=DATO, formal=batch.merke(b))
    r2 = utstedelse.utsted(bruker, andre, dato=DATO, formal="en og en")
    _kjor_alle(b)
    _kjor_alle(b)  # a task run twice (redelivered) changes nothing
    u1 = Batchperson.objects.get(batch=b, person=forste)
    u2 = Batchperson.objects.get(batch=b, person=andre)
    assert (u1.status, u1.dokument_id) == ("utstedt", r1.dokument_id)
    assert u2.status == "hoppet over" and r2.nummer in u2.melding
    assert UtstedtDokument.objects.count() == 7
    assert UtstedtDokument.objects.filter(person=forste).count() == 1


def test_avbryt(bruker, skole, personer):
    from vitnemal.store import batch_selectors
    from vitnemal.store.models import UtstedtDokument
    from vitnemal.store.services import batch
    from vitnemal.store.services.batch import utsted_del

    b = _start(bruker, skole)
    utsted_del.call(b.pk, 0)
    batch.avbryt(bruker, b.pk)
    utsted_del.call(b.pk, 1)  # a queued chunk after the cancel issues nothing
    f = batch_selectors.fremdrift(bruker, b.pk)
    assert (f.tilstand, f.utstedt, f.avbrutt, f.venter) == ("avbrutt", 3, 5, 0)
    assert UtstedtDokument.objects.count() == 3
    with pytest.raises(VitnemalError, match="allerede avbrutt"):
        batch.avbryt(bruker, b.pk)


def _claim(oppgave: str, arbeider: str) -> None:
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.get(id=oppgave).claim(arbeider)


def test_gjenoppta_gir_delen_til_en_ny_oppgave_naar_arbeideren_er_borte(bruker, skole,
                                                                      personer):
    from django.utils import timezone

    from vitnemal.store.models import Arbeider, Batchdel
    from vitnemal.store.services import batch
    from vitnemal.store.services.batch import utsted_del

    b = _start(bruker, skole)
    gammel = timezone.now() - timedelta(minutes=5)
    Arbeider.objects.create(ident="dod", vert="x", pid=1, sist_sett=gammel)
    Arbeider.objects.create(ident="levende", vert="x", pid=2)
    d0, d1, d2 = Batchdel.objects.filter(batch=b).order_by("nr")
    _claim(d0.oppgave, "dod")
    _claim(d1.oppgave, "levende")
    assert batch.gjenoppta(frist=30, selv="dod") == 0  # the caller is alive, however late
    assert batch.gjenoppta(frist=30) == 1
    ny0 = Batchdel.objects.get(pk=d0.pk)
    assert ny0.oppgave != d0.oppgave and ny0.forsok == 2
    assert utsted_del.get_result(ny0.oppgave).status == "READY"
    assert Batchdel.objects.get(pk=d1.pk).oppgave == d1.oppgave  # alive: left alone
    assert Batchdel.objects.get(pk=d2.pk).oppgave == d2.oppgave  # still queued
    assert batch.gjenoppta(frist=30) == 0  # taken over once


def test_en_del_som_feiler_for_ofte_feiler_batchen(bruker, skole, personer):
    from django_tasks_db.models import DBTaskResult

    from vitnemal.store.models import Batch, Batchdel
    from vitnemal.store.services import batch

    b = _start(bruker, skole)
    d = Batchdel.objects.filter(batch=b, nr=0).get()
    for forsok in range(1, batch.MAKS_FORSOK + 1):
        d.refresh_from_db()
        assert d.forsok == forsok
        DBTaskResult.objects.get(id=d.oppgave).set_failed(RuntimeError("feil i koden"))
        batch.gjenoppta(frist=30)
    b.refresh_from_db()
    assert b.tilstand == Batch.Tilstand.FEILET and "del 0" in b.melding


def test_lesing_av_resultat_og_pdf_logges_per_person(bruker, skole, personer):
    from vitnemal.store import batch_selectors
    from vitnemal.store.models import Hendelse

    b = _start(bruker, skole)
    _kjor_alle(b)
    for_ = Hendelse.objects.filter(handling="lest").count()
    batch_selectors.resultater(bruker, b.pk, formal="kontroll")
    assert Hendelse.objects.filter(handling="lest").count() - for_ == 8
    pdfer = list(batch_selectors.pdfer(bruker, b.pk, formal="utskrift"))
    assert len(pdfer) == 7
    assert Hendelse.objects.filter(handling="pdf-lest", formal="utskrift").count() == 7
    for navn, _ in pdfer:  # order and number, never a fødselsnummer
        assert re.fullmatch(r"\d{5}-[VK]974544482202600\d{3}\.pdf", navn), navn
    assert [n for n, _ in pdfer] == sorted(n for n, _ in pdfer)


def test_zip_og_samlet_pdf(bruker, skole, personer, tmp_path):
    from vitnemal.store import batch_eksport, batch_selectors
    from vitnemal.store.models import UtstedtDokument

    b = _start(bruker, skole)
    _kjor_alle(b)
    fil = tmp_path / "batch.zip"
    assert batch_eksport.skriv_zip(batch_selectors.pdfer(bruker, b.pk), fil) == 7
    lagret = {d.nummer: d.sha256 for d in UtstedtDokument.objects.all()}
    with zipfile.ZipFile(fil) as z:
        assert z.testzip() is None
        for navn in z.namelist():
            nummer = navn.split("-", 1)[1].removesuffix(".pdf")
            assert hashlib.sha256(z.read(navn)).hexdigest() == lagret[nummer]
    samlet = tmp_path / "batch.pdf"  # PDF/A-2b: checked by the suite's PdfaVakt
    batch_eksport.skriv_samlet_pdf(batch_selectors.pdfer(bruker, b.pk), samlet, tittel="Batch")
    sider = sum(len(pikepdf.open(io.BytesIO(p)).pages)
                for _, p in batch_selectors.pdfer(bruker, b.pk))
    assert len(pikepdf.open(samlet).pages) == sider


def test_zip_biter_strommer(tmp_path):
    from vitnemal.store.batch_eksport import zip_biter

    biter = list(zip_biter((f"{i}.pdf", bytes([i]) * 1000) for i in range(3)))
    assert len(biter) == 4 and all(biter[:3])  # a piece per file, then the directory
    with zipfile.ZipFile(io.BytesIO(b"".join(biter))) as z:
        assert z.read("2.pdf") == b"\x02" * 1000


def test_helse(bruker, skole, personer):
    from vitnemal.store import drift

    assert drift.helse()["status"] == "ok"
    b = _start(bruker, skole)
    h = drift.helse()
    assert (h["status"], h["aktive_batcher"], h["ventende_deler"]) == ("advarsel", 1, 3)
    drift.registrer("arbeider-1")
    h = drift.helse()
    assert h["status"] == "ok" and [a["ident"] for a in h["arbeidere"]] == ["arbeider-1"]
    drift.stopp("arbeider-1")
    assert drift.helse()["status"] == "advarsel"
    _kjor_alle(b)
    assert drift.helse()["ventende_deler"] == 0
