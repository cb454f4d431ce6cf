"""Visual regression: each page rendered at 100 dpi (pypdfium2) against a committed
reference PNG in tests/pdf/referanse/. Ref: 001 §2.1–2.11 — the page as the reader sees it.

A layout change that is meant must come with new references:

    VITNEMAL_OPPDATER_REFERANSER=1 python -m pytest tests/pdf/test_visuell.py

writes them (the tests then skip); look at them before committing. On a mismatch the actual
page and a diff image (differing pixels red) are written to the test's tmp dir, named in the
assertion message.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops

from . import pdf_support as ps

REFERANSE = Path(__file__).resolve().parent / "referanse"
OPPDATER = os.environ.get("VITNEMAL_OPPDATER_REFERANSER") == "1"

DPI = 100
TERSKEL = 64
"""A pixel differs when its grey value differs by more than this (anti-aliasing noise is
well below)."""
MAKS_ANDEL = 0.002
"""At most this fraction of a page's pixels may differ (0.2 %); moving one table column by
1 mm changes about 5 % of them."""

DOKUMENTER = ["vitnemal-nb", "lang-nb", "kompetansebevis-nb", "vitnemal-en", "duplikat-nb",
              "utkast-nb"]


def sider(data: bytes) -> list[Image.Image]:
    """The pages of a PDF as 8-bit grey images at ``DPI``."""
    doc = pdfium.PdfDocument(data)
    try:
        return [doc[i].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
                for i in range(len(doc))]
    finally:
        doc.close()


def andel_ulik(a: Image.Image, b: Image.Image) -> tuple[float, Image.Image]:
    """Fraction of differing pixels and the mask of them (255 where they differ)."""
    mask = ImageChops.difference(a, b).point(lambda v: 255 if v > TERSKEL else 0)
    return mask.histogram()[255] / (a.width * a.height), mask


def diffbilde(expected: Image.Image, mask: Image.Image) -> Image.Image:
    """The reference, faded, with the differing pixels in red."""
    base = Image.blend(expected.convert("RGB"), Image.new("RGB", expected.size, "white"), 0.6)
    return Image.composite(Image.new("RGB", expected.size, (220, 0, 0)), base, mask)


def referanser(name: str) -> list[Path]:
    pattern = re.compile(rf"{re.escape(name)}-(\d+)\.png")
    found = [(int(m.group(1)), p) for p in REFERANSE.glob("*.png")
             if (m := pattern.fullmatch(p.name))]
    return [p for _, p in sorted(found)]


@pytest.mark.parametrize("name", DOKUMENTER)
def test_som_referansen(name, tmp_path):
    """The rendered pages match their references (001 chapter 2 as laid out)."""
    pages = sider(ps.pdf(name))
    refs = referanser(name)
    if OPPDATER:
        REFERANSE.mkdir(exist_ok=True)
        for old in refs:
            old.unlink()
        for n, img in enumerate(pages, start=1):
            img.save(REFERANSE / f"{name}-{n}.png", optimize=True)
        pytest.skip(f"wrote {len(pages)} reference page(s) for {name}")
    assert refs, f"no reference for {name}: run with VITNEMAL_OPPDATER_REFERANSER=1"
    assert len(pages) == len(refs), f"{name}: {len(pages)} pages, reference has {len(refs)}"
    for n, (img, ref) in enumerate(zip(pages, refs, strict=True), start=1):
        expected = Image.open(ref).convert("L")
        assert img.size == expected.size, f"{name} page {n}: size {img.size} != {expected.size}"
        andel, mask = andel_ulik(img, expected)
        if andel >= MAKS_ANDEL:
            actual_path = tmp_path / f"{name}-{n}-faktisk.png"
            diff_path = tmp_path / f"{name}-{n}-diff.png"
            img.save(actual_path)
            diffbilde(expected, mask).save(diff_path)
            pytest.fail(f"{name} page {n}: {andel:.2%} of pixels differ (max {MAKS_ANDEL:.2%}), "
                        f"region {mask.getbbox()}; actual {actual_path}, diff {diff_path}, "
                        f"reference {ref}")


def test_sammenligningen_kan_feile():
    """The comparison sees a small layout change: the page shifted by 2 px (0.5 mm)."""
    page = sider(ps.pdf("vitnemal-nb"))[0]
    shifted = ImageChops.offset(page, 0, 2)
    assert andel_ulik(page, page)[0] == 0.0
    assert andel_ulik(page, shifted)[0] > MAKS_ANDEL


@pytest.mark.skipif(OPPDATER, reason="references are being rewritten")
def test_referansene_er_sma_graa_png():
    """References are 8-bit grey PNGs of an A4 page at 100 dpi, small enough to commit."""
    files = [p for name in DOKUMENTER for p in referanser(name)]
    assert len(files) == len(DOKUMENTER) + 1  # lang-nb has two pages
    for p in files:
        with Image.open(p) as img:
            assert img.format == "PNG" and img.mode == "L", p.name
            assert img.size == (827, 1170), p.name
        assert p.stat().st_size < 120_000, p.name
