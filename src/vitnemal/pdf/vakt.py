"""The renderer's last guard: every text it draws has a glyph for each character and lies
inside the printable area.

Ref: 001 §2.1 — a character the embedded font cannot draw would be dropped or boxed (and can
break PDF/A), and a text past the margin is lost on paper. Neither can reach this point: the
record is validated against one repertoire (``vitnemal.model.tegn``) and the fit check
(``vitnemal.pdf.kontroll``) refuses what does not fit. Meeting either here is therefore an
internal error (validation or the check was bypassed), raised before any byte is written.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

from vitnemal.pdf import fonts
from vitnemal.pdf.maal import HOYRE, MM, SKRIV_BUNN, SKRIV_TOPP, VENSTRE

TOLERANSE = 0.01
"""mm of rounding allowed at the edges of the printable area."""


class Utskriftsfeil(RuntimeError):
    """Internal error: the renderer met a text it must not print (see the module docstring)."""


USYNLIGE = ("Cc", "Cf", "Co", "Cs", "Cn", "Mn", "Me", "Zl", "Zp")
"""Unicode categories never drawn, glyph or not: controls, format characters (bidi
overrides, zero-width characters), private use, combining marks, line separators. The face
has zero-width glyphs for some of them, which would print nothing and change the copied text."""


@lru_cache(maxsize=8)
def tegnbare(font: str) -> frozenset[str]:
    """The characters the bundled face ``font`` (R, B, I, BI) draws: those its cmap maps to a
    glyph, less the invisible categories (``USYNLIGE``)."""
    face = pdfmetrics.getFont(fonts.register()[font]).face
    return frozenset(chr(c) for c, glyf in face.charToGlyph.items()
                     if glyf and unicodedata.category(chr(c)) not in USYNLIGE)


@lru_cache(maxsize=8)
def _hoyde(font: str) -> tuple[float, float]:
    """Ascent and descent of the face per point of size, in mm."""
    face = pdfmetrics.getFont(fonts.register()[font]).face
    return face.ascent / 1000 / MM, -face.descent / 1000 / MM


@lru_cache(maxsize=8192)
def mangler(s: str, font: str) -> str:
    """The characters of ``s`` the face has no glyph for ('' when it can draw them all)."""
    kan = tegnbare(font)
    return "".join(sorted({c for c in s if c not in kan}))


def tegnbar(s: str, font: str) -> None:
    """Raise ``Utskriftsfeil`` when the face cannot draw every character of ``s``."""
    feil = mangler(s, font)
    if feil:
        koder = ", ".join(f"U+{ord(c):04X}" for c in feil)
        raise Utskriftsfeil(f"no glyph for {koder} in face {font} (or an invisible character): "
                            "the text reached the renderer without validation "
                            "(vitnemal.model.tegn)")


def tekst(x: float, y: float, font: str, size: float, s: str) -> None:
    """Raise ``Utskriftsfeil`` unless ``s`` at baseline ``y`` from ``x`` (mm) can be drawn and
    lies inside the printable area (VENSTRE–HOYRE, SKRIV_TOPP–SKRIV_BUNN)."""
    tegnbar(s, font)
    opp, ned = _hoyde(font)
    x1 = x + fonts.width(s, font, size)
    if (x < VENSTRE - TOLERANSE or x1 > HOYRE + TOLERANSE
            or y - opp * size < SKRIV_TOPP - TOLERANSE or y + ned * size > SKRIV_BUNN + TOLERANSE):
        raise Utskriftsfeil(
            f"text of {len(s)} characters at x {x:.1f}–{x1:.1f} mm, baseline {y:.1f} mm lies "
            "outside the printable area: the fit check (vitnemal.pdf.kontroll) was bypassed")
