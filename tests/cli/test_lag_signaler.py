"""``vitnemal lag`` as a real process over hundreds of files (issue 12): the first «skrevet»
line comes while the batch still runs, SIGINT/SIGTERM stop it with a Norwegian message and
nothing half-written, SIGKILL of the parent leaves no worker running, and a terminal gets a
progress line.

The PDFs go to a folder outside pytest's temporary folder: the PDF/A check of every test PDF
(tests/conftest.py) would otherwise validate hundreds of copies of one sample, which
tests/pdf/test_pdfa.py and tests/cli/test_lag.py already cover.
"""

from __future__ import annotations

import os
import pty
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")

ANTALL = 400
DATO = ["--dato", "2026-06-20"]


@pytest.fixture(scope="module")
def mange(tmp_path_factory, eksempler_mappe=Path(__file__).parents[2] / "eksempler"):
    """ANTALL copies of one sample (the same person and number: allowed)."""
    inn = tmp_path_factory.mktemp("mange")
    kilde = eksempler_mappe / "01-studiespesialisering-realfag.json"
    for i in range(ANTALL):
        shutil.copy(kilde, inn / f"{i:04d}.json")
    return inn


@pytest.fixture
def ut():
    mappe = Path(tempfile.mkdtemp(prefix="vitnemal-lag-"))
    yield mappe / "ut"
    shutil.rmtree(mappe, ignore_errors=True)


def _start(inn, ut, *valg, stderr=subprocess.PIPE) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "vitnemal", "lag", str(inn), "-o", str(ut),
                             *DATO, "--jobber", "2", *valg],
                            stdout=subprocess.PIPE, stderr=stderr, text=True)


def _barn(pid: int) -> list[int]:
    """The child processes of ``pid`` (its workers)."""
    ut = []
    for oppgave in Path(f"/proc/{pid}/task").iterdir():
        ut += [int(x) for x in (oppgave / "children").read_text().split()]
    return ut


def _lever(pid: int) -> bool:
    """Running (a zombie waiting for a parent to reap it runs no code)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _forste_linje(p: subprocess.Popen) -> str:
    linje = p.stdout.readline()
    assert linje.startswith("skrevet "), linje
    return linje


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_avbrudd(mange, ut, sig, status):
    """Before: a traceback per process (KeyboardInterrupt) or silent death, «*.tmp» files
    left in the folder, nothing said about what was written."""
    p = _start(mange, ut)
    try:
        forste = _forste_linje(p)
        assert p.poll() is None  # the first PDF is there while the batch still runs
        pdf = Path(forste.split()[1].rstrip(":"))
        assert pdf.read_bytes().startswith(b"%PDF-")
        arbeidere = _barn(p.pid)
        assert len(arbeidere) == 2
        p.send_signal(sig)
        out = p.stdout.read()  # what readline buffered, too (communicate would lose it)
        err = p.stderr.read()
        p.wait(timeout=30)
    finally:
        p.kill()
    assert p.returncode == status, err
    m = re.search(rf"avbrutt: (\d+) av {ANTALL} dokumenter ble skrevet; arbeidsprosessene er "
                  "stoppet og ingen halvskrevne filer er igjen", err)
    assert m, err
    skrevet = int(m.group(1))
    assert skrevet == 1 + out.count("skrevet ") < ANTALL
    assert len(list(ut.glob("*.pdf"))) == skrevet
    assert [q.name for q in ut.iterdir() if not q.name.endswith(".pdf")] == []
    assert "Traceback" not in err
    assert not any(_lever(pid) for pid in arbeidere)


def test_sigkill_av_forelderen_etterlater_ingen_arbeidere(mange, ut):
    """Before: with a ProcessPoolExecutor the workers of a killed parent went on (or hung)."""
    p = _start(mange, ut)
    try:
        _forste_linje(p)
        arbeidere = _barn(p.pid)
        assert len(arbeidere) == 2
        p.kill()
        p.wait(timeout=10)
        frist = time.monotonic() + 10
        while any(_lever(pid) for pid in arbeidere) and time.monotonic() < frist:
            time.sleep(0.05)
        assert not any(_lever(pid) for pid in arbeidere)
    finally:
        p.kill()
        p.communicate()
    # a worker stopped by its parent's death removes the file it was writing
    time.sleep(0.2)
    assert [q.name for q in ut.iterdir() if q.name.endswith(".tmp")] == []


def test_fremdrift_bare_paa_terminal(eksempler, ut):
    """On a terminal, stderr shows a progress line rewritten in place; in a pipe, nothing."""
    hoved, slave = pty.openpty()
    try:
        p = _start(eksempler, ut, stderr=slave)
        os.close(slave)
        out, _ = p.communicate(timeout=60)
        terminal = b""
        while True:
            try:
                bit = os.read(hoved, 4096)
            except OSError:
                break
            if not bit:
                break
            terminal += bit
    finally:
        os.close(hoved)
    assert p.returncode == 0
    assert b"\r\x1b[K12/12 ferdig, 12 skrevet" in terminal
    assert out.count("skrevet ") == 12
    shutil.rmtree(ut)
    p = _start(eksempler, ut)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 0 and "ferdig" not in err and "\r" not in err
