"""The bundled Liberation Serif faces: registration, widths and line breaking.

Ref: 001 §2.1 — «skrifttype Times New Roman». Liberation Serif 2.x is metric-compatible with
Times New Roman (same advance widths), free (SIL OFL 1.1, see fonts/OFL.txt) and bundled, so
the output never depends on the machine's fonts; the PDF embeds the subsets used.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from vitnemal.pdf.maal import MM

#: Short keys used by the layout → (ReportLab name, file).
FACES = {
    "R": ("VitnemalSerif", "LiberationSerif-Regular.ttf"),
    "B": ("VitnemalSerif-Bold", "LiberationSerif-Bold.ttf"),
    "I": ("VitnemalSerif-Italic", "LiberationSerif-Italic.ttf"),
    "BI": ("VitnemalSerif-BoldItalic", "LiberationSerif-BoldItalic.ttf"),
}


def font_path(key: str) -> str:
    return str(resources.files("vitnemal.pdf").joinpath("fonts", FACES[key][1]))


@lru_cache(maxsize=1)
def register() -> dict[str, str]:
    """Register the faces with ReportLab once per process; returns key → ReportLab name."""
    names = {}
    for key, (name, _) in FACES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, font_path(key)))
        names[key] = name
    return names


@lru_cache(maxsize=8192)
def width(text: str, font: str, size: float) -> float:
    """Advance width of ``text`` in mm."""
    return pdfmetrics.stringWidth(text, register()[font], size) / MM


def _pieces(text: str) -> list[str]:
    """Break opportunities: after spaces and after hyphens inside words («Standpunkt-karakter»)."""
    out, cur = [], ""
    for ch in text:
        cur += ch
        if ch == " " or (ch == "-" and len(cur.strip()) > 1):
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out


def wrap(text: str, font: str, size: float, max_mm: float) -> list[str]:
    """Greedy line breaking at spaces and hyphens; a word longer than the line stays whole.

    >>> wrap("Standpunkt-karakter", "B", 10, 20)
    ['Standpunkt-', 'karakter']
    >>> wrap("5 fem", "R", 11, 30)
    ['5 fem']
    >>> wrap("", "R", 11, 30)
    ['']
    """
    if not text or width(text, font, size) <= max_mm:
        return [text]
    lines: list[str] = []
    cur = ""
    for piece in _pieces(text):
        trial = cur + piece
        if cur and width(trial.rstrip(), font, size) > max_mm:
            lines.append(cur.rstrip())
            cur = piece
        else:
            cur = trial
    if cur.strip():
        lines.append(cur.rstrip())
    return lines
