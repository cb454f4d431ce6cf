"""The worker pool of ``vitnemal lag`` (``cli.arbeidere``): every task answered once, a worker
that dies mid-task reported and replaced, and no worker left when the block ends."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from vitnemal.cli.arbeidere import Arbeidere, Borte


def _kvadrat(x: int) -> int:
    if x in (3, 4):
        os.kill(os.getpid(), signal.SIGKILL)  # a crash in the middle of the task
    return x * x


def _sov(x: int) -> int:
    if x:
        time.sleep(60)
    return x


def test_hver_oppgave_besvares_og_en_dod_arbeider_erstattes():
    with Arbeidere(_kvadrat, 2) as a:
        svar = dict(a.kjor(list(range(20))))
    assert sorted(svar) == list(range(20))
    assert svar[3] == svar[4] == Borte(-signal.SIGKILL)
    assert all(svar[x] == x * x for x in range(20) if x not in (3, 4))
    assert len(a.pider) >= 3  # at least one started in place of the dead (tasks remained)


def test_i_samme_prosess():
    with Arbeidere(abs, 1) as a:
        assert list(a.kjor([-1, -2])) == [(0, 1), (1, 2)]
    assert a.pider == []


def test_ingen_arbeider_igjen_etter_blokken():
    """Leaving the block while workers are busy stops them at once (SIGTERM inside the task)."""
    start = time.monotonic()
    with Arbeidere(_sov, 2) as a:
        assert next(a.kjor([1, 0, 2, 3])) == (1, 0)
        pider = list(a.pider)
    assert time.monotonic() - start < 20
    for pid in pider:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        assert stat.rsplit(")", 1)[1].split()[0] == "Z", stat
