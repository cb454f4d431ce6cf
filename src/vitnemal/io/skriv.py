"""Output files: the folder made ready before anything is written, files written whole or not
at all, and every failure a Norwegian message naming the path (``InputError``, exit 2).

A folder that cannot take a file (read-only disk, ``/proc``, a path under a regular file, no
permission) is found before the first document is made, by creating and removing an empty
file there: ``os.access`` says yes to root on a read-only mount point or in ``/proc``.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path

from vitnemal.errors import InputError
from vitnemal.io.les import os_grunn

_TMP = re.compile(r"\.\d+\.tmp$")


def _mappe(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def klargjor_mappe(mappe: str | Path, *, opprett: bool = True) -> Path:
    """Make sure files can be written in ``mappe`` (created with its parents if ``opprett``);
    raise ``InputError`` naming the folder and the reason."""
    mappe = Path(mappe)
    if mappe.exists() and not mappe.is_dir():
        raise InputError(f"{mappe} finnes og er ikke en mappe")
    if not mappe.is_dir():
        if not opprett:
            raise InputError(f"mappen {mappe} finnes ikke")
        try:
            mappe.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"mappen {mappe} kan ikke opprettes: "
                             f"{os_grunn(exc, skriv=True)}") from None
    try:
        fd, prove = tempfile.mkstemp(prefix=".vitnemal-", suffix=".tmp", dir=mappe)
        os.close(fd)
        os.unlink(prove)
    except OSError as exc:
        raise InputError(f"kan ikke skrive i mappen {mappe}: {os_grunn(exc, skriv=True)}") from None
    return mappe


def klargjor_fil(path: str | Path) -> Path:
    """Make sure ``path`` can be written as a file: its folder exists and takes files, and it is
    not itself a folder."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} er en mappe; oppgi et filnavn")
    klargjor_mappe(_mappe(path), opprett=False)
    return path


def skrivefeil(exc: OSError, standard: str | Path) -> InputError:
    """A Norwegian ``InputError`` for a failed write; names the file being written (not the
    temporary file beside it) or ``standard``."""
    navn = exc.filename if isinstance(exc.filename, str) else str(standard)
    return InputError(f"filen {_TMP.sub('', navn)} kan ikke skrives: {os_grunn(exc, skriv=True)}")


def skriv_ved_siden(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` (``.navn.pdf.<pid>.tmp``), flushed to
    disk (``fsync``), and return its path; ``fullfor`` puts it in place. On failure nothing is
    left behind and ``InputError`` names ``path``. An exception while writing (a stop signal)
    removes the temporary file too."""
    path = Path(path)
    tmp = _mappe(path) / f".{path.name}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        exc.filename = str(path)
        raise skrivefeil(exc, path) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


class FinnesFraFor(InputError):
    """The target of ``fullfor`` appeared after it was checked (another program wrote it)."""


def fullfor(tmp: str | Path, path: str | Path, *, overskriv: bool) -> None:
    """Put the temporary file ``tmp`` in place as ``path`` (one rename: readers see the old
    file or the whole new one). Without ``overskriv`` an existing ``path`` is never replaced,
    not even one that appeared a moment ago: the file is linked into place (the kernel refuses
    if the name exists), and ``FinnesFraFor`` is raised. ``tmp`` is gone afterwards."""
    tmp, path = Path(tmp), Path(path)
    try:
        if overskriv:
            os.replace(tmp, path)
            return
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise FinnesFraFor(f"{path} finnes fra før og blir ikke overskrevet "
                               "(--overskriv erstatter den)") from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
                raise
            if path.exists():  # a file system without hard links: check, then rename
                raise FinnesFraFor(f"{path} finnes fra før og blir ikke overskrevet "
                                   "(--overskriv erstatter den)") from None
            os.replace(tmp, path)
    except OSError as exc:
        exc.filename = str(path)
        raise skrivefeil(exc, path) from None
    finally:
        tmp.unlink(missing_ok=True)


def finnes_fra_for(paths: list[Path]) -> list[Path]:
    """The paths among ``paths`` that exist already (files or anything else)."""
    return [p for p in paths if os.path.lexists(p)]


def skriv_atomisk(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: into a temporary file beside it, flushed
    to disk, then renamed over it; on failure the temporary file is removed."""
    path = klargjor_fil(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=_mappe(path))
    except OSError as exc:
        raise skrivefeil(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        exc.filename = str(path)
        raise skrivefeil(exc, path) from None
