"""Text that does not fit: it wraps where 001 chapter 2 leaves room, and where no layout can
hold it the document is refused with a FEIL naming the field — never printed past the margin.

Ref: 001 §2.1 («skriftstørrelse 11»: never set smaller), §2.2 (name), §2.3 (programme areas),
§2.6 (fag rows), §2.8 (place, school, signatories, vitnemålsmerknader), §2.10 (attachment);
issue 12. Rooms and line limits: ``vitnemal.pdf.felt`` and ``maal.py``; the check:
``vitnemal.pdf.kontroll.passer``; the renderer's guard: ``vitnemal.pdf.vakt``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from vitnemal.dokument.model import FagGruppe, ProgramLinje
from vitnemal.kodeverk import load
from vitnemal.pdf import felt, vakt
from vitnemal.pdf.kontroll import passer
from vitnemal.pdf.layout import layout
from vitnemal.pdf.maal import (
    FODSELSNUMMER_Y,
    HOYRE,
    LINJE,
    MM,
    NAVN_Y,
    SKOLE_Y,
    SKRIV_BUNN,
    SKRIV_TOPP,
    UNDERSKRIFT_STREK_Y,
    VENSTRE,
)
from vitnemal.pdf.render import render

from . import pdf_support as ps
from .fixtures import kompetansebevis, rad, vitnemal
from .test_layout import kollisjoner

EKSEMPLER = Path(__file__).resolve().parents[2] / "eksempler"

TOL = 0.5
"""Points of rounding allowed when reading glyph boxes back from the PDF."""


def regler(dok) -> list[tuple[str, str | None]]:
    return [(f.regel, f.sti) for f in passer(dok)]


def tegn_utenfor(data: bytes) -> list[str]:
    """The glyphs (watermark aside) pdfplumber reads outside the printable area."""
    ut = []
    for n, side in enumerate(ps.les(data), start=1):
        for c in side["tegn"]:
            if c["size"] >= ps.WATERMARK_PT:
                continue
            if (c["x0"] < VENSTRE * MM - TOL or c["x1"] > HOYRE * MM + TOL
                    or c["top"] < SKRIV_TOPP * MM - TOL or c["bottom"] > SKRIV_BUNN * MM + TOL):
                ut.append(f"page {n}: {c['text']!r} at x {c['x0']:.1f}–{c['x1']:.1f} pt, "
                          f"y {c['top']:.1f}–{c['bottom']:.1f} pt")
    return ut


def skrives(dok) -> bytes:
    """The document printed after the fit check passed: inside the area, nothing overlaps."""
    assert passer(dok) == []
    for n, side in enumerate(layout(dok), start=1):
        assert kollisjoner(side) == [], f"page {n}"
    data = render(dok)
    assert tegn_utenfor(data) == []
    return data


# --- Everything the project prints today fits --------------------------------------------------

@pytest.mark.parametrize("name", ps.ALLE)
def test_alle_kjente_dokumenter_passer(name):
    """The hand-built documents and the bundled samples pass the check unchanged."""
    assert passer(ps.dokument(name)) == []


def test_kodeverkets_tekster_passer_i_cellene():
    """001 §2.6: every grade, exam form and fagmerknad text of the kodeverk, in every målform,
    fits its cell (wraps inside it, no word wider than the column)."""
    kv = load()
    for mf in ("nb", "nn", "en"):
        for e in kv.vurderingsuttrykk.values():
            for tekst in e.tekster.values():
                assert felt.CELLER["standpunkt"].problem(tekst) is None, tekst
        for e in kv.fagmerknader.values():
            assert felt.CELLER["merknader"].problem(e.tekst(mf)) is None, (e.kode, mf)
        for e in kv.vitnemalsmerknader.values():
            assert felt.MERKNAD.problem(e.tekst(mf)) is None, (e.kode, mf)


# --- 001 §2.2: the name -----------------------------------------------------------------------

LANGT_NAVN = ("Ola Kristian Wwwwwwwwwwwwww Nordmann-Østerhus Haugen Bakken Johannessen "
              "Kristoffersen Solberg")


def test_langt_navn_brytes_og_skyver_resten_ned():
    """001 §2.2 «Navn: <navn>»: a name wider than the line takes a second line, and the
    fødselsnummer and all under it move down one line — on every page, attachments too."""
    dok = replace(ps.dokument("lang-nb"), navn=LANGT_NAVN, vedlegg=("Vedlegg.",))
    assert len(felt.navn(ps.labels("lang-nb")).linjer(LANGT_NAVN)) == 2
    skrives(dok)
    x = felt.identitet_x(ps.labels("lang-nb"))
    for side in layout(dok):
        verdier = [(op[2], op[5]) for op in side.ops
                   if op[0] == "T" and op[1] == x and op[2] < FODSELSNUMMER_Y + 2 * LINJE]
        assert verdier == [(pytest.approx(NAVN_Y), "Ola Kristian Wwwwwwwwwwwwww Nordmann-Østerhus "
                            "Haugen Bakken Johannessen"),
                           (pytest.approx(NAVN_Y + LINJE), "Kristoffersen Solberg"),
                           (pytest.approx(FODSELSNUMMER_Y + LINJE), dok.fodselsnummer)]


def test_navn_som_ikke_far_plass_nektes():
    """Three lines, or one word wider than the line: FEIL naming the name."""
    assert regler(vitnemal("nb", navn=LANGT_NAVN * 2)) == [("PLASS-NAVN", "$.person.navn")]
    (funn,) = passer(vitnemal("nb", navn="Ola " + "W" * 45))
    assert funn.melding.startswith("navnet får ikke plass på blanketten: ordet «WWWW")
    assert funn.paragraf == "001 §2.2"


def test_engelsk_ledetekst_gir_mindre_plass_til_navnet():
    """The English label «National identity number:» is longer, so the name starts further
    right (001 §2.2: the values stand under each other) and has less room."""
    navn = "Ola " + "W" * 38
    assert passer(vitnemal("nb", navn=navn)) == []
    assert regler(vitnemal("en", navn=navn)) == [("PLASS-NAVN", "$.person.navn")]


# --- 001 §2.3: programme areas ----------------------------------------------------------------

def _linjer(dok, **endring):
    return tuple(replace(p, **endring) for p in dok.programomrader)


def test_programomrade_i_to_linjer_skrives():
    navn = "Studiespesialisering med toppidrett og internasjonal linje, realfag"
    dok = vitnemal("nb")
    dok = replace(dok, programomrader=_linjer(dok, navn=navn))
    assert len(felt.PROGRAMOMRADE.linjer(navn)) == 2
    skrives(dok)


def test_programomrade_i_tre_linjer_nektes():
    dok = vitnemal("nb")
    dok = replace(dok, programomrader=_linjer(dok, navn="Studiespesialisering med " * 6))
    funn = passer(dok)
    assert {f.regel for f in funn} == {"PLASS-PROGRAMOMRADE"}
    assert all(f.paragraf == "001 §2.3" for f in funn)
    assert "(STSSA1----)" in funn[0].melding


def test_utdanningsprogram_med_fullfort_har_mindre_plass():
    """001 §2.3 kompetansebevis: «fullført»/«bestått» «til høyre på linjen» narrows the
    utdanningsprogram column; what fits on a vitnemål may need a third line here."""
    up = "Helse- og oppvekstfag og Teknologi- og industrifag og Wwwwwwwwwwwwwwwwwwwwwwwww"
    v, k = vitnemal("nb"), kompetansebevis("nb")
    assert passer(replace(v, programomrader=_linjer(v, utdanningsprogram=up))) == []
    funn = passer(replace(k, programomrader=_linjer(k, utdanningsprogram=up)))
    assert {f.regel for f in funn} == {"PLASS-UTDANNINGSPROGRAM"}


def test_for_mange_programomrader_nektes():
    """001 §2.3 «inntil fire linjer»: so many lines that no fag fits under them on page 1."""
    dok = vitnemal("nb")
    linjer = tuple(ProgramLinje("vg1", f"STSSA{i % 10}----", "Studiespesialisering med "
                                "toppidrett og internasjonal linje", "Studiespesialisering")
                   for i in range(24))
    assert regler(replace(dok, programomrader=linjer)) == [("PLASS-PROGRAMOMRADER", None)]


# --- 001 §2.6: fag rows -----------------------------------------------------------------------

def _med_rad(dok, r):
    g = dok.grupper[0]
    return replace(dok, grupper=(FagGruppe(g.fagtype, g.overskrift, (r, *g.rader[1:])),
                                 *dok.grupper[1:]))


def test_fagnavn_i_fire_linjer_skrives():
    navn = ("Yrkesfaglig fordypning vg2 helsearbeiderfaget, med praksis i kommunal helse- og "
            "omsorgstjeneste")
    assert len(felt.CELLER["fag"].linjer(navn)) == 4
    skrives(_med_rad(vitnemal("nb"), rad(140, "ENG1007", navn, 5)))


def test_fagnavn_i_fem_linjer_nektes():
    dok = _med_rad(vitnemal("nb"), rad(140, "ENG1007", "Engelsk muntlig og skriftlig " * 6, 5))
    (funn,) = passer(dok)
    assert (funn.regel, funn.fagkode, funn.paragraf) == ("PLASS-FAG", "ENG1007", "001 §2.6")
    assert funn.melding.startswith("fagnavnet for ENG1007 får ikke plass")


def test_langt_ord_i_fagmerknad_nektes():
    """A FAM parameter (001 §3) with a word wider than the merknad column."""
    dok = _med_rad(vitnemal("nb"), rad(140, "ENG1007", "Engelsk", 5,
                                       merknad="Språkoppl. NOR" + "Ŋ" * 20))
    (funn,) = passer(dok)
    assert funn.regel == "PLASS-FAG" and funn.melding.startswith("fagmerknaden for ENG1007")


# --- 001 §2.8: place, school, signatories; the closing block ----------------------------------

def test_skolenavn_i_to_linjer_over_underskriftsstreken():
    """001 §2.8: the school's second line stays above the first signature line."""
    skole = "Kongsberg videregående skole avdeling Numedal og Kongsberg tekniske fagskole"
    dok = vitnemal("nb", skole=skole)
    skrives(dok)
    ys = [op[2] for op in layout(dok)[0].ops if op[0] == "T" and op[1] > 100 and
          op[2] > SKOLE_Y - 0.1 and op[2] < UNDERSKRIFT_STREK_Y[0]]
    assert ys == [pytest.approx(SKOLE_Y), pytest.approx(SKOLE_Y + LINJE)]


@pytest.mark.parametrize("endring,regel,sti", [
    ({"skole": "Kongsberg videregående skole avdeling Numedal og Kongsberg " * 2},
     "PLASS-SKOLE", "$.utsteder.skolenavn"),
    ({"sted": "Porsanger - Porsáŋgu - Porsanki kommune i Finnmark"}, "PLASS-STED",
     "$.utsteder.sted"),
    ({"underskrivere": ("Rektor Rektorsen", "Avdelingsleder Ola-Kristian Nordmann-Østerhus "
                        "Haugen")}, "PLASS-UNDERSKRIVER", "$.utsteder.underskrivere[1]"),
])
def test_underskriftsblokken_nektes_nar_den_ikke_far_plass(endring, regel, sti):
    """001 §2.8 «Sted, dato, skole og to underskrifter skal alltid komme samme sted på
    blanketten»: the block does not grow; what does not fit is refused."""
    assert regler(vitnemal("nb", **endring)) == [(regel, sti)]


def test_merknader_som_ikke_far_plass_pa_en_side_nektes():
    """001 §2.8, §2.9: the vitnemålsmerknader with the stamp's room must fit on the last
    page even alone."""
    lang = "Merknad med en del tekst som går over flere linjer i feltet. " * 5
    assert passer(vitnemal("nb", merknader=(lang,) * 8)) == []  # its own page
    assert regler(vitnemal("nb", merknader=(lang,) * 12)) == [("PLASS-MERKNADER",
                                                                "$.vitnemalsmerknader")]


def test_uten_fag_og_med_lange_merknader():
    """A document with no fag rows and a closing block too tall for page 1 is laid out on
    two pages (it failed with IndexError before)."""
    lang = "Merknad med en del tekst som går over flere linjer i feltet. " * 5
    assert len(layout(vitnemal("nb", grupper=(), merknader=(lang,) * 6))) == 1
    dok = vitnemal("nb", grupper=(), merknader=(lang,) * 8)
    assert len(layout(dok)) == 2
    skrives(dok)


# --- 001 §2.10: attachment --------------------------------------------------------------------

def test_langt_vedlegg_over_flere_sider_skrives():
    dok = vitnemal("nb", vedlegg=("Dette er et langt avsnitt i vedlegget. " * 300,))
    assert len(layout(dok)) >= 3
    skrives(dok)


def test_vedlegg_med_ord_bredere_enn_siden_nektes():
    dok = vitnemal("nb", vedlegg=("Se https://example.invalid/" + "w" * 120,))
    assert regler(dok) == [("PLASS-VEDLEGG", "$.vedlegg[0]")]


# --- The issuing path ---------------------------------------------------------------------------

def _forbered(navn: str, *, utkast: bool = False, plasskontroll=passer):
    from datetime import date

    from vitnemal.io import load_elevmappe
    from vitnemal.utskrift import Utstedelse, forbered

    mappe, problemer = load_elevmappe(EKSEMPLER / "01-studiespesialisering-realfag.json")
    assert not problemer
    mappe = mappe.model_copy(update={"person": mappe.person.model_copy(update={"navn": navn})})
    u = Utstedelse.fra_elevmappe(mappe, dato=date(2026, 6, 19), utkast=utkast)
    return forbered(mappe, u, plasskontroll=plasskontroll)


def test_forbered_med_plasskontroll():
    """The issuing service judges the very document it checked against the blankett's room: a
    document that fits is issued as before; one that does not is refused with the fit findings
    joined to the report (sorted by severity) — drafts too, since no layout can hold it."""
    god = _forbered("Ola Nordmann")
    assert not god.nektet and not [f for f in god.funn if f.regel.startswith("PLASS-")]
    for utkast in (False, True):
        u = _forbered("W" * 60, utkast=utkast)
        assert u.nektet
        assert [f.regel for f in u.feil if f.regel.startswith("PLASS-")] == ["PLASS-NAVN"]
        assert u.funn == sorted(u.funn, key=lambda f: f.alvorlighet.rank)
    assert not _forbered("W" * 60, plasskontroll=None).nektet


# --- Maximum-length values, generated --------------------------------------------------------

ENHETER = ["W", "Ŋ", "M", "Ŋa ", "Wm-", "Šiŧŧá ", "ŊŊŊŊ ", "W W "]
"""Units repeated to the longest value a field holds: the widest glyphs, long words, many
short words, words broken at hyphens, Sámi letters."""


@cache
def maks(f: felt.Felt, enhet: str, hale: str = "", tak: int = 150) -> str:
    """The longest repetition of ``enhet`` (followed by ``hale``) that ``f`` still holds."""
    n = 1
    while n < tak and f.problem((enhet * (n + 1)).strip() + hale) is None:
        n += 1
    return (enhet * n).strip()


@st.composite
def verdi(draw, f: felt.Felt, vanlig: str, hale: str = "", over: bool = False) -> str:
    """An ordinary value or the longest value the field holds; with ``over``, a value a
    little longer than that."""
    enhet = draw(st.sampled_from(ENHETER))
    m = maks(f, enhet, hale)
    if over:
        return (m + enhet * draw(st.integers(1, 30))).strip()
    return draw(st.sampled_from([vanlig, m]))


@st.composite
def dokumenter(draw, alltid_over: bool = False):
    dok = draw(st.sampled_from([vitnemal("nb"), vitnemal("en"), kompetansebevis("nb")]))
    lt = dok.ledetekster
    up = felt.utdanningsprogram(any(p.pastand for p in dok.programomrader))
    felter = ["navn", "skole", "sted", "underskriver", "merknad", "vedlegg", "program", "up",
              "fag", "fagmerknad"]
    ingen = [] if alltid_over else [None] * len(felter)
    over = draw(st.sampled_from([*ingen, *felter]))  # one field over the longest, or none

    def v(navn, f, vanlig, hale=""):
        return draw(verdi(f, vanlig, hale, over=over == navn))

    dok = replace(
        dok,
        navn=v("navn", felt.navn(lt), dok.navn),
        skole=v("skole", felt.SKOLE, dok.skole),
        sted=v("sted", felt.STED_DATO, dok.sted, f", {dok.dato}"),
        underskrivere=(dok.underskrivere[0], v("underskriver", felt.UNDERSKRIVER, "Rektor")),
        merknader=(v("merknad", felt.MERKNAD, "Førstegangsvitnemål"),) * draw(st.integers(0, 3)),
        vedlegg=(v("vedlegg", felt.VEDLEGG, "Vedlegg."),) * draw(st.integers(0, 2)),
        programomrader=_linjer(dok, navn=v("program", felt.PROGRAMOMRADE, "Realfag"),
                               utdanningsprogram=v("up", up, "Studiespesialisering")),
    )
    navn = v("fag", felt.CELLER["fag"], "Engelsk")
    merknad = v("fagmerknad", felt.CELLER["merknader"], "")
    return _med_rad(dok, rad(140, "ENG1007", navn, 5, merknad=merknad))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dokumenter())
def test_det_som_passer_skrives_innenfor_arket(dok):
    """Issue 12: with maximum-length values in every field, a document either passes the
    check and is printed with every glyph inside the printable area and no text over
    another, or the check refuses it with a FEIL naming a field (and it is not printed)."""
    funn = passer(dok)
    event("nektes" if funn else "skrives")
    if funn:
        assert all(f.alvorlighet.value == "FEIL" and f.regel.startswith("PLASS-") for f in funn)
        assert all("får ikke plass" in f.melding for f in funn)
        return  # forbered refuses it (test_forbered_med_plasskontroll)
    skrives(dok)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dokumenter(alltid_over=True))
def test_renderen_skriver_aldri_utenfor_arket(dok):
    """001 §2.1, issue 12 «never print past the margin»: even without the check, the renderer
    writes either nothing (an internal error) or a PDF whose glyphs all lie inside the
    printable area."""
    try:
        data = render(dok)
    except vakt.Utskriftsfeil:
        event("nektet av renderen")
        return
    event("skrevet")
    assert tegn_utenfor(data) == []


# --- vitnemal lag: refused like any FEIL ------------------------------------------------------

def _elevmappe(tmp_path, eksempler, navn: str):
    import json

    data = json.loads((eksempler / "01-studiespesialisering-realfag.json").read_text("utf-8"))
    data["person"]["navn"] = navn
    fil = tmp_path / "elev.json"
    fil.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(fil)


@pytest.mark.parametrize("utkast", [False, True])
def test_lag_nekter_dokument_som_ikke_far_plass(tmp_path, eksempler, capsys, utkast):
    """Issue 12: a name no layout can hold was printed past the margin with exit status 0;
    now the document is refused with the finding (exit 1) and no PDF is written — as a
    draft neither, since no layout holds it."""
    from vitnemal.cli import main

    fil = _elevmappe(tmp_path, eksempler, LANGT_NAVN * 2)
    ut = tmp_path / "ut"
    args = ["lag", fil, "-o", str(ut), "--dato", "2026-06-20", *(["--utkast"] if utkast else [])]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "IKKE SKREVET UT" in err and "FEIL PLASS-NAVN (001 §2.2): navnet får ikke plass" in err
    assert "--utkast gir et utkast" not in err
    assert not ut.exists() or list(ut.glob("*.pdf")) == []


def test_lag_skriver_navn_i_to_linjer(tmp_path, eksempler):
    from vitnemal.cli import main

    fil = _elevmappe(tmp_path, eksempler, LANGT_NAVN)
    ut = tmp_path / "ut"
    assert main(["lag", fil, "-o", str(ut), "--dato", "2026-06-20"]) == 0
    (pdf,) = ut.glob("*.pdf")
    data = pdf.read_bytes()
    assert tegn_utenfor(data) == []
    linjer = ps.les(data)[0]["linjer"]
    assert linjer[2].startswith("Navn: Ola Kristian") and linjer[4].startswith("Fødselsnummer:")
