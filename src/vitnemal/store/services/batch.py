"""Masseutstedelse in the background (issue 17): start a batch, cancel it, the task that issues
one chunk, and the resumption of chunks whose worker died.

A batch is register rows (``batch_modeller``); its work is one task per chunk of ``DEL``
persons on Django's Tasks API (``django-tasks``; the database backend by default). Each person
is issued through ``utstedelse.utsted`` — the same check, transaction and number rules as
issuing one by one (001 §2.8): a number is taken only inside the transaction that stores its
document.

Idempotent per person: the outcome row is written in the same transaction as the document, so
a worker killed mid-person leaves neither. The document's audit event also carries the batch's
mark (``merke``) in its purpose: a person whose outcome is still «venter» but who already has a
valid document from this record version (the same chunk run twice at once, after a worker was
wrongly taken for dead) is looked up by it — issued by this batch → «utstedt» with that
document, never a second one; issued by someone else → «hoppet over».

A killed worker loses nothing: its chunk's task stays «running» in the backend, the worker's
heartbeat stops, and ``gjenoppta`` (run by every live worker's heartbeat thread) hands the
chunk to a new task; the persons already done are skipped as above.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from vitnemal.config.logg import masker
from vitnemal.dokument.model import Dokumenttype
from vitnemal.errors import VitnemalError
from vitnemal.store import tilgang
from vitnemal.store.masse import klare_versjoner
from vitnemal.store.models import (
    Arbeider,
    Batch,
    Batchdel,
    Batchperson,
    Hendelse,
    Person,
    Skole,
)
from vitnemal.store.services import utstedelse

try:  # Django 6 has the Tasks API built in; 5.2 uses the backport
    from django.tasks import task
    from django.tasks.base import TaskResultStatus
    from django.tasks.exceptions import TaskResultDoesNotExist
except ImportError:
    from django_tasks import task
    from django_tasks.base import TaskResultStatus
    from django_tasks.exceptions import TaskResultDoesNotExist

log = logging.getLogger("vitnemal.batch")

#: Persons per chunk (one task each): small enough that two workers share a school evenly
#: and a dead worker's chunk is soon redone, large enough that the queue stays short
#: (10,000 persons → 400 tasks). ``VITNEMAL_BATCH_DEL`` changes it.
DEL = int(os.environ.get("VITNEMAL_BATCH_DEL", "25"))
#: A chunk whose task failed this many times fails its batch (a bug, not a dead worker).
MAKS_FORSOK = 3
AKTIVE = (Batch.Tilstand.NY, Batch.Tilstand.KJORER)
AVSLUTTET = (Batch.Tilstand.FERDIG, Batch.Tilstand.AVBRUTT, Batch.Tilstand.FEILET)
_TYPER = {"vitnemal": Dokumenttype.VITNEMAL, "kompetansebevis": Dokumenttype.KOMPETANSEBEVIS}


def merke(b: Batch) -> str:
    """The purpose written on each document's event: the clerk's reason and the batch id."""
    return f"{(b.formal or 'masseutstedelse')[:250]} (batch {b.pk})"


def utvalg(skole: Skole, skolear: str = "", trinn: str = "") -> list:
    """The ready record versions of ``skole`` (``masse.klare_versjoner``), optionally only
    those with a programme area in ``skolear`` and/or on ``trinn`` (vg1–vg4). The record has no
    class, so a batch's scope is school, school year and level."""
    versjoner = klare_versjoner(skole, skolear=skolear or None)
    if trinn:
        versjoner = [v for v in versjoner if any(
            str(p.get("niva", "")).lower() == trinn and (not skolear or p.get("skolear") == skolear)
            for p in v.data.get("programomrader", []))]
    return versjoner


def start(bruker, skole: Skole, *, dato: date, skolear: str = "", trinn: str = "",
          maalform: str | None = None, dokumenttype: str | None = None, formal: str = "",
          del_storrelse: int | None = None) -> Batch:
    """Create a batch of every ready person of ``skole`` (optionally only records with a
    programme area in ``skolear`` and/or on ``trinn``, vg1–vg3), its outcome rows and chunks,
    and enqueue one task per chunk. Returns the batch (state «ny» until a worker starts it)."""
    tilgang.krev(bruker, "utstede", skole)
    if dokumenttype and dokumenttype not in _TYPER:
        raise VitnemalError(f"ukjent dokumenttype {dokumenttype!r}")
    trinn = trinn.lower()
    storrelse = max(1, del_storrelse or DEL)
    versjoner = utvalg(skole, skolear, trinn)
    with transaction.atomic():
        b = Batch.objects.create(startet_av=bruker, skole=skole, skolear=skolear, trinn=trinn,
                                 dato=dato, maalform=maalform or "",
                                 dokumenttype=dokumenttype or "", formal=formal[:300],
                                 antall=len(versjoner))
        Batchperson.objects.bulk_create(
            [Batchperson(batch=b, person_id=v.person_id, rekkefolge=i, del_nr=i // storrelse)
             for i, v in enumerate(versjoner)], batch_size=500)
        Batchdel.objects.bulk_create(
            [Batchdel(batch=b, nr=nr) for nr in range(-(-len(versjoner) // storrelse))],
            batch_size=500)
        if not versjoner:
            b.tilstand, b.avsluttet = Batch.Tilstand.FERDIG, timezone.now()
            b.save(update_fields=["tilstand", "avsluttet"])
    # Enqueued after the commit, so a broker-based backend never runs a task before its rows
    # exist; a start that dies here leaves chunks without a task, which ``gjenoppta`` sends.
    for d in Batchdel.objects.filter(batch=b).order_by("nr"):
        _send(d, forsok=1)
    log.info("batch startet", extra={"batch": b.pk, "antall": b.antall})
    return b


def _send(d: Batchdel, *, forsok: int) -> None:
    res = utsted_del.enqueue(d.batch_id, d.nr)
    Batchdel.objects.filter(pk=d.pk).update(oppgave=str(res.id), forsok=forsok)


def avbryt(bruker, batch_id: int) -> Batch:
    """Cancel a batch: no new person is started; the one being issued finishes (its document
    is complete or absent, never half), the rest are marked «avbrutt»."""
    b = Batch.objects.select_related("skole").filter(pk=batch_id).first()
    if b is None:
        raise VitnemalError(f"batch {batch_id} finnes ikke")
    tilgang.krev(bruker, "utstede", b.skole)
    with transaction.atomic():
        n = Batch.objects.filter(pk=b.pk, tilstand__in=AKTIVE).update(
            tilstand=Batch.Tilstand.AVBRUTT, avsluttet=timezone.now(), avbrutt_av=bruker)
        if not n:
            b.refresh_from_db()
            raise VitnemalError(f"batch {b.pk} er allerede {b.get_tilstand_display()}")
        Batchperson.objects.filter(batch=b, status=Batchperson.Status.VENTER).update(
            status=Batchperson.Status.AVBRUTT, ferdig=timezone.now())
    b.refresh_from_db()
    log.info("batch avbrutt", extra={"batch": b.pk})
    return b


@dataclass
class Utfall:
    status: str
    dokument_id: int | None = None
    melding: str = ""
    feil: list | None = None


def _utsted_en(b: Batch, person: Person) -> Utfall:
    """Issue one person of the batch (or find that this batch already did)."""
    try:
        r = utstedelse.utsted(b.startet_av, person, dato=b.dato, maalform=b.maalform or None,
                              dokumenttype=_TYPER.get(b.dokumenttype), formal=merke(b))
    except VitnemalError as exc:  # e.g. the record is gone or the clerk lost the permission
        return Utfall(Batchperson.Status.NEKTET, melding=masker(str(exc))[:500])
    if r.status == "hoppet over":
        h = (Hendelse.objects.filter(handling=Hendelse.Handling.UTSTEDT, person=person,
                                     formal=merke(b)).order_by("-id").first())
        if h is not None:
            return Utfall(Batchperson.Status.UTSTEDT, dokument_id=h.dokument_id,
                          melding="utstedt av denne batchen før arbeideren stoppet")
    return Utfall(r.status, dokument_id=r.dokument_id, melding=r.melding[:500],
                  feil=[f.as_dict() for f in r.feil])


@task()
def utsted_del(batch_id: int, del_nr: int) -> dict:
    """Issue the waiting persons of chunk ``del_nr`` of batch ``batch_id``, in order, each in
    its own transaction; stops at cancellation. Returns counts (the task's result)."""
    b = Batch.objects.select_related("skole", "startet_av").get(pk=batch_id)
    if b.tilstand in AVSLUTTET:
        return {"batch": batch_id, "del": del_nr, "behandlet": 0}
    Batch.objects.filter(pk=b.pk, tilstand=Batch.Tilstand.NY).update(
        tilstand=Batch.Tilstand.KJORER, startet=timezone.now())
    rader = list(Batchperson.objects.filter(batch=b, del_nr=del_nr,
                                            status=Batchperson.Status.VENTER)
                 .select_related("person").order_by("rekkefolge"))
    behandlet = 0
    for rad in rader:
        if Batch.objects.filter(pk=b.pk, tilstand__in=AVSLUTTET).exists():
            return {"batch": batch_id, "del": del_nr, "behandlet": behandlet, "avbrutt": True}
        # the outcome commits with the document (one commit per person); on PostgreSQL the
        # transaction locks nothing before utsted's own lock on the person and the series
        with transaction.atomic():
            u = _utsted_en(b, rad.person)
            Batchperson.objects.filter(pk=rad.pk).update(
                status=u.status, dokument_id=u.dokument_id, melding=u.melding,
                feil=u.feil or [], ferdig=timezone.now())
        behandlet += 1
    Batchdel.objects.filter(batch=b, nr=del_nr).update(ferdig=True)
    ingen_venter = not Batchperson.objects.filter(batch=b,
                                                  status=Batchperson.Status.VENTER).exists()
    if ingen_venter and Batch.objects.filter(pk=b.pk, tilstand__in=AKTIVE).update(
            tilstand=Batch.Tilstand.FERDIG, avsluttet=timezone.now()):
        log.info("batch ferdig", extra={"batch": b.pk})
    return {"batch": batch_id, "del": del_nr, "behandlet": behandlet}


def gjenoppta(*, frist: float, selv: str = "") -> int:
    """Hand every chunk of an active batch whose task is lost to a new task: a task «running»
    on a ``vitnemal worker`` whose heartbeat is older than ``frist`` seconds (or that stopped),
    a task the backend no longer knows, a chunk never enqueued, or a failed task (up to
    ``MAKS_FORSOK`` times; then the batch fails). ``selv``: the calling worker, alive by
    definition even when its own heartbeat is late. Safe to run from many workers at once: a
    chunk is taken over with a compare-and-set on its task id. Returns the chunks sent again."""
    grense = timezone.now() - timedelta(seconds=frist)
    dode = set(Arbeider.objects.filter(stoppet__isnull=False).values_list("ident", flat=True))
    dode |= set(Arbeider.objects.filter(sist_sett__lt=grense).values_list("ident", flat=True))
    dode.discard(selv)
    sendt = 0
    for d in (Batchdel.objects.filter(ferdig=False, batch__tilstand__in=AKTIVE)
              .select_related("batch").order_by("batch_id", "nr")):
        grunn = _tapt(d, dode, grense)
        if not grunn:
            continue
        if grunn == "feilet" and d.forsok >= MAKS_FORSOK:
            Batch.objects.filter(pk=d.batch_id, tilstand__in=AKTIVE).update(
                tilstand=Batch.Tilstand.FEILET, avsluttet=timezone.now(),
                melding=f"del {d.nr} feilet {d.forsok} ganger")
            log.error("batch feilet", extra={"batch": d.batch_id, "del": d.nr})
            continue
        # compare-and-set: only one reaper takes the chunk over
        if Batchdel.objects.filter(pk=d.pk, oppgave=d.oppgave).update(
                oppgave=f"gjenopptas-{d.pk}-{d.forsok}"):
            d.oppgave = ""
            _send(d, forsok=d.forsok + 1)
            sendt += 1
            log.warning("del sendt på nytt", extra={"batch": d.batch_id, "del": d.nr,
                                                    "grunn": grunn})
    return sendt


def _tapt(d: Batchdel, dode: set[str], grense) -> str:
    """Why chunk ``d`` needs a new task, or ""."""
    if not d.oppgave:
        return "ikke sendt" if d.batch.opprettet < grense else ""
    try:
        res = utsted_del.get_result(d.oppgave)
    except (TaskResultDoesNotExist, ValueError):
        return "ukjent oppgave"
    if res.status == TaskResultStatus.FAILED:
        return "feilet"
    if res.status == TaskResultStatus.RUNNING and res.worker_ids and res.worker_ids[-1] in dode:
        return "arbeideren er borte"
    if res.status == TaskResultStatus.SUCCESSFUL:
        return "avsluttet uten å bli ferdig"
    return ""
