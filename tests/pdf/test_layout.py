"""Geometry of the laid-out pages (``vitnemal.pdf.layout``): nothing collides, nothing is
lost at a page break. Ref: 001 §2.4–2.9 (seed 002).

Works on ``Side.ops`` (mm from the top-left), so it is fast enough for a property test; what
the PDF shows is checked in test_tekst and test_visuell.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vitnemal.dokument.model import STIPLET, FagGruppe, FagRad, FravaerLinje
from vitnemal.dokument.tekster import ledetekster
from vitnemal.pdf import fonts, tabell
from vitnemal.pdf.layout import layout
from vitnemal.pdf.maal import KOLONNER, MM, SIDE_B, SIDE_H, SKRIFT_LEDETEKST

from . import pdf_support as ps
from .fixtures import vitnemal

ASCENT, DESCENT = 0.891, 0.216
"""Liberation Serif's (and Times New Roman's) ascent and descent per em."""

def _boks(op: tuple) -> tuple[float, float, float, float, str]:
    """(x0, top, x1, bottom, what) of a text or line operation, in mm."""
    if op[0] == "T":
        _, x, y, font, size, s = op
        return x, y - size * ASCENT / MM, x + fonts.width(s, font, size), y + size * DESCENT / MM, s
    _, x1, y1, x2, y2, _dashed = op
    return min(x1, x2), min(y1, y2) - 0.1, max(x1, x2), max(y1, y2) + 0.1, "<strek>"


def kollisjoner(side) -> list[tuple[str, str]]:
    """Pairs of texts (or a text and a line) whose boxes intersect."""
    boxes = sorted((_boks(op) for op in side.ops if op[0] in "TL"), key=lambda b: b[1])
    out = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b[1] >= a[3]:
                break
            if a[4] == b[4] == "<strek>":
                continue
            if a[0] < b[2] and b[0] < a[2]:
                out.append((a[4], b[4]))
    return out


def _texts(side) -> list[tuple]:
    return [op for op in side.ops if op[0] == "T"]


@pytest.mark.parametrize("name", ps.ALLE)
def test_ingen_tekst_kolliderer(name):
    """001 §2.1 «enkel linjeavstand» and the columns of §2.3–2.8: no text overlaps another
    text or a line on any page."""
    for n, side in enumerate(layout(ps.dokument(name)), start=1):
        assert kollisjoner(side) == [], f"page {n}"


@pytest.mark.parametrize("name", ps.ALLE)
def test_alt_innenfor_arket(name):
    """001 §2.1 A4 blankett: every text lies inside the page with a margin (nothing clipped)."""
    for side in layout(ps.dokument(name)):
        for op in _texts(side):
            x0, top, x1, bottom, s = _boks(op)
            assert x0 >= 10.0 and x1 <= SIDE_B - 10.0, s
            assert top >= 10.0 and bottom <= SIDE_H - 5.0, s


@pytest.mark.parametrize("maalform", [
    "nb", "nn", "en"])
def test_ledetekst_i_egen_kolonne(maalform):
    """001 §2.4 «Ledeteksten skal ha fet type og dere kan bruke skriftstørrelse 10. Av
    plasshensyn kan dere splitte ordene i de tre lengste ledetekstene på to linjer»: each label
    in at most two lines, at most 10 pt, within its own column."""
    bredde = {k: w for k, _x, w in KOLONNER}
    for key, _x, size, lines in tabell.ledetekst_linjer(ledetekster(maalform)):
        assert size <= SKRIFT_LEDETEKST and len(lines) <= 2, key
        for s in lines:
            assert fonts.width(s, "B", size) <= bredde[key], (key, s)


# --- Pagination (001 §2.9) ---------------------------------------------------------------------

def _dok(n_fag: int, *, navn_ord: int = 1, merknader: tuple[str, ...] = ("Førstegangsvitnemål",),
         fravaer_ar: int = 3, maalform: str = "nb", orden: bool = True):
    """A vitnemål with ``n_fag`` synthetic rows in two fagtype groups."""
    rows = tuple(
        FagRad("140", f"XYZ{i:04d}", " ".join(["Fagnavn"] * navn_ord) + f" {i}", "5 fem",
               STIPLET, STIPLET, "V26", "")
        for i in range(n_fag))
    half = (n_fag + 1) // 2
    grupper = tuple(g for g in (FagGruppe("FF", "Fellesfag", rows[:half]),
                                FagGruppe("VP", "Valgfrie programfag", rows[half:])) if g.rader)
    fravaer = tuple(FravaerLinje(f"{i}. år", "1", "2") for i in range(1, fravaer_ar + 1))
    return vitnemal(maalform, grupper=grupper, merknader=merknader, fravaer=fravaer,
                    orden="God" if orden else "", adferd="God" if orden else "",
                    sum_omfang=str(140 * n_fag))


def _sjekk_sider(dok, siste_uten_fag: bool = False) -> list:
    """The invariants of 001 §2.9 on the layout of ``dok``; returns the pages.
    ``siste_uten_fag``: the closing block is too tall to share a page with any fag, so the
    last page holds it alone (layout._fordel)."""
    lt = ledetekster(dok.maalform)
    sider = layout(dok)
    koder = [r.fagkode for g in dok.grupper for r in g.rader]
    overskrifter = {g.overskrift for g in dok.grupper}
    lest = [op[5] for s in sider for op in _texts(s) if op[5] in koder]
    assert lest == koder, "every fag once, in order"
    hoved = [s for s in sider if not any(op[5] == lt["vedlegg"] for op in _texts(s))]
    for n, side in enumerate(hoved, start=1):
        texts = _texts(side)
        assert kollisjoner(side) == [], f"page {n}"
        sted_y = next(op[2] for op in texts if op[5] == f"{dok.sted}, {dok.dato}")
        fag_y = [op[2] for op in texts if op[5] in koder]
        heads = [op[2] for op in texts if op[5] in overskrifter and op[3] == "B"]
        if siste_uten_fag and n == len(hoved):
            assert fag_y == [] and heads == [], "closing page alone"
        else:
            assert fag_y, f"page {n} without fag"
            assert max(fag_y) < sted_y, "fag above place and date (001 §2.8)"
            assert not heads or max(heads) < max(fag_y), "a fagtype heading never ends a page"
        avslutning = [op for op in texts if op[5] in (lt["sum_omfang"], lt["fravaer"])]
        if n < len(hoved):
            assert avslutning == [], "sum/fravær only on the last page (001 §2.9)"
            assert f"Side {n} av {len(hoved)}" in [op[5] for op in texts]
        else:
            assert avslutning and max(op[2] for op in avslutning) < sted_y
    return sider


@pytest.mark.parametrize("n_fag,sider", [(1, 1), (24, 1), (28, 1), (29, None), (33, 2),
                                         (40, 2), (55, 2)])
def test_sidebrudd(n_fag, sider):
    """001 §2.9 «Hvis det ikke er plass til å føre alle fag på én side, fører dere
    dokumentasjonen over to sider»; maal.py: «a three-year studiespesialisering with 28 fag
    fits on one page»."""
    result = _sjekk_sider(_dok(n_fag))
    if sider is not None:
        assert len(result) == sider


def test_overskrift_alene_nederst():
    """001 §2.5/§2.9: a fagtype heading stands over its fag, never alone at a page end
    (the contract in layout._fordel's docstring)."""
    lang_merknad = "Merknad med en del tekst som går over flere linjer i feltet. " * 5
    sider = _sjekk_sider(_dok(1, merknader=(lang_merknad,) * 8), siste_uten_fag=True)
    assert len(sider) == 2


@st.composite
def dokumenter(draw):
    return _dok(
        draw(st.integers(1, 60)),
        navn_ord=draw(st.sampled_from([1, 1, 1, 4, 9])),
        merknader=tuple(draw(st.lists(st.sampled_from([
            "Førstegangsvitnemål",
            "Utvidet tid som følge av deltakelse i internasjonal utveksling som medfører tap "
            "av opplæringstid i løpet av et opplæringsår.",
        ]), max_size=3))),
        fravaer_ar=draw(st.integers(0, 5)),
        maalform=draw(st.sampled_from(["nb", "nn"])),
        orden=draw(st.booleans()),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dokumenter())
def test_sidebrudd_egenskaper(dok):
    """001 §2.9 for any number of fag, name lengths, remarks and fravær years: every fag
    once and in order, no collisions, closing block on the last page only, above place and
    date."""
    _sjekk_sider(dok)


def test_vedlegg_ikke_med_i_sidetall():
    """001 §2.9/§2.10: «Side 1 av 2» counts the document's pages; the attachment pages are
    marked with identity and number instead."""
    dok = replace(_dok(40), vedlegg=("Vedlegg med litt tekst.",))
    sider = layout(dok)
    assert len(sider) == 3
    assert "Side 2 av 2" in sider[1].texts()
    assert not any(s.startswith("Side") for s in sider[2].texts())


@pytest.mark.parametrize("avsnitt", [5, 21, 22, 40])
def test_vedleggsside_aldri_tom(avsnitt):
    """001 §2.10: an attachment page carries attachment text (not only identity, heading and
    signatures); every paragraph once, in order."""
    tekster = tuple(f"Avsnitt {i}." for i in range(avsnitt))
    dok = replace(vitnemal("nb"), vedlegg=tekster)
    sider = layout(dok)[len(layout(vitnemal("nb"))):]
    lest = [s for side in sider for s in side.texts() if s.startswith("Avsnitt")]
    assert lest == list(tekster)
    for n, side in enumerate(sider, start=1):
        assert any(s.startswith("Avsnitt") for s in side.texts()), f"attachment page {n} empty"
