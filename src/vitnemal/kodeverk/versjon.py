"""An identifier of the kodeverk in use: a content hash of its data files.

The register stores it with every issued document («which codes decided this document»); two
kodeverk with the same files have the same identifier, whatever directory they were read from.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from vitnemal.kodeverk.loader import DATA_DIR, TABLES


def innholdshash(filer: list[Path]) -> str:
    """sha256 over the names and bytes of ``filer`` (in name order), 16 hex digits."""
    h = hashlib.sha256()
    for fil in sorted(filer, key=lambda p: p.name):
        h.update(fil.name.encode())
        h.update(b"\0")
        h.update(fil.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


def versjon(path: str | Path | None = None) -> str:
    """«kodeverk+<hash>» of the kodeverk in ``path`` (None: the bundled one).

    >>> versjon().startswith("kodeverk+")
    True
    """
    return _av_katalog(Path(path)) if path is not None else _bundlet()


@cache
def _bundlet() -> str:
    """The bundled kodeverk's identifier (its files do not change while the program runs)."""
    return _av_katalog(DATA_DIR)


def _av_katalog(katalog: Path) -> str:
    filer = [katalog / f"{navn}.yaml" for navn in TABLES]
    return "kodeverk+" + innholdshash([f for f in filer if f.is_file()])
