"""Batch rendering over processes gives the same documents as rendering one by one.

Ref: 001 §2.1 — ``render_batch`` only schedules; each file must be what ``render`` writes.
The batch does not expose ``invariant``, so dates and ID differ: files are compared by
page count, extracted text and the decoded page content (every glyph and line drawn).
"""

from __future__ import annotations

import io

import pikepdf
import pypdfium2 as pdfium
import pytest

from vitnemal.pdf import batch
from vitnemal.pdf.render import render, render_sider

from . import pdf_support as ps

NAVN = [*ps.ALLE]
"""The fixtures and every sample: 21 documents, one of them three pages, two of two."""


def _innhold(path) -> tuple[int, list[str], list[bytes]]:
    """Page count, text per page (pdfium) and decoded content streams per page."""
    doc = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for page in doc:
            tp = page.get_textpage()
            texts.append(tp.get_text_range())
            tp.close()
            page.close()
    finally:
        doc.close()
    with pikepdf.open(path) as pdf:
        streams = [_innholdsstrom(page.obj.Contents) for page in pdf.pages]
    return len(texts), texts, streams


def _innholdsstrom(contents) -> bytes:
    """A page's /Contents decoded: one stream, or an array of them joined."""
    if isinstance(contents, pikepdf.Array):
        return b"\n".join(c.read_bytes() for c in contents)
    return contents.read_bytes()


@pytest.fixture(scope="module")
def enkeltvis(tmp_path_factory) -> dict[str, tuple]:
    out = tmp_path_factory.mktemp("enkeltvis")
    result = {}
    for name in NAVN:
        path = out / f"{name}.pdf"
        pages = render_sider(ps.dokument(name), path)[1]
        result[name] = (pages, _innhold(path))
    return result


def test_batch_bruker_flere_prosesser():
    """The test below exercises the pool, not the in-process path."""
    assert len(NAVN) >= batch.MIN_FOR_POOL
    assert batch.prosesser(2, len(NAVN)) == 2


def test_batch_som_enkeltvis(tmp_path, enkeltvis):
    """render_batch(processes=2) returns the page counts in job order and writes, at each
    path, the document of that job — same pages, text and drawing as ``render_sider``."""
    jobs = [(ps.dokument(name), str(tmp_path / f"{i:02d}-{name}.pdf"))
            for i, name in enumerate(NAVN)]
    pages = batch.render_batch(jobs, processes=2)
    assert pages == [enkeltvis[name][0] for name in NAVN]
    for (dok, path), name in zip(jobs, NAVN, strict=True):
        count, texts, streams = _innhold(path)
        assert (count, texts, streams) == enkeltvis[name][1], name
        assert dok.navn in texts[0], name


def test_sidetall():
    """Page counts as the documents ask: two for the long ones (001 §2.9), one more per
    attachment page (001 §2.10), else one."""
    expected = {"lang-nb": 2, "10-lang-to-sider": 2, "vedlegg-nb": 3}
    counts = [render_sider(ps.dokument(name))[1] for name in NAVN]
    assert counts == [expected.get(name, 1) for name in NAVN]


def test_liten_batch_i_samme_prosess(tmp_path, enkeltvis):
    """Below MIN_FOR_POOL documents the batch renders in-process, with the same result."""
    names = NAVN[:3]
    jobs = [(ps.dokument(n), str(tmp_path / f"{n}.pdf")) for n in names]
    assert batch.prosesser(2, len(jobs)) == 1
    assert batch.render_batch(jobs, processes=2) == [enkeltvis[n][0] for n in names]
    for (_, path), n in zip(jobs, names, strict=True):
        assert _innhold(path) == enkeltvis[n][1]


def test_render_skriver_til_sti_og_fil(tmp_path):
    """``render(dok, target)`` writes the returned bytes to a path (no temporary file left
    beside it) or to a binary file object."""
    dok = ps.dokument("vitnemal-nb")
    path = tmp_path / "vitnemal.pdf"
    data = render(dok, path, invariant=True)
    buf = io.BytesIO()
    render(dok, buf, invariant=True)
    assert path.read_bytes() == data == buf.getvalue() == ps.pdf("vitnemal-nb")
    assert [p.name for p in tmp_path.iterdir()] == ["vitnemal.pdf"]
