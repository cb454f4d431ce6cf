"""A batch's PDFs out of the register (issue 17): a ZIP streamed as it is written (never the
whole archive in memory), and one print-ready PDF of the whole batch in order.

The ZIP stores the PDFs as they are (``ZIP_STORED``: a PDF/A is already Flate-compressed);
``zip_biter`` yields the archive in pieces for a streaming HTTP response, ``skriv_zip`` writes
it to a file. The print PDF appends every document's pages with pikepdf and carries the first
document's OutputIntent and XMP (``pdfaid`` part 2, level B) with a title of its own, so the
print file is PDF/A-2b too; the archival documents remain the stored ones.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pikepdf


class _Rør(io.RawIOBase):
    """A write-only, unseekable sink whose written bytes are collected and taken out."""

    def __init__(self) -> None:
        self.biter: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.biter.append(bytes(b))
        return len(b)

    def ta(self) -> bytes:
        ut, self.biter = b"".join(self.biter), []
        return ut


def zip_biter(pdfer: Iterable[tuple[str, bytes]]) -> Iterator[bytes]:
    """The ZIP archive of ``pdfer`` ((name, bytes) pairs), piece by piece as it is written."""
    ror = _Rør()
    with zipfile.ZipFile(ror, "w", compression=zipfile.ZIP_STORED) as z:
        for navn, data in pdfer:
            z.writestr(navn, data)
            yield ror.ta()
    yield ror.ta()


def skriv_zip(pdfer: Iterable[tuple[str, bytes]], fil: Path) -> int:
    """Write the ZIP of ``pdfer`` to ``fil``; returns the number of files."""
    n = 0

    def tell():
        nonlocal n
        for par in pdfer:
            n += 1
            yield par

    with open(fil, "wb") as ut:
        for bit in zip_biter(tell()):
            ut.write(bit)
    return n


def skriv_samlet_pdf(pdfer: Iterable[tuple[str, bytes]], fil: Path, *, tittel: str) -> int:
    """One PDF of every document's pages in order, written to ``fil``; returns the number of
    documents."""
    ut = pikepdf.new()
    apne = []
    n = 0
    for _, data in pdfer:
        kilde = pikepdf.open(io.BytesIO(data))
        apne.append(kilde)
        if n == 0:
            for nokkel in ("/OutputIntents", "/Metadata"):
                ut.Root[nokkel] = ut.copy_foreign(kilde.make_indirect(kilde.Root[nokkel]))
            ut.docinfo = ut.copy_foreign(kilde.make_indirect(kilde.docinfo))
            if "/Lang" in kilde.Root:
                ut.Root.Lang = kilde.Root.Lang
        ut.pages.extend(kilde.pages)
        n += 1
    if n:
        with ut.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = tittel
            meta["dc:description"] = tittel
    ut.save(fil, deterministic_id=False)
    for kilde in apne:
        kilde.close()
    return n
