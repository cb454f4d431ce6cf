"""Worker processes for a batch: tasks stream in, each result streams out as soon as it is
done, and no worker outlives the batch or its parent.

- One task at a time from a shared queue: a worker that is done takes the next file at once
  (no chunks fixed in advance), so the first result arrives after one task, not one chunk.
- Parent death: on Linux each worker asks the kernel for SIGTERM when its parent dies
  (``prctl(PR_SET_PDEATHSIG)`` through ctypes); on every system a worker waiting for a task
  checks ``os.getppid()`` twice a second. ``kill -9`` of the parent leaves no worker running.
- Stopping: workers ignore SIGINT (Ctrl-C reaches the whole process group; the parent
  decides); SIGTERM raises ``Stopp`` inside the running task, so its ``finally`` blocks remove
  what it had half-written, then ``rydd`` runs (to remove what the worker made that the
  parent has not taken yet) and the worker exits.
- A worker that dies without answering (killed, crashed) is replaced; its task's result is
  ``Borte`` with the exit code.

``antall == 1`` runs the tasks in this process (same results, no pool).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import os
import queue
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import wait

_PR_SET_PDEATHSIG = 1
_VENT = 0.5  # seconds between checks of the parent (worker) and of the workers (parent)


class Stopp(BaseException):  # noqa: N818 — a signal, not an error
    """Raised in a worker by SIGTERM: finish nothing, clean up, exit."""


@dataclass(frozen=True)
class Borte:
    """The worker running the task died before it answered; ``kode`` is its exit code
    (negative: the signal that killed it)."""

    kode: int | None


def _stopp(signum, frame) -> None:
    raise Stopp


def _bind_til_forelder(forelder: int) -> None:
    """SIGTERM when the parent dies (Linux); raise ``Stopp`` if it is already gone."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != forelder:
        raise Stopp


def _arbeider(oppgave, rydd, inn, ut, las, forelder: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stopp)
    try:
        _bind_til_forelder(forelder)
        while True:
            try:
                item = inn.get(timeout=_VENT)
            except queue.Empty:
                if os.getppid() != forelder:
                    return
                continue
            if item is None:
                return
            nr, arg = item
            with las:
                ut.send(("start", nr, os.getpid()))
            svar = oppgave(arg)
            with las:
                ut.send(("svar", nr, svar))
    except Stopp:
        if rydd is not None:
            rydd()


class Arbeidere:
    """``with Arbeidere(oppgave, n) as a: for nr, svar in a.kjor(argumenter): …`` — results
    as they finish (``nr`` is the argument's index). Leaving the block stops every worker
    (SIGTERM, then SIGKILL after ``frist`` seconds) and waits for it. ``pider`` lists every
    worker process started (for cleaning up after them)."""

    def __init__(self, oppgave: Callable, antall: int, *, rydd: Callable | None = None,
                 frist: float = 5.0):
        self.oppgave = oppgave
        self.rydd = rydd
        self.antall = max(1, antall)
        self.frist = frist
        self.pider: list[int] = []
        self._prosesser: dict[int, mp.Process] = {}
        self._inn = None

    def __enter__(self) -> Arbeidere:
        return self

    def __exit__(self, *exc) -> None:
        self.stopp()

    def kjor(self, argumenter: Sequence) -> Iterator[tuple[int, object]]:
        if self.antall == 1:
            for nr, arg in enumerate(argumenter):
                yield nr, self.oppgave(arg)
            return
        metoder = mp.get_all_start_methods()
        ctx = mp.get_context("fork" if "fork" in metoder else None)
        self._inn = ctx.Queue()
        ut_les, ut = ctx.Pipe(duplex=False)
        las = ctx.Lock()

        def start() -> None:
            p = ctx.Process(target=_arbeider, daemon=True,
                            args=(self.oppgave, self.rydd, self._inn, ut, las, os.getpid()))
            p.start()
            self._prosesser[p.pid] = p
            self.pider.append(p.pid)

        for _ in range(min(self.antall, len(argumenter))):
            start()  # before the first put: the queue's feeder thread is not running yet
        for nr, arg in enumerate(argumenter):
            self._inn.put((nr, arg))
        for _ in range(self.antall):
            self._inn.put(None)
        i_arbeid: dict[int, int] = {}  # pid -> its task
        ventende = set(range(len(argumenter)))
        while ventende:
            wait([ut_les, *(p.sentinel for p in self._prosesser.values())], _VENT)
            # Who is dead is decided before the pipe is read: a dead worker's last answer is
            # then already in the pipe, so it is never taken for a task without answer.
            dode = [p for p in self._prosesser.values() if not p.is_alive()]
            while ut_les.poll():
                hva, nr, innhold = ut_les.recv()
                if hva == "start":
                    i_arbeid[innhold] = nr
                    continue
                i_arbeid = {pid: n for pid, n in i_arbeid.items() if n != nr}
                ventende.discard(nr)
                yield nr, innhold
            for p in dode:
                p.join()
                del self._prosesser[p.pid]
                if p.pid in i_arbeid:  # died in the middle of a task: report it, replace it
                    nr = i_arbeid.pop(p.pid)
                    ventende.discard(nr)
                    yield nr, Borte(p.exitcode)
                    if ventende:
                        start()
            if ventende and not self._prosesser:  # only if answers were lost
                for nr in sorted(ventende):
                    yield nr, Borte(None)
                return

    def stopp(self) -> None:
        """Stop every worker still running and wait for it (a second Ctrl-C waits too)."""
        sett = {signal.SIGINT, signal.SIGTERM}
        signal.pthread_sigmask(signal.SIG_BLOCK, sett)
        try:
            self._stopp()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, sett)

    def _stopp(self) -> None:
        for p in self._prosesser.values():
            with contextlib.suppress(ProcessLookupError):
                os.kill(p.pid, signal.SIGTERM)
        for p in self._prosesser.values():
            p.join(self.frist)
            if p.is_alive():
                p.kill()
                p.join()
        self._prosesser.clear()
        if self._inn is not None:
            self._inn.cancel_join_thread()
            self._inn.close()
            self._inn = None
