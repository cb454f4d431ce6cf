"""The fag table: column header, fagtype headings and fag rows (001 §2.4–2.6).

Rows are measured first (each cell wrapped to its column) so that pagination knows their
height; drawing places them at a given baseline.
"""

from __future__ import annotations

from dataclasses import dataclass

from vitnemal.dokument.model import Dokument, FagRad
from vitnemal.pdf import felt, fonts
from vitnemal.pdf.maal import (
    CELLE_LUFT,
    HOYRE,
    HOYREJUSTERT,
    HOYREJUSTERT_LUFT,
    KOLONNER,
    LEDETEKST_LINJER,
    LEDETEKST_MIN,
    LINJE,
    LINJE_LEDETEKST,
    SKRIFT,
    SKRIFT_LEDETEKST,
    VENSTRE,
)
from vitnemal.pdf.side import Side

RAD_ATTR = {
    "omfang": "omfang", "kode": "fagkode", "fag": "fagnavn", "standpunkt": "standpunkt",
    "eksamen": "eksamen", "eksamensform": "eksamensform", "ar": "ar", "merknader": "merknad",
}


@dataclass(frozen=True, slots=True)
class Post:
    """One item of the table flow: a fagtype heading or a fag row, with its height in lines."""

    overskrift: str | None
    celler: tuple[tuple[str, tuple[str, ...]], ...]  # (column key, wrapped lines)
    linjer: int


def overskrift(tekst: str) -> Post:
    """Ref: 001 §2.5 — «Som overskrifter til føring av fag, fører dere fagtype»."""
    return Post(overskrift=tekst, celler=(), linjer=1)


def rad(r: FagRad) -> Post:
    """Ref: 001 §2.6 — one fag row; a cell too wide for its column wraps inside it."""
    celler = []
    for key, _x, _w in KOLONNER:
        celler.append((key, tuple(felt.CELLER[key].linjer(getattr(r, RAD_ATTR[key])))))
    return Post(overskrift=None, celler=tuple(celler), linjer=max(len(c[1]) for c in celler))


def poster(dok: Dokument) -> list[Post]:
    """Ref: 001 §2.5 — «fagtype i følgende rekkefølge» (the groups come ordered)."""
    out = []
    for g in dok.grupper:
        out.append(overskrift(g.overskrift))
        out.extend(rad(r) for r in g.rader)
    return out


def tegn_post(side: Side, post: Post, y: float) -> float:
    """Draw one item with its first baseline at y; returns the next free baseline."""
    if post.overskrift is not None:
        side.text(VENSTRE + KOLONNER[1][1], y, post.overskrift, "B", SKRIFT)
        return y + LINJE
    for key, lines in post.celler:
        _, x, w = next(k for k in KOLONNER if k[0] == key)
        for i, s in enumerate(lines):
            if key in HOYREJUSTERT:
                side.text(VENSTRE + x + w - HOYREJUSTERT_LUFT, y + i * LINJE, s, "R", SKRIFT, "r")
            else:
                side.text(VENSTRE + x, y + i * LINJE, s, "R", SKRIFT)
    return y + post.linjer * LINJE


def ledetekst_linjer(lt: dict[str, str]) -> list[tuple[str, float, float, list[str]]]:
    """Ref: 001 §2.4 — «Av plasshensyn kan dere splitte ordene i de tre lengste ledetekstene på
    to linjer. Eksamensform kan også forkortes til ‹Eks. form›.»

    Each label (key, x, size, lines) wrapped to its column in at most two lines at 10 pt; a
    label that does not fit so (only English ones) is set smaller, down to 8 pt.
    """
    out = []
    for key, x, w in KOLONNER:
        size = SKRIFT_LEDETEKST
        while True:
            lines = fonts.wrap(lt[key], "B", size, w - CELLE_LUFT)
            fits = len(lines) <= LEDETEKST_LINJER and all(
                fonts.width(s, "B", size) <= w - CELLE_LUFT / 2 for s in lines)
            if fits or size <= LEDETEKST_MIN:
                break
            size -= 0.5
        if len(lines) > LEDETEKST_LINJER:
            lines = [lines[0], " ".join(lines[1:])]
        out.append((key, x, size, lines))
    return out


def tegn_ledetekst(side: Side, lt: dict[str, str], y_strek: float) -> float:
    """Ref: 001 §2.4 — «en overskrift mellom stiplede linjer med ledetekst om omfang, kode, fag,
    standpunktkarakter, eksamenskarakter, eksamensform, år og merknader. Ledeteksten skal ha
    fet type».

    Upper dashed line at ``y_strek``; one-line labels stand on the lower line. Returns the
    first baseline of the rows under it.
    """
    side.line(VENSTRE, y_strek, HOYRE, y_strek, dashed=True)
    b1 = y_strek + LINJE_LEDETEKST
    b2 = b1 + LINJE_LEDETEKST
    labels = ledetekst_linjer(lt)
    for row in range(LEDETEKST_LINJER):
        for _key, x, size, lines in labels:
            first = LEDETEKST_LINJER - len(lines)
            if row < first:
                continue
            s = lines[row - first]
            y = b1 + row * LINJE_LEDETEKST
            side.text(VENSTRE + x, y, s, "B", size)
    y_under = b2 + 1.6
    side.line(VENSTRE, y_under, HOYRE, y_under, dashed=True)
    return y_under + LINJE
