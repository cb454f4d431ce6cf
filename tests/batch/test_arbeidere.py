"""Background batches with real processes (issue 17), on SQLite or PostgreSQL
(``VITNEMAL_TEST_PG``): a clerk starts a batch in a ``vitnemal web`` process and follows its
progress page while two ``vitnemal worker`` processes issue it and a third process issues
persons of the same school one by one; a worker killed with ``kill -9`` mid-batch; a
batch cancelled while a worker runs it.

Ref: 001 §2.8 — no number twice, no gaps among committed documents, every person issued exactly
once, every allocated number with its document, PDF and event (``kontroller``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.batch import nettklient
from tests.store import stotte
from tests.store.test_samtidighet import kontroller

pytestmark = pytest.mark.flerprosess

#: 2,000 persons on PostgreSQL as the issue asks; fewer on SQLite (one writer at a time).
ANTALL = int(os.environ.get("VITNEMAL_TEST_BATCH_ANTALL", "2000" if stotte.PG else "300"))
KILL_ANTALL = int(os.environ.get("VITNEMAL_TEST_BATCH_KILL_ANTALL", "400"))
EN_OG_EN = Path(__file__).with_name("en_og_en.py")


def _env(env: dict) -> dict:
    return {**env, "VITNEMAL_BRUKER": "testbruker", "VITNEMAL_HJERTESLAG": "0.5",
            "VITNEMAL_HJERTESLAG_FRIST": "4", "VITNEMAL_BATCH_DEL": "20"}


def _arbeider(env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "vitnemal", "worker", "--intervall", "0.2"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def _stopp(p: subprocess.Popen) -> None:
    if p.poll() is None:
        os.killpg(p.pid, signal.SIGTERM)
    p.wait(timeout=120)


def _start_batch(env: dict) -> int:
    p = stotte.cli(env, "utsted", "--skole", stotte.ORGNR, "--dato", "2026-06-19",
                   "--bakgrunn", "--json")
    return json.loads(p.stdout)["id"]


def _klare(env: dict, arbeidere: list[subprocess.Popen], *, frist: float = 180) -> None:
    """Wait until every worker has written its first heartbeat (it is polling for tasks), so a
    batch started now is open to all of them, not to whichever started first on a loaded
    machine."""
    slutt = time.monotonic() + frist
    while time.monotonic() < slutt:
        if all(stotte.sql(env, "SELECT 1 FROM store_arbeider WHERE pid = ?", (a.pid,))
               for a in arbeidere):
            return
        time.sleep(0.2)
    raise AssertionError("arbeiderne meldte seg ikke")


def _tilstand(env: dict, b: int) -> tuple[str, int]:
    """The batch's state and how many of its persons are done."""
    t = stotte.sql(env, "SELECT tilstand FROM store_batch WHERE id = ?", (b,))[0][0]
    n = stotte.sql(env, "SELECT COUNT(*) FROM store_batchperson WHERE batch_id = ? AND "
                   "status <> 'venter'", (b,))[0][0]
    return t, n


def _utfall(env: dict, b: int) -> dict[str, int]:
    return dict(stotte.sql(env, "SELECT status, COUNT(*) FROM store_batchperson WHERE "
                           "batch_id = ? GROUP BY status", (b,)))


def _vent(env: dict, b: int, *, frist: float = 1200) -> list[int]:
    """Poll until the batch ends; returns the «done» counts seen."""
    sett = []
    slutt = time.monotonic() + frist
    while time.monotonic() < slutt:
        t, n = _tilstand(env, b)
        sett.append(n)
        if t not in ("ny", "kjorer"):
            return sett
        time.sleep(0.2)
    raise AssertionError(f"batch {b} ble ikke ferdig: {_tilstand(env, b)}")


def _holder(env: dict, pid: int) -> bool:
    """Whether the worker process ``pid`` has a task running."""
    ident = stotte.sql(env, "SELECT ident FROM store_arbeider WHERE pid = ?", (pid,))
    if not ident:
        return False
    rader = stotte.sql(env, "SELECT worker_ids FROM django_tasks_database_dbtaskresult WHERE "
                       "status = 'RUNNING'")
    return any(ident[0][0] in str(w) for (w,) in rader)


def _en_gang_hver(env: dict, antall: int) -> None:
    """Every person of the school has exactly one document."""
    rader = stotte.sql(env, "SELECT COUNT(DISTINCT person_id), COUNT(*) FROM "
                       "store_utstedtdokument")
    assert rader[0] == (antall, antall)


def test_to_arbeidere_web_og_en_og_en_samtidig(tmp_path):
    with stotte.ny_database(tmp_path) as env:
        ider = stotte.klargjor(env, tmp_path, ANTALL)
        env = _env(env)
        # The web process: a clerk logged in starts the batch from the browser's form and
        # follows its progress page while the workers run.
        nettklient.sett_passord(env, "testbruker")
        port = nettklient.ledig_port()
        web = nettklient.start_web(env, port)
        klerk = nettklient.Nettleser(port)
        arbeidere = [_arbeider(env), _arbeider(env)]
        try:
            klerk.logg_inn("testbruker")
            _klare(env, arbeidere)
            skole = stotte.sql(env, "SELECT id FROM store_skole WHERE orgnr = ?",
                               (stotte.ORGNR,))[0][0]
            url, _ = klerk.post("/batch/start/", "/batch/", {"skole": skole, "formal": "juni"})
            b = int(url.rstrip("/").rsplit("/", 1)[1])
        except BaseException:
            for p in (*arbeidere, web):
                _stopp(p)
            raise
        tredje = subprocess.Popen([sys.executable, str(EN_OG_EN), *map(str, ider[3::7][::-1])],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)
        t0 = time.monotonic()
        try:
            _, side = klerk.hent(f"/batch/{b}/fremdrift/")  # the web answers while they run
            assert f"av {ANTALL}" in side or str(ANTALL) in side
            sett = _vent(env, b)
            sek = time.monotonic() - t0
            out, err = tredje.communicate(timeout=600)
            assert tredje.returncode == 0, err[-2000:]
            _, side = klerk.hent(f"/batch/{b}/")
            assert "Ferdig" in side or "ferdig" in side
        finally:
            for p in (*arbeidere, web):
                _stopp(p)
        en_og_en = json.loads(out)
        assert sett == sorted(sett), "fremdriften gikk baklengs"
        assert sett[-1] == ANTALL
        kontroller(env, forventet=ANTALL)
        _en_gang_hver(env, ANTALL)
        tredje_utstedt = sum(r["status"] == "utstedt" for r in en_og_en)
        utfall = _utfall(env, b)
        assert _tilstand(env, b)[0] == "ferdig"
        assert utfall == {k: v for k, v in {"utstedt": ANTALL - tredje_utstedt,
                                            "hoppet over": tredje_utstedt}.items() if v}
        # each «utstedt» outcome names its own document, the one-by-one ones are not in it
        docs = stotte.sql(env, "SELECT dokument_id FROM store_batchperson WHERE batch_id = ? "
                          "AND status = 'utstedt'", (b,))
        assert len({d for (d,) in docs}) == len(docs) == ANTALL - tredje_utstedt
        hvem = stotte.sql(env, "SELECT worker_ids FROM django_tasks_database_dbtaskresult")
        arbeider_ider = {json.loads(w)[-1] if isinstance(w, str) else w[-1] for (w,) in hvem}
        # PostgreSQL: both workers claim chunks. SQLite has one writer, and its busy handler lets
        # the worker that holds the lock begin its next transaction before a waiting one wakes
        # (writer starvation), so there a second worker may get no chunk at all — correct, only
        # not faster (docs/skalering.md); the invariants above are what must hold on both.
        assert len(arbeider_ider) == 2 if stotte.PG else len(arbeider_ider) >= 1, (
            "begge arbeiderne skal ha kjørt deler")
        print(f"\n{stotte.VENDOR}: batch på {ANTALL} med 2 arbeidere + én som utsteder en og en "
              f"({tredje_utstedt} av {len(en_og_en)} vant): {sek:.1f} s, "
              f"{ANTALL / sek:.1f} dokumenter/s, {len(sett)} fremdriftsmålinger, monotone")


def test_kill_9_av_en_arbeider_midt_i_batchen(tmp_path):
    with stotte.ny_database(tmp_path) as env:
        stotte.klargjor(env, tmp_path, KILL_ANTALL)
        env = _env(env)
        b = _start_batch(env)
        ofre = _arbeider(env)
        overlever = None
        try:
            # kill when a quarter is done and the victim is running a chunk (claimed and
            # committed: not while it waits for the database to claim one). The survivor
            # starts just before the kill: started together, SQLite's one writer may let the
            # survivor take every chunk (writer starvation), and the victim would hold none.
            frist = time.monotonic() + 300
            while time.monotonic() < frist and not (
                    _tilstand(env, b)[1] >= KILL_ANTALL // 4 and _holder(env, ofre.pid)):
                time.sleep(0.05)
            overlever = _arbeider(env)
            os.killpg(ofre.pid, signal.SIGKILL)
            ofre.wait(timeout=60)
            drept_ved = _tilstand(env, b)[1]
            assert 0 < drept_ved < KILL_ANTALL
            _vent(env, b)
        finally:
            for p in (ofre, overlever):
                if p is not None:
                    _stopp(p)
        assert _tilstand(env, b)[0] == "ferdig"
        assert _utfall(env, b) == {"utstedt": KILL_ANTALL}
        kontroller(env, forventet=KILL_ANTALL)
        _en_gang_hver(env, KILL_ANTALL)
        gjenopptatt = stotte.sql(env, "SELECT COUNT(*) FROM store_batchdel WHERE batch_id = ? "
                                 "AND forsok > 1", (b,))[0][0]
        assert gjenopptatt >= 1, "delen den drepte arbeideren holdt på med, ble ikke gjenopptatt"
        print(f"\n{stotte.VENDOR}: kill -9 av én av to arbeidere ved {drept_ved}/{KILL_ANTALL}; "
              f"{gjenopptatt} del(er) gjenopptatt av den andre; alle utstedt nøyaktig én gang")


def test_avbryt_mens_arbeideren_kjorer(tmp_path):
    antall = 250
    with stotte.ny_database(tmp_path) as env:
        stotte.klargjor(env, tmp_path, antall)
        env = {**_env(env), "VITNEMAL_BATCH_DEL": "5"}
        b = _start_batch(env)
        # «vitnemal batch avbryt» with Django already loaded, so that a loaded machine's start-up
        # time does not let the batch finish first; it runs when a line arrives on stdin
        avbryt = subprocess.Popen(
            [sys.executable, "-c", "import sys; from vitnemal.store import oppsett; "
             "oppsett.start(); import vitnemal.store.services.batch; from vitnemal.cli import "
             "main; print('klar', flush=True); sys.stdin.readline(); "
             f"sys.exit(main(['batch', 'avbryt', '{b}', '--json']))"],
            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)
        assert avbryt.stdout.readline().strip() == "klar"
        a = _arbeider(env)
        try:
            frist = time.monotonic() + 300
            while _tilstand(env, b)[1] < 20 and time.monotonic() < frist:
                time.sleep(0.05)
            out, err = avbryt.communicate("nå\n", timeout=120)
            assert avbryt.returncode == 0, err[-2000:]
            assert json.loads(out)["tilstand"] == "avbrutt"
            time.sleep(3)  # the person being issued completes; nothing after it
            lagret = stotte.sql(env, "SELECT COUNT(*) FROM store_utstedtdokument")[0][0]
            time.sleep(2)
            assert stotte.sql(env, "SELECT COUNT(*) FROM store_utstedtdokument")[0][0] == lagret
        finally:
            _stopp(a)
        utfall = _utfall(env, b)
        assert utfall["utstedt"] == lagret and utfall["utstedt"] + utfall["avbrutt"] == antall
        assert 20 <= lagret < antall
        kontroller(env, forventet=lagret)
