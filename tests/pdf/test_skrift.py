"""Type on the page: embedded Liberation Serif, the sizes of 001 §2.1, §2.2, §2.4 and §2.8,
and text that copies out exactly as composed (seed 002)."""

from __future__ import annotations

import io
import re

import pikepdf
import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from vitnemal.pdf import fonts, tabell
from vitnemal.pdf.layout import layout
from vitnemal.pdf.maal import MM
from vitnemal.pdf.render import render

from . import pdf_support as ps
from .fixtures import FIXTURES, vitnemal

SUBSET = re.compile(r"^[A-Z]{6}\+(.+)$")


def _fonter(data: bytes) -> list[tuple[str, dict]]:
    """Every font used on a page (directly or in a form XObject), with its resource name."""
    out = []
    with pikepdf.open(io.BytesIO(data)) as doc:
        def walk(resources):
            for key, font in resources.get("/Font", {}).items():
                out.append((key, font))
            for xobj in resources.get("/XObject", {}).values():
                if xobj.get("/Subtype") == "/Form" and "/Resources" in xobj:
                    walk(xobj.Resources)
        for page in doc.pages:
            walk(page.obj.get("/Resources", {}))
        return [(k, {"subtype": str(f.Subtype), "base": str(f.BaseFont),
                     "fontfile2": "/FontFile2" in f.get("/FontDescriptor", {}),
                     "tounicode": "/ToUnicode" in f, "widths": "/Widths" in f})
                for k, f in out]


BUNDLED = {TTFontFile(fonts.font_path(k)).name.decode() for k in fonts.FACES}
"""PostScript names of the bundled faces (LiberationSerif, LiberationSerif-Bold …)."""


@pytest.mark.parametrize("name", [*FIXTURES, "10-lang-to-sider"])
def test_alle_skrifter_innebygd(name):
    """001 §2.1 «skrifttype Times New Roman» — here the metric-compatible Liberation Serif,
    always embedded (PDF/A-2b 6.2.11.4): TrueType program (/FontFile2), widths and a
    ToUnicode map (so that the text can be copied)."""
    found = _fonter(ps.pdf(name))
    assert found
    for key, f in found:
        assert f["subtype"] == "/TrueType", key
        assert f["fontfile2"], f"{key} {f['base']} not embedded"
        assert f["widths"] and f["tounicode"], key


@pytest.mark.parametrize("name", [*FIXTURES, "10-lang-to-sider"])
def test_liberation_serif(name):
    """001 §2.1: only the bundled faces (as subsets), never a base-14 or system font."""
    assert all(n.startswith("LiberationSerif") for n in BUNDLED)
    for _key, f in _fonter(ps.pdf(name)):
        m = SUBSET.match(f["base"].lstrip("/"))
        assert m, f["base"]
        assert m.group(1) in BUNDLED, f["base"]


def _er_fet(char: dict) -> bool:
    return char["fontname"].endswith("-Bold")


def _omrader(name: str, side: int = 1) -> dict[str, list[dict]]:
    """The chars of a page by what they are: blankett print (title), identity, column header,
    number and the rest (føring)."""
    d = ps.dokument(name)
    page = ps.lest(name)[side - 1]
    chars = [c for c in page["tegn"] if c["size"] < ps.WATERMARK_PT and c["text"].strip()]
    navn = ps.ord_for(name, side, d.navn)[0]
    dashed = sorted(s["top"] for s in page["streker"] if s["dash"][0])
    header = (dashed[0], dashed[1])
    nummer = next(w for w in page["ord"] if w["text"] == d.dokumentnummer)
    fnr = ps.ord_for(name, side, d.fodselsnummer)[0]
    out: dict[str, list[dict]] = {"blankett": [], "identitet": [], "ledetekst": [],
                                  "nummer": [], "foring": []}
    for c in chars:
        if c["bottom"] < navn["top"] - 1:
            out["blankett"].append(c)
        elif c["top"] <= fnr["bottom"]:
            out["identitet"].append(c)
        elif header[0] < c["top"] and c["bottom"] < header[1]:
            out["ledetekst"].append(c)
        elif c["top"] >= nummer["top"] - 0.5 and c["x1"] <= nummer["x1"] + 0.5:
            out["nummer"].append(c)
        else:
            out["foring"].append(c)
    return out


MAIN_PAGES = [
    ("vitnemal-nb", 1), ("vitnemal-nn", 1), ("vitnemal-en", 1), ("kompetansebevis-nb", 1),
    ("kompetansebevis-en", 1), ("lang-nb", 1), ("lang-nb", 2), ("duplikat-nb", 1),
    ("utkast-nb", 1), ("vedlegg-nb", 1), ("10-lang-to-sider", 2), ("07-iop-kompetansebevis", 1)]
"""Pages with the full blankett (identity, column header, number)."""


@pytest.mark.parametrize("name,side", MAIN_PAGES)
def test_identitet_fet_11(name, side):
    """001 §2.2 «fører dere identitetsopplysningene med ledetekst og med fet type»; 001 §2.1
    «skriftstørrelse 11 dersom ikke annet er angitt»."""
    chars = _omrader(name, side)["identitet"]
    assert chars
    assert {round(c["size"], 2) for c in chars} == {11.0}
    assert all(_er_fet(c) for c in chars)


@pytest.mark.parametrize("name,side", MAIN_PAGES)
def test_ledetekst_fet_hoyst_10(name, side):
    """001 §2.4 «Ledeteksten skal ha fet type og dere kan bruke skriftstørrelse 10»."""
    chars = _omrader(name, side)["ledetekst"]
    assert chars
    assert all(_er_fet(c) for c in chars)
    assert max(c["size"] for c in chars) <= 10.0 + 1e-6


@pytest.mark.parametrize("name,side", MAIN_PAGES)
def test_dokumentnummer_9(name, side):
    """001 §2.8 «Vitnemåls-/kompetansebevisnummeret … Skriftstørrelse skal være 9»."""
    chars = _omrader(name, side)["nummer"]
    assert "".join(c["text"] for c in chars) == ps.dokument(name).dokumentnummer
    assert {round(c["size"], 2) for c in chars} == {9.0}


@pytest.mark.parametrize("name,side", MAIN_PAGES)
def test_foring_11(name, side):
    """001 §2.1 «Times New Roman skriftstørrelse 11 dersom ikke annet er angitt»: every
    other text written on the blankett (programme lines, fag, totals, merknader, place, date,
    signatories, «Side 1 av 2», «forts. fra side 1») is 11 pt. The blankett's own print
    (title; the DUPLIKAT stamp) stands above the identity lines and is not føring."""
    sizes = {round(c["size"], 2) for c in _omrader(name, side)["foring"]}
    assert sizes == {11.0}


def test_fag_i_normal_skrift():
    """001 §2.6: fag rows in the regular face (only labels, identity and headings bold)."""
    words = ps.rad("vitnemal-nb", 1, "140 ENG1007")
    assert not any(w["fontname"].endswith("-Bold") for w in words)


# --- Copyable text ----------------------------------------------------------------------------

def _tegn_per_op(data: bytes, dok) -> list[tuple[str, str]]:
    """For each text operation of the layout, (text placed, chars found at its place)."""
    out = []
    for side, page in zip(layout(dok), ps.les(data), strict=True):
        chars = [c for c in page["tegn"] if c["size"] < ps.WATERMARK_PT]
        for op in side.ops:
            if op[0] != "T":
                continue
            _, x, y, font, size, s = op
            x1 = x + fonts.width(s, font, size)
            found = sorted((c for c in chars
                            if abs(ps.baseline(c, page["hoyde"]) - y) < 0.2
                            and c["x0"] >= x * MM - 0.5 and c["x1"] <= x1 * MM + 0.5),
                           key=lambda c: c["x0"])
            out.append((s, "".join(c["text"] for c in found)))
    return out


@pytest.mark.parametrize("name", [*FIXTURES, "10-lang-to-sider", "02-studiespesialisering-nynorsk"])
def test_tekst_kan_kopieres(name):
    """001 §2.1 (archival PDF/A): every string placed reads back, char for char, from the
    same place — æøå, «–», dashes and spaces included."""
    for placed, found in _tegn_per_op(ps.pdf(name), ps.dokument(name)):
        assert found == placed


SAMISK = "Máret Čuoigi Ŋuvttá-Đávvá Šiŧŧá Žáhkku"


def test_samiske_tegn_kan_kopieres():
    """001 §2.1 blankett «på … samiske språk»: Sámi letters (á č đ ŋ š ŧ ž) are in the font
    and copy out unchanged."""
    dok = vitnemal("nb", navn=SAMISK, skole="Sámi joatkkaskuvla ja boazodoalloskuvla")
    data = render(dok, invariant=True)
    for placed, found in _tegn_per_op(data, dok):
        assert found == placed
    assert f"Navn: {SAMISK}" in ps.les(data)[0]["linjer"]


@pytest.mark.parametrize("name", [*FIXTURES, *ps.SAMPLES])
def test_dokumentets_tekster_i_pdf(name):
    """Every composed string of the document — name, number, fag names, remarks, school,
    signatories — is found in the extracted text (wrapped remarks joined; fag names of
    wrapped rows, interleaved with their neighbours, are checked by position above)."""
    d = ps.dokument(name)
    tekst = ps.normaliser(" ".join(ps.alle_linjer(name)))
    strings = [d.navn, d.fodselsnummer, d.dokumentnummer, d.skole, *d.underskrivere,
               f"{d.sted}, {d.dato}", *d.merknader,
               *(r.fagnavn for g in d.grupper for r in g.rader if tabell.rad(r).linjer == 1)]
    for s in strings:
        assert ps.normaliser(s) in tekst, s
