"""Bounded reading (issue 12): only regular files, the size limit on the bytes actually read,
a FIFO or device never blocks, and every reason in Norwegian naming the file."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading

import pytest

from vitnemal.io import les
from vitnemal.io.les import MAKS_BYTE, Ulesbar, byte_tekst, les_bytes, les_tekst, os_melding


def _feil(fn, path, **kw) -> str:
    with pytest.raises(Ulesbar) as exc:
        fn(path, **kw)
    return exc.value.melding


def test_grensen_i_meldingen(tmp_path):
    f = tmp_path / "stor.json"
    f.write_bytes(b" " * (MAKS_BYTE + 1))
    assert _feil(les_bytes, f) == (f"filen {f} er større enn grensen på 1 MB (1 000 000 byte); "
                                   "den er ikke lest")
    f.write_bytes(b" " * MAKS_BYTE)
    assert len(les_bytes(f)) == MAKS_BYTE


def test_grensen_gjelder_det_som_leses_ikke_stat(tmp_path, monkeypatch):
    """A file whose ``stat`` says 0 bytes (as in /proc) but that never ends: reading stops at
    the limit. Before, only ``stat().st_size`` was checked."""
    f = tmp_path / "uendelig.json"
    f.write_bytes(b"")
    lest = []

    def uendelig(fd, n):
        lest.append(n)
        return b"x" * n

    monkeypatch.setattr(les.os, "read", uendelig)
    assert "større enn grensen" in _feil(les_bytes, f, maks=1000)
    assert sum(lest) == 1001


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="no /proc")
def test_proc_fil_med_storrelse_null_leses():
    assert os.stat("/proc/self/status").st_size == 0
    assert b"Name:" in les_bytes("/proc/self/status")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo_uten_skriver_blokkerer_ikke(tmp_path):
    f = tmp_path / "ror.json"
    os.mkfifo(f)
    resultat = []
    t = threading.Thread(target=lambda: resultat.append(_feil(les_bytes, f)), daemon=True)
    t.start()
    t.join(30)
    if t.is_alive():  # before: open() waited for a writer for ever
        with open(f, "wb"):  # release the reader, then fail
            pass
        pytest.fail("les_bytes blocked on a FIFO")
    assert resultat == [f"filen {f} leses ikke: den er en FIFO (navngitt rør); bare vanlige "
                        "filer leses"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
@pytest.mark.parametrize("kommando", ["valider", "sjekk", "lag"])
def test_fifo_som_prosess_avslutter(tmp_path, kommando):
    """The real command in its own process, with a timeout as the hang detector."""
    f = tmp_path / "ror.yaml"
    os.mkfifo(f)
    argv = [sys.executable, "-m", "vitnemal", kommando, str(f)]
    if kommando == "lag":
        argv += ["-o", str(tmp_path / "ut")]
    p = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert p.returncode == 2
    assert "FIFO" in p.stdout + p.stderr and "Traceback" not in p.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_som_prosess_avslutter():
    p = subprocess.run([sys.executable, "-m", "vitnemal", "sjekk", "/dev/zero", "/dev/urandom"],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 2
    assert "filen /dev/zero leses ikke: den er en tegnenhet" in p.stderr
    assert "filen /dev/urandom leses ikke: den er en tegnenhet" in p.stderr


def test_mappe(tmp_path):
    assert _feil(les_bytes, tmp_path) == f"filen {tmp_path} kan ikke leses: det er en mappe, ikke en fil"


def test_ikke_utf8_har_linje(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_bytes(b"a: 1\nb: \xd8deg\xe5rd\n")
    with pytest.raises(Ulesbar) as exc:
        les_tekst(f)
    assert (exc.value.melding, exc.value.linje) == ("filen er ikke UTF-8; lagre den som UTF-8", 2)
    assert exc.value.tekst(f) == f"{f}:2: filen er ikke UTF-8; lagre den som UTF-8"


def test_utf8_med_bom(tmp_path):
    f = tmp_path / "x.json"
    f.write_bytes(b"\xef\xbb\xbf{}")
    assert les_tekst(f) == "{}"


@pytest.mark.parametrize(("nr", "tekst"), [
    (errno.EROFS, "disken er skrivebeskyttet"), (errno.ENOSPC, "det er ikke mer plass på disken"),
    (errno.EACCES, "ingen tilgang (mangler skrivetillatelse)"), (errno.EDQUOT, "diskkvoten"),
])
def test_skrivefeil_paa_norsk(nr, tekst):
    melding = os_melding(OSError(nr, os.strerror(nr)), "ut/a.pdf", skriv=True)
    assert melding == f"filen ut/a.pdf kan ikke skrives: {tekst}" or tekst in melding


def test_byte_tekst():
    assert byte_tekst(1_000_000) == "1 MB (1 000 000 byte)"
    assert byte_tekst(2_500_000) == "2,5 MB (2 500 000 byte)"
