"""Operations (issue 17): the workers' heartbeat, and the health of the register that
``vitnemal helse`` prints and the web's health endpoint returns.

``helse()`` holds no personal data and needs no user: a load balancer may call it. A worker
counts as alive while its heartbeat is younger than ``FRIST`` seconds.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.db import connection, connections
from django.utils import timezone

from vitnemal.store.models import Arbeider, Batch, Batchdel

log = logging.getLogger("vitnemal.drift")

#: Seconds between heartbeats (``VITNEMAL_HJERTESLAG``).
INTERVALL = float(os.environ.get("VITNEMAL_HJERTESLAG", "5"))
#: A worker whose heartbeat is older than this is taken for dead and its chunks are handed to
#: the others (``VITNEMAL_HJERTESLAG_FRIST``); several heartbeats, so a busy database that
#: delays one write is not a death.
FRIST = float(os.environ.get("VITNEMAL_HJERTESLAG_FRIST", str(max(6 * INTERVALL, 3.0))))


def ny_ident() -> str:
    """A worker id unique across machines: host, pid and a random part (≤ 64 characters)."""
    return f"{socket.gethostname()[:30]}-{os.getpid()}-{os.urandom(4).hex()}"


def registrer(ident: str) -> Arbeider:
    return Arbeider.objects.create(ident=ident, vert=socket.gethostname()[:200],
                                   pid=os.getpid())


def hjerteslag(ident: str) -> None:
    Arbeider.objects.filter(ident=ident).update(sist_sett=timezone.now())


def stopp(ident: str) -> None:
    Arbeider.objects.filter(ident=ident).update(stoppet=timezone.now())


class Hjerteslag(threading.Thread):
    """Beats every ``intervall`` seconds and resumes the chunks of dead workers
    (``services.batch.gjenoppta``) every third of ``frist``. Its own database connection
    (Django's are per thread)."""

    def __init__(self, ident: str, *, intervall: float = INTERVALL, frist: float = FRIST):
        super().__init__(name=f"hjerteslag-{ident}", daemon=True)
        self.arbeider, self.intervall, self.frist = ident, intervall, frist
        self.stoppes = threading.Event()

    def run(self) -> None:
        from vitnemal.store.services import batch

        # the scan asks the backend about every unfinished chunk: every third of the time
        # limit is soon enough (a dead worker's chunk waits at most frist + frist / 3)
        neste_skann = 0.0
        try:
            while not self.stoppes.wait(self.intervall):
                try:
                    hjerteslag(self.arbeider)
                    if time.monotonic() >= neste_skann:
                        batch.gjenoppta(frist=self.frist, selv=self.arbeider)
                        neste_skann = time.monotonic() + self.frist / 3
                except Exception:  # noqa: BLE001 - a busy or restarting database: beat again
                    log.exception("hjerteslag feilet", extra={"arbeider": self.arbeider})
                    connection.close()
        finally:
            connections.close_all()


def helse() -> dict:
    """``{"status": "ok"|"feil", ...}``: the database answers and its schema is current, the
    workers alive, batches active, and whether work waits with no worker to do it."""
    from django.db.migrations.executor import MigrationExecutor

    from vitnemal.store import oppsett

    ut: dict = {"status": "ok", "database": oppsett.beskrivelse()}
    fil = oppsett.sqlite_fil()
    if fil is not None and not fil.exists():
        return {**ut, "status": "feil", "feil": "registeret finnes ikke (kjør «vitnemal db "
                "migrate»)"}
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as exc:  # noqa: BLE001 - any database error is «not healthy»
        return {**ut, "status": "feil", "feil": f"databasen svarer ikke ({type(exc).__name__})"}
    if plan:
        return {**ut, "status": "feil",
                "feil": f"skjemaet er utdatert ({len(plan)} migrering(er) gjenstår)"}
    grense = timezone.now() - timedelta(seconds=FRIST)
    levende = list(Arbeider.objects.filter(stoppet__isnull=True, sist_sett__gte=grense)
                   .order_by("startet").values("ident", "vert", "pid", "sist_sett"))
    aktive = Batch.objects.filter(tilstand__in=(Batch.Tilstand.NY, Batch.Tilstand.KJORER))
    ventende = Batchdel.objects.filter(ferdig=False, batch__in=aktive).count()
    ut["arbeidere"] = [{**a, "sist_sett": a["sist_sett"].isoformat()} for a in levende]
    ut["aktive_batcher"] = aktive.count()
    ut["ventende_deler"] = ventende
    if ventende and not levende:
        ut["status"] = "advarsel"
        ut["advarsel"] = "batcher venter, men ingen arbeider kjører (start «vitnemal worker»)"
    return ut
