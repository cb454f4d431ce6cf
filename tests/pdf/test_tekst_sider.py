"""What a reader of the PDF sees over several pages: 001 §2.9 (two pages), §2.10 (vedlegg),
§2.11 (duplikat) and the draft watermark (seed 002)."""

from __future__ import annotations

import pytest

from . import pdf_support as ps

LANG = ["lang-nb", "10-lang-to-sider"]
"""The two-page documents (001 §2.9)."""


# --- 001 §2.9 To sider -----------------------------------------------------------------------

@pytest.mark.parametrize("name", LANG)
def test_to_sider(name):
    """001 §2.9 «Hvis det ikke er plass til å føre alle fag på én side … over to sider»."""
    assert len(ps.lest(name)) == 2


@pytest.mark.parametrize("name", LANG)
def test_side_x_av_y_nederst_til_hoyre(name):
    """001 §2.9 «Nederst til høyre under underskriftene fører dere ‹Side 1 av 2›»; «‹Side 2
    av 2› fører dere nederst til høyre under underskrifter»."""
    d = ps.dokument(name)
    for n, side in enumerate(ps.lest(name), start=1):
        words = ps.ord_for(name, n, f"Side {n} av 2")
        under = ps.ord_for(name, n, d.underskrivere[1])[0]
        assert words[0]["top"] > under["bottom"]
        strek = max(s["x1"] for s in side["streker"])
        assert words[-1]["x1"] == pytest.approx(strek, abs=0.5)


@pytest.mark.parametrize("name", LANG)
def test_side_2_begynner_med_identitet_forts_og_ledetekst(name):
    """001 §2.9 «Side 2 i dokumentasjonen begynner med … navn og fødselsnummer; tekst: forts.
    fra side 1; en overskrift mellom stiplede linjer med ledetekst»; «Deretter fortsetter
    fagene»."""
    d = ps.dokument(name)
    s1, s2 = ps.linjer(name, 1), ps.linjer(name, 2)
    header = s1[s1.index(d.grupper[0].overskrift) - 2:s1.index(d.grupper[0].overskrift)]
    assert s2[2:7] == [s1[2], s1[3], "forts. fra side 1", *header]
    parts = s2[7].split()
    koder = {r.fagkode for g in d.grupper for r in g.rader}
    assert s2[7] in [g.overskrift for g in d.grupper] or parts[1] in koder


@pytest.mark.parametrize("name", LANG)
def test_ledetekst_mellom_stiplede_linjer_pa_begge_sider(name):
    """001 §2.4/§2.9 «en overskrift mellom stiplede linjer»; «Under siste fag på side 1 skal
    det være en linje»."""
    for n, side in enumerate(ps.lest(name), start=1):
        dashed = sorted(s["top"] for s in side["streker"] if s["dash"][0])
        header = ps.rad(name, n, "Standpunkt-")[0]
        assert dashed[0] < header["top"] and dashed[1] > header["bottom"]
        assert len(dashed) >= 3  # the line after the last fag of the page


@pytest.mark.parametrize("name", LANG)
def test_avslutning_og_merknader_bare_pa_side_2(name):
    """001 §2.9 «Under denne linjen fører dere avslutningen … Vitnemålsmerknader fører dere
    bare på side 2»."""
    d = ps.dokument(name)
    lt = ps.labels(name)
    s1, s2 = ps.linjer(name, 1), ps.linjer(name, 2)
    assert not any(s.startswith((lt["sum_omfang"], lt["fravaer"])) for s in s1)
    assert any(s.startswith(lt["sum_omfang"]) for s in s2)
    t1, t2 = ps.normaliser(" ".join(s1)), ps.normaliser(" ".join(s2))
    for m in d.merknader:
        assert ps.normaliser(m) not in t1
        assert ps.normaliser(m) in t2


@pytest.mark.parametrize("name", LANG)
def test_alle_fag_en_gang_over_sidene(name):
    """001 §2.9 «Deretter fortsetter fagene»: nothing lost or repeated at the break."""
    d = ps.dokument(name)
    lest = [k for g in ps.rader_per_gruppe(name) for k in g]
    assert lest == [r.fagkode for g in d.grupper for r in g.rader]


@pytest.mark.parametrize("name", LANG)
def test_underskrift_samme_sted_pa_begge_sider(name):
    """001 §2.8 «Sted, dato, skole og to underskrifter skal alltid komme samme sted på
    blanketten»; 001 §2.9 «På side 1 … underskrives på vanlig måte», «På side 2 skal det også
    stå sted, dato, underskrifter»."""
    assert ps.underskriftsblokk(name, 1) == ps.underskriftsblokk(name, 2)


def test_underskrift_samme_sted_i_alle_dokumenter():
    """001 §2.8 «skal alltid komme samme sted på blanketten»: whatever the content above."""
    ref = ps.underskriftsblokk("vitnemal-nb", 1)
    for name in ("kompetansebevis-nb", "lang-nb", "vitnemal-en", "duplikat-nb"):
        assert ps.underskriftsblokk(name, 1) == ref, name


# --- 001 §2.11 Duplikat and drafts ----------------------------------------------------------

def _duplikat_ord(name: str, side: int = 1) -> list[dict]:
    tekst = ps.labels(name)["duplikat"]
    return [w for w in ps.lest(name)[side - 1]["ord"] if w["text"] == tekst]


def test_duplikat_stemplet():
    """001 §2.11 «Duplikat skal stemples med duplikat»: the word, bold, in a frame, top
    right."""
    side = ps.lest("duplikat-nb")[0]
    (w,) = _duplikat_ord("duplikat-nb")
    assert w["fontname"].endswith("-Bold")
    assert w["x0"] > side["bredde"] / 2 and w["bottom"] < side["hoyde"] / 8
    assert any(r["x0"] <= w["x0"] and r["x1"] >= w["x1"] and r["top"] <= w["top"]
               and r["bottom"] >= w["bottom"] for r in side["rammer"])


def test_original_uten_duplikatstempel():
    for name in ("vitnemal-nb", "lang-nb", "kompetansebevis-nb"):
        for n in range(1, len(ps.lest(name)) + 1):
            assert _duplikat_ord(name, n) == []
        assert ps.lest(name)[0]["rammer"] == ()


def test_duplikat_ellers_identisk():
    """001 §2.11 «… påføre en ny dato og underskrift. For øvrig skal et duplikat være
    identisk med originalvitnemålet»: same text but the stamp and the date."""
    orig = ps.dokument("vitnemal-nb")
    dup = ps.dokument("duplikat-nb")
    lines = [s.replace(" DUPLIKAT", "").replace(dup.dato, orig.dato)
             for s in ps.linjer("duplikat-nb")]
    assert lines == ps.linjer("vitnemal-nb")
    assert f"{dup.sted}, 02.03.2027" in ps.linjer("duplikat-nb")


@pytest.mark.parametrize("name", ["lang-nb-duplikat", "duplikat-en"])
def test_duplikat_pa_hver_side_og_pa_engelsk(name):
    """001 §2.11: the stamp on every page of a two-page duplicate; «DUPLICATE» in English."""
    for n in range(1, len(ps.lest(name)) + 1):
        assert len(_duplikat_ord(name, n)) == 1, n
    assert ps.labels("duplikat-en")["duplikat"] == "DUPLICATE"


def _vannmerke(name: str, side: int = 1) -> list[dict]:
    return [c for c in ps.lest(name)[side - 1]["tegn"] if c["size"] >= ps.WATERMARK_PT]


@pytest.mark.parametrize("name", ["utkast-nb", "lang-nb-utkast"])
def test_utkast_vannmerke_under_teksten(name):
    """A draft (not issued, outside the guideline) is marked «UTKAST» across every page, in
    light grey, drawn first so that it lies under the føring; otherwise the same text."""
    for n in range(1, len(ps.lest(name)) + 1):
        chars = _vannmerke(name, n)
        assert "".join(c["text"] for c in chars) == "UTKAST"
        assert list(ps.lest(name)[n - 1]["tegn"][:len(chars)]) == chars
        assert all(c["non_stroking_color"] not in (0, (0,), (0, 0, 0)) for c in chars)
    original = name.removesuffix("-utkast").replace("utkast-nb", "vitnemal-nb")
    assert ps.alle_linjer(name) == ps.alle_linjer(original)


@pytest.mark.parametrize("name", [n for n in ps.ALLE if n != "utkast-nb"])
def test_ikke_utkast_uten_vannmerke(name):
    for n in range(1, len(ps.lest(name)) + 1):
        assert _vannmerke(name, n) == []
    assert not any("UTKAST" in s or "DRAFT" in s for s in ps.alle_linjer(name))


# --- 001 §2.10 Vedlegg --------------------------------------------------------------------

def test_vedlegg_egne_sider():
    """001 §2.10: the attachment follows the document on pages of its own."""
    d = ps.dokument("vedlegg-nb")
    pages = ps.lest("vedlegg-nb")
    assert len(pages) == 3
    assert ps.linjer("vedlegg-nb", 1)[:4] == ps.linjer("vitnemal-nb")[:2] + [
        f"Navn: {d.navn}", f"Fødselsnummer: {d.fodselsnummer}"]
    assert "Vitnemålet har vedlegg." in ps.linjer("vedlegg-nb", 1)


@pytest.mark.parametrize("side", [2, 3])
def test_vedlegg_merket_som_dokumentet(side):
    """001 §2.10 «Vedlegg skal merkes med samme identifikasjonsopplysninger som vitnemålet
    …: Navn, fødselsnummer og vitnemål-/kompetansebevisnummer. … de samme underskrifter som
    på vitnemålet»."""
    d = ps.dokument("vedlegg-nb")
    lines = ps.linjer("vedlegg-nb", side)
    assert lines[2:5] == [f"Navn: {d.navn}", f"Fødselsnummer: {d.fodselsnummer}", "Vedlegg"]
    words = [w["text"] for w in ps.lest("vedlegg-nb")[side - 1]["ord"]]
    assert d.dokumentnummer in words
    assert ps.underskriftsblokk("vedlegg-nb", side) == ps.underskriftsblokk("vedlegg-nb", 1)


def test_vedlegg_tekst_hel_og_i_rekkefolge():
    """001 §2.10: every paragraph of the attachment, in order, nothing lost at the break."""
    d = ps.dokument("vedlegg-nb")
    body = []
    for side in (2, 3):
        lines = ps.linjer("vedlegg-nb", side)
        end = lines.index(f"{d.sted}, {d.dato}")
        body.extend(lines[5:end])
    assert ps.normaliser(" ".join(body)) == ps.normaliser(" ".join(d.vedlegg))
