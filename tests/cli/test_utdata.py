"""Output paths (issue 12): ``lag -o`` and ``arshjul --ics`` where nothing can be written give a
Norwegian message naming the path, exit status 2, and nothing half-written.

CI runs as root, for whom a folder without write permission is no obstacle, so a read-only or
full disk is simulated where the write happens (``os.open``, which ``tempfile`` and ``open``
use), and ``/proc`` and paths under a regular file are used as they are.
"""

from __future__ import annotations

import builtins
import errno
import os
from pathlib import Path

import pytest

from vitnemal.cli import main

DATO = ["--dato", "2026-06-20"]
ENGELSK = ("Errno", "No such file", "Read-only", "No space", "Permission denied", "Traceback",
           "Not a directory", "Is a directory", ".tmp")


@pytest.fixture
def elevmappe(eksempler) -> str:
    return str(eksempler / "01-studiespesialisering-realfag.json")


def _rester(mappe: Path) -> list[str]:
    return sorted(p.name for p in mappe.rglob("*")) if mappe.exists() else []


def _kjor(capsys, argv) -> str:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and not any(w in err for w in ENGELSK), err
    return err


@pytest.fixture
def disk(monkeypatch, tmp_path):
    """``disk(errno)``: every file or folder created under ``tmp_path / "disk"`` fails with
    ``errno`` (EROFS: read-only disk; ENOSPC: disk full)."""
    rot = tmp_path / "disk"
    rot.mkdir()
    skriv = os.O_WRONLY | os.O_RDWR | os.O_CREAT
    ekte_open, ekte_mkdir, ekte_builtin_open = os.open, os.mkdir, builtins.open

    def sett(nr: int) -> Path:
        def under(path) -> bool:
            return str(os.fspath(path)).startswith(str(rot))

        def os_open(path, flags, *a, **kw):
            if flags & skriv and under(path):
                raise OSError(nr, os.strerror(nr), os.fspath(path))
            return ekte_open(path, flags, *a, **kw)

        def mkdir(path, *a, **kw):
            if under(path):
                raise OSError(nr, os.strerror(nr), os.fspath(path))
            return ekte_mkdir(path, *a, **kw)

        def b_open(file, mode="r", *a, **kw):
            if isinstance(file, (str, os.PathLike)) and set(mode) & set("wax+") and under(file):
                raise OSError(nr, os.strerror(nr), os.fspath(file))
            return ekte_builtin_open(file, mode, *a, **kw)

        monkeypatch.setattr(os, "open", os_open)
        monkeypatch.setattr(os, "mkdir", mkdir)
        monkeypatch.setattr(builtins, "open", b_open)
        return rot

    return sett


# --- lag -o ---------------------------------------------------------------------------------------

def test_lag_under_en_fil(elevmappe, tmp_path, capsys):
    """Before: NotADirectoryError traceback from mkdir."""
    fil = tmp_path / "fil.txt"
    fil.write_text("x", encoding="utf-8")
    err = _kjor(capsys, ["lag", elevmappe, "-o", str(fil / "ut"), *DATO])
    assert f"mappen {fil / 'ut'} kan ikke opprettes: en del av stien er ikke en mappe" in err
    err = _kjor(capsys, ["lag", elevmappe, "-o", str(fil / "ut.pdf"), *DATO])
    assert f"{fil} finnes og er ikke en mappe" in err
    assert fil.read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="no /proc")
@pytest.mark.parametrize("ut", ["/proc/vitnemal-ut", "/proc/self/vitnemal.pdf", "/proc/self"])
def test_lag_i_proc(elevmappe, ut, capsys):
    """Before: FileNotFoundError traceback, or an English message naming a .tmp file."""
    err = _kjor(capsys, ["lag", elevmappe, "-o", ut, *DATO])
    assert ut.removesuffix("/vitnemal.pdf") in err
    assert "kan ikke opprettes" in err or "kan ikke skrive i mappen" in err


@pytest.mark.parametrize(("nr", "grunn"), [(errno.EROFS, "disken er skrivebeskyttet"),
                                           (errno.ENOSPC, "det er ikke mer plass på disken")])
@pytest.mark.parametrize("ny_mappe", [False, True])
def test_lag_paa_skrivebeskyttet_eller_full_disk(elevmappe, disk, nr, grunn, ny_mappe, capsys):
    rot = disk(nr)
    ut = rot / "ny" if ny_mappe else rot
    err = _kjor(capsys, ["lag", elevmappe, "-o", str(ut), *DATO])
    verb = f"mappen {ut} kan ikke opprettes" if ny_mappe else f"kan ikke skrive i mappen {ut}"
    assert f"{verb}: {grunn}" in err
    assert _rester(rot) == []


def test_lag_feil_midt_i_skrivingen_navngir_pdf_filen(elevmappe, tmp_path, capsys, monkeypatch):
    """The folder takes files, but the PDF's own write fails (disk full after the check): the
    message names the PDF, not its temporary file, and no temporary file is left."""
    ekte = builtins.open

    def full(file, mode="r", *a, **kw):
        if str(file).endswith(".tmp") and "w" in mode:
            handle = ekte(file, mode, *a, **kw)
            handle.close()
            raise OSError(errno.ENOSPC, "No space left on device", str(file))
        return ekte(file, mode, *a, **kw)

    monkeypatch.setattr(builtins, "open", full)
    ut = tmp_path / "ut"
    err = _kjor(capsys, ["lag", elevmappe, "-o", str(ut), *DATO])
    pdf = ut / "01-studiespesialisering-realfag.pdf"
    assert f"filen {pdf} kan ikke skrives: det er ikke mer plass på disken" in err
    assert _rester(ut) == []


# --- arshjul --ics ------------------------------------------------------------------------------

ARSHJUL = ["arshjul", "--skolear", "2025-2026", "--dato", "2025-09-01", "--ics"]


@pytest.mark.parametrize(("nr", "grunn"), [(errno.EROFS, "disken er skrivebeskyttet"),
                                           (errno.ENOSPC, "det er ikke mer plass på disken")])
def test_ics_paa_skrivebeskyttet_eller_full_disk(disk, nr, grunn, capsys):
    """Before: an English strerror, or a traceback naming the temporary file."""
    rot = disk(nr)
    err = _kjor(capsys, [*ARSHJUL, str(rot / "vigo.ics")])
    assert f"kan ikke skrive i mappen {rot}: {grunn}" in err
    assert _rester(rot) == []


def test_ics_feil_under_skriving_etterlater_ingenting(tmp_path, capsys, monkeypatch):
    ekte = os.fsync

    def full(fd):
        ekte(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    err = _kjor(capsys, [*ARSHJUL, str(tmp_path / "vigo.ics")])
    assert f"filen {tmp_path / 'vigo.ics'} kan ikke skrives: det er ikke mer plass på disken" in err
    assert _rester(tmp_path) == []


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="no /proc")
def test_ics_i_proc(capsys):
    err = _kjor(capsys, [*ARSHJUL, "/proc/vigo.ics"])
    assert "kan ikke skrive i mappen /proc: " in err


def test_ics_under_fil_og_til_mappe(tmp_path, capsys):
    fil = tmp_path / "fil.txt"
    fil.write_text("x", encoding="utf-8")
    assert f"{fil} finnes og er ikke en mappe" in _kjor(capsys, [*ARSHJUL, str(fil / "a.ics")])
    assert f"{tmp_path} er en mappe; oppgi et filnavn" in _kjor(capsys, [*ARSHJUL, str(tmp_path)])
    assert f"mappen {tmp_path / 'nei'} finnes ikke" in _kjor(
        capsys, [*ARSHJUL, str(tmp_path / "nei" / "a.ics")])


def test_ics_skrives_hel(tmp_path, capsys):
    ut = tmp_path / "vigo.ics"
    assert main([*ARSHJUL, str(ut)]) == 0
    assert ut.read_bytes().startswith(b"BEGIN:VCALENDAR") and _rester(tmp_path) == ["vigo.ics"]
    assert "Skrev " in capsys.readouterr().err
