"""The bundled fonts draw every character a record may hold, and the renderer draws nothing
else.

Ref: 001 §2.1 — «skrifttype Times New Roman»; issue 12: characters the embedded font cannot
draw were dropped or boxed. The repertoire (``vitnemal.model.tegn``) is checked against each
bundled face's own cmap, read with fontTools (installed with ``pikepdf[pdfa]``), independent
of ReportLab, which the renderer uses.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from fontTools.ttLib import TTFont

from vitnemal.dokument.tekster import innhold, ledetekster
from vitnemal.kodeverk import load
from vitnemal.model.tegn import REPERTOAR, SAMISKE, utenfor
from vitnemal.pdf import fonts, vakt
from vitnemal.pdf.render import render

from .fixtures import vitnemal


@pytest.mark.parametrize("face", list(fonts.FACES))
def test_hver_skrift_har_tegn_for_hele_repertoaret(face):
    """Every character of the repertoire has a glyph (not .notdef) in every bundled face:
    regular, bold, italic and bold italic."""
    font = TTFont(fonts.font_path(face))
    cmap = font.getBestCmap()
    mangler = sorted(c for c in REPERTOAR if cmap.get(ord(c)) in (None, ".notdef"))
    assert mangler == [], [f"U+{ord(c):04X}" for c in mangler]
    glyfer = set(font.getGlyphOrder())
    assert all(cmap[ord(c)] in glyfer for c in REPERTOAR)


def test_renderens_tegnliste_er_skriftens():
    """The renderer's list of drawable characters (ReportLab's reading of the cmap) agrees
    with fontTools on the repertoire, so the guard judges what the file really holds."""
    for face in fonts.FACES:
        assert vakt.tegnbare(face) >= REPERTOAR, face


def test_repertoaret_har_norske_og_samiske_bokstaver():
    for c in "ÆØÅæøåÁáÏïÄäÖö" + SAMISKE:
        assert c in REPERTOAR, c
    for c in "\x00\t\n\u00ad\u202e\u200b😀中م":
        assert c not in REPERTOAR, f"U+{ord(c):04X}"


def _kodeverk_tekster() -> list[str]:
    kv = load()
    ut = []
    for tabell in (kv.fagmerknader, kv.vitnemalsmerknader, kv.fagtyper, kv.orden_adferd,
                   kv.utdanningsprogram):
        for e in tabell.values():
            ut.extend(e.tekster.values())
    return ut


def test_alt_systemet_selv_skriver_er_i_repertoaret():
    """The labels, fixed texts and kodeverk texts the system prints itself are inside the
    repertoire too (so the fonts draw them)."""
    tekster = _kodeverk_tekster()
    for mf in ("nb", "nn", "en"):
        tekster += [*ledetekster(mf).values(), *innhold(mf).values()]
    feil = {t: utenfor(t) for t in tekster if utenfor(t)}
    assert feil == {}


UTEGNBARE = ["Ola 😀", "王秀英", "محمد", "Ola\x00", "Ola\u202eNordmann", "Ola\u200bNordmann"]


@pytest.mark.parametrize("navn", UTEGNBARE)
def test_renderen_nekter_tegn_uten_glyf(navn):
    """Issue 12: «the renderer asserts it never meets a character without a glyph» — an
    internal error, raised before any byte is written, which only a bypassed validation can
    cause."""
    dok = vitnemal("nb", navn=navn)
    with pytest.raises(vakt.Utskriftsfeil, match="no glyph for U\\+"):
        render(dok)


@pytest.mark.parametrize("felt,verdi", [
    ("skole", "Nordlys videregående skole 😀"), ("sted", "Oslo\x00"),
    ("merknader", ("Førstegangsvitnemål 中",)), ("vedlegg", ("Vedlegg \u202e",)),
    ("underskrivere", ("Rektor 😀", "Avdelingsleder")),
])
def test_renderen_nekter_tegn_uten_glyf_i_alle_felt(felt, verdi, tmp_path):
    dok = replace(vitnemal("nb"), **{felt: verdi})
    ut = tmp_path / "x.pdf"
    with pytest.raises(vakt.Utskriftsfeil):
        render(dok, ut)
    assert not ut.exists() and list(tmp_path.iterdir()) == []
