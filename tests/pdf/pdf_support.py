"""Shared helpers of the renderer tests: documents by name, their PDF, and what a reader sees.

Everything is cached per process by document name: a document is rendered once and read
once, however many tests look at it. Documents are the hand-built ``FIXTURES`` and the
bundled samples (``eksempler/``, composed on a fixed day).
"""

from __future__ import annotations

import io
import re
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

import pdfplumber

from vitnemal.dokument.model import Dokument
from vitnemal.dokument.tekster import ledetekster
from vitnemal.io import load_elevmapper
from vitnemal.pdf.maal import MM
from vitnemal.pdf.render import render
from vitnemal.utskrift import Utstedelse, forbered

from .fixtures import FIXTURES, VARIANTER

ROOT = Path(__file__).resolve().parents[2]
EKSEMPLER = ROOT / "eksempler"
DAG = date(2026, 6, 20)

WATERMARK_PT = 50.0
"""Characters at least this large are the «UTKAST» watermark, not føring."""

FAGTYPE_REKKEFOLGE = ("FF", "FP", "VP", "UP", "PF", "YF", "IO")
"""001 §2.5 «FF Fellesfag, FP …, IO Individuell opplæringsplan»."""

DOKUMENTNUMMER = re.compile(r"^[VK]\d{18}$")
"""001 §2.8: V/K, organisasjonsnummer (9), åååå and a five-digit serial, no spaces."""


SAMPLE_FILES = sorted(p for p in EKSEMPLER.iterdir() if p.suffix in {".json", ".yaml", ".yml"})
SAMPLES = [p.stem for p in SAMPLE_FILES]
"""The bundled samples by file stem (``10-lang-to-sider`` is two pages)."""

ALLE = [*FIXTURES, *SAMPLES]
"""Every document the tests know, by name."""


@lru_cache(maxsize=1)
def samples() -> dict[str, Dokument]:
    """The bundled sample elevmapper, composed as of ``DAG``; keyed by file stem."""
    result = load_elevmapper(SAMPLE_FILES)
    assert result.ok, [str(p) for p in result.problemer]
    return {Path(path).stem: forbered(m, Utstedelse.fra_elevmappe(m, dato=DAG)).dokument
            for path, m in result.mapper}


@cache
def dokument(name: str) -> Dokument:
    if name in FIXTURES:
        return FIXTURES[name]()
    if name in VARIANTER:
        return VARIANTER[name]()
    return samples()[name]


def labels(name: str) -> dict[str, str]:
    d = dokument(name)
    return d.ledetekster or ledetekster(d.maalform)


@cache
def pdf(name: str) -> bytes:
    """The document rendered with fixed dates and ID (reproducible bytes)."""
    return render(dokument(name), invariant=True)


def _ikke_vannmerke(obj: dict) -> bool:
    return obj.get("object_type") != "char" or obj["size"] < WATERMARK_PT


def baseline(char: dict, page_height: float) -> float:
    """Baseline of a pdfplumber char in mm from the top edge (the layout's unit)."""
    return (page_height - char["matrix"][5]) / MM


@cache
def lest(name: str) -> tuple[dict, ...]:
    """Per page, what pdfplumber reads from the document's PDF (see ``les``)."""
    return les(pdf(name))


def les(data: bytes) -> tuple[dict, ...]:
    """Per page: lines of text (watermark left out), words (with font and size), chars (all,
    watermark included, in content order), lines, rects and the page size in points."""
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            tekst = page.filter(_ikke_vannmerke)
            pages.append({
                "linjer": tuple(tekst.extract_text().splitlines()),
                "ord": tuple(tekst.extract_words(extra_attrs=["fontname", "size"])),
                "tegn": tuple(page.chars),
                "streker": tuple(page.lines),
                "rammer": tuple(page.rects),
                "hoyde": float(page.height),
                "bredde": float(page.width),
            })
    return tuple(pages)


def linjer(name: str, side: int = 1) -> list[str]:
    """Text lines of page ``side`` (1-based) in reading order."""
    return list(lest(name)[side - 1]["linjer"])


def alle_linjer(name: str) -> list[str]:
    return [s for p in lest(name) for s in p["linjer"]]


def _rader(name: str, side: int) -> list[list[dict]]:
    """The page's words grouped into text lines (same bottom), top to bottom, left to right."""
    rows: dict[float, list[dict]] = {}
    for w in lest(name)[side - 1]["ord"]:
        key = next((k for k in rows if abs(k - w["bottom"]) < 1.0), w["bottom"])
        rows.setdefault(key, []).append(w)
    return [sorted(rows[k], key=lambda w: w["x0"]) for k in sorted(rows)]


def rad(name: str, side: int, start: str) -> list[dict]:
    """The words of the first text line on the page that starts with ``start``."""
    for row in _rader(name, side):
        if " ".join(w["text"] for w in row).startswith(start):
            return row
    raise AssertionError(f"no line starting {start!r} on page {side} of {name}")


def ord_for(name: str, side: int, tekst: str) -> list[dict]:
    """The words that read ``tekst`` (whole words, within one text line) on the page."""
    k = len(tekst.split())
    for row in _rader(name, side):
        for i in range(len(row) - k + 1):
            if " ".join(w["text"] for w in row[i:i + k]) == tekst:
                return row[i:i + k]
    raise AssertionError(f"no words {tekst!r} on page {side} of {name}")


def fag_linje(name: str, fagkode: str) -> str:
    """The (first) text line of the fag row with ``fagkode``."""
    for s in alle_linjer(name):
        parts = s.split()
        if len(parts) > 1 and parts[1] == fagkode:
            return s
    raise AssertionError(f"no row for {fagkode} in {name}")


def normaliser(s: str) -> str:
    return " ".join(s.split())


def rader_per_gruppe(name: str) -> list[list[str]]:
    """Fagkoder as read from the PDF, grouped under the heading they stand under."""
    d = dokument(name)
    overskrifter = [g.overskrift for g in d.grupper]
    koder = {r.fagkode for g in d.grupper for r in g.rader}
    out: list[list[str]] = []
    for s in alle_linjer(name):
        if s in overskrifter:
            out.append([])
            continue
        parts = s.split()
        if out and len(parts) > 1 and parts[1] in koder:
            out[-1].append(parts[1])
    return out


def underskriftsblokk(name: str, side: int) -> list[tuple]:
    """Positions of place/date, school, signatories and signature lines on a page (001 §2.8)."""
    d = dokument(name)
    pos = []
    for tekst in (f"{d.sted}, {d.dato}", d.skole, *d.underskrivere):
        w = ord_for(name, side, tekst)[0]
        pos.append((round(w["x0"], 2), round(w["top"], 2)))
    strek = [s for s in lest(name)[side - 1]["streker"] if not s["dash"][0]]
    pos.extend((round(s["x0"], 2), round(s["top"], 2), round(s["x1"], 2)) for s in strek)
    return pos
