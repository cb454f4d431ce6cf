"""What a reader of the PDF sees, in reading order (pdfplumber): 001 §2.2–2.8 on one page,
and the labels of each målform (seed 002). Two pages, attachments, duplicates and drafts:
test_tekst_sider."""

from __future__ import annotations

import re
from dataclasses import fields, replace

import pytest

from vitnemal.dokument.model import Dokument, Dokumenttype, ProgramLinje
from vitnemal.pdf import tabell
from vitnemal.pdf.render import render

from . import pdf_support as ps
from .fixtures import vitnemal


def _index(lines: list[str], tekst: str) -> int:
    for i, s in enumerate(lines):
        if s.startswith(tekst):
            return i
    raise AssertionError(f"no line starting {tekst!r} in {lines}")


# --- 001 §2.2 Identitetsopplysninger ----------------------------------------------------------

@pytest.mark.parametrize("name,navn,fnr", [
    ("vitnemal-nb", "Navn:", "Fødselsnummer:"),
    ("vitnemal-nn", "Namn:", "Fødselsnummer:"),
    ("vitnemal-en", "Name:", "National identity number:"),
    ("kompetansebevis-nb", "Navn:", "Fødselsnummer:"),
])
def test_identitet_overst(name, navn, fnr):
    """001 §2.2 «Øverst på dokumentasjonen fører dere identitetsopplysningene med ledetekst»:
    only the blankett's printed title stands above them."""
    d = ps.dokument(name)
    lines = ps.linjer(name)
    assert lines[:4] == [d.tittel, ps.labels(name)["undertittel"],
                         f"{navn} {d.navn}", f"{fnr} {d.fodselsnummer}"]


@pytest.mark.parametrize("name", ps.ALLE)
def test_fodselsnummer_elleve_sifre(name):
    """001 §2.2 «Fødselsnummer: <11-sifret fødselsnummer>», written as one word."""
    d = ps.dokument(name)
    line = ps.linjer(name)[3]
    assert line.split()[-1] == d.fodselsnummer
    assert re.fullmatch(r"\d{11}", d.fodselsnummer)


def _plass(words) -> list[tuple]:
    return [(w["text"], round(w["x0"], 2), round(w["top"], 2)) for w in words]


@pytest.mark.skipif("fortrykt" not in {f.name for f in fields(Dokument)},
                    reason="Dokument has no pre-printed blankett option")
def test_fortrykt_blankett_uten_egen_tittel():
    """001 §2.1 «Blanketten er fastsatt av Utdanningsdirektoratet»: printed on the
    pre-printed blankett, the title is left out and every føring stays exactly in place."""
    data = render(replace(vitnemal("nb"), fortrykt=True), invariant=True)
    side = ps.les(data)[0]
    assert side["linjer"] == tuple(ps.linjer("vitnemal-nb")[2:])
    tittel = len(ps.linjer("vitnemal-nb")[0].split() + ps.linjer("vitnemal-nb")[1].split())
    assert _plass(side["ord"]) == _plass(ps.lest("vitnemal-nb")[0]["ord"][tittel:])


# --- 001 §2.3 Gjennomføring og programområder --------------------------------------------------

@pytest.mark.parametrize("name,tekst", [
    ("vitnemal-nb", "har i 2026 bestått i utdanningsprogram for"),
    ("vitnemal-nn", "har i 2026 bestått i utdanningsprogram for"),
    ("vitnemal-en", "has in 2026 passed in the education programme for"),
    ("kompetansebevis-nb", "har gjennomført opplæring som omfatter"),
])
def test_innledning(name, tekst):
    """001 §2.3 «På vitnemål fører dere teksten: ‹har i <åååå> bestått› ‹i utdanningsprogram
    for›»; «På kompetansebevis … ‹har gjennomført opplæring som omfatter›». Directly under
    the identity lines."""
    assert ps.linjer(name)[4] == tekst


@pytest.mark.parametrize("name", ps.ALLE)
def test_programomrader_i_rekkefolge(name):
    """001 §2.3 «Rekkefølgen skal være: vg1, vg2, vg3 og vg4»; each on its own line right
    under the innledning."""
    d = ps.dokument(name)
    koder = [p.kode for p in d.programomrader]
    lines = ps.linjer(name)
    assert lines[5].startswith(koder[0])
    printed = [k for s in lines for k in koder if s.startswith(k)]
    assert printed == koder
    nivaer = [p.niva for p in d.programomrader]
    assert nivaer == sorted(nivaer)


def test_programomrader_tekst():
    """001 §2.3 «kode for programområdet, navn på programområdet, navn på
    utdanningsprogrammet», one line each."""
    assert ps.linjer("vitnemal-nb")[5:8] == [
        "STSSA1---- Studiespesialisering Studiespesialisering",
        "STREA2---- Realfag Studiespesialisering",
        "STREA3---- Realfag Studiespesialisering",
    ]


@pytest.mark.parametrize("name", ["vitnemal-nb", "vitnemal-en", "kompetansebevis-nb"])
def test_programomrader_rett_under_hverandre(name):
    """001 §2.3 «slik at hver av opplysningene kommer rett under hverandre»: code, name and
    utdanningsprogram start at the same x on every line."""
    d = ps.dokument(name)
    starts = set()
    for p in d.programomrader:
        words = ps.rad(name, 1, p.kode)
        n_navn = len(p.navn.split())
        starts.add((round(words[0]["x0"], 1), round(words[1]["x0"], 1),
                    round(words[1 + n_navn]["x0"], 1)))
    assert len(starts) == 1, starts


@pytest.mark.parametrize("kode", [
    "STSSA1----", "HSHEA2----",
    "RMRMF1----",  # 0.7 mm gap once: copied as one word
    "PBPBY4VO--",  # kodeverk: 6-pack for voksne
    "GSGSK0VG--",  # 001 §2.3: fag from ungdomstrinnet
])
def test_programkode_skilt_fra_navn(kode):
    """001 §2.3 «kode for programområdet, navn på programområdet …» as separate pieces
    «rett under hverandre»: the code is a word of its own, never run into the name."""
    navn = "Studiespesialisering"
    dok = vitnemal("nb", programomrader=(ProgramLinje("vg1", kode, navn, navn),))
    assert ps.les(render(dok, invariant=True))[0]["linjer"][5] == f"{kode} {navn} {navn}"


@pytest.mark.parametrize("name", ps.ALLE)
def test_programkode_eget_ord(name):
    """001 §2.3: in every document, each programme line's first word is its code."""
    for p in ps.dokument(name).programomrader:
        assert ps.rad(name, 1, p.kode)[0]["text"] == p.kode


def test_sluttkompetanse_rett_under_programomradene():
    """001 §2.3 «På vitnemålet rett under oversikt over programområde/utdanningsprogram fører
    dere opplysninger om sluttkompetanse»."""
    lines = ps.linjer("vitnemal-nb")
    assert lines[8] == "og har oppnådd generell studiekompetanse"
    assert ps.linjer("vitnemal-en")[8] == (
        "and has achieved general university admissions certification")


def test_kompetansebevis_uten_sluttkompetanse():
    """001 §2.3 «Bare for vitnemål: Oppnådd sluttkompetanse»."""
    assert not any(s.startswith("og har") for s in ps.alle_linjer("kompetansebevis-nb"))


def test_kompetansebevis_fullfort_bestatt_til_hoyre():
    """001 §2.3 «På kompetansebevis fører dere om årstrinnet er ‹fullført› eller ‹bestått›
    til høyre på linjen for det aktuelle årstrinnet»."""
    lines = ps.linjer("kompetansebevis-nb")
    assert lines[5] == "HSHSF1---- Helse- og oppvekstfag Helse- og oppvekstfag bestått"
    assert lines[6] == "HSHEA2---- Helsefagarbeider Helse- og oppvekstfag fullført"
    right = set()
    for kode in ("HSHSF1----", "HSHEA2----"):
        words = ps.rad("kompetansebevis-nb", 1, kode)
        assert words[-1]["x1"] == max(w["x1"] for w in words)
        right.add(round(words[-1]["x1"], 1))
    assert len(right) == 1  # right-aligned, same edge on both lines


@pytest.mark.parametrize("name", ps.SAMPLES)
def test_pastand_bare_der_trinnet_er_fullfort_eller_bestatt(name):
    """001 §2.3 «Dersom årstrinnet verken er fullført eller bestått, skal dere ikke føre
    noe»; a vitnemål carries none."""
    d = ps.dokument(name)
    for p in d.programomrader:
        line = " ".join(w["text"] for w in ps.rad(name, 1, p.kode))
        ends = line.endswith((" fullført", " bestått"))
        assert ends == bool(p.pastand), line
        if d.type is Dokumenttype.VITNEMAL:
            assert not p.pastand


# --- 001 §2.4–2.6 Ledetekst, fagtyper and fag --------------------------------------------------

def test_ledetekst_over_forste_fag():
    """001 §2.4 «Over det første faget … en overskrift … med ledetekst om omfang, kode, fag,
    standpunktkarakter, eksamenskarakter, eksamensform, år og merknader»; the three longest
    may be split on two lines, «Eks. form» is allowed."""
    lines = ps.linjer("vitnemal-nb")
    i = lines.index("Fellesfag")
    assert lines[i - 2:i] == ["Standpunkt- Eksamens- Eks.",
                              "Omfang Kode Fag karakter karakter form År Merknader"]


@pytest.mark.parametrize("name", ps.ALLE)
def test_fagtyper_i_rekkefolge(name):
    """001 §2.5 «fører dere fagtype i følgende rekkefølge FF FP VP UP PF YF IO»: the headings
    appear in that order, each once."""
    d = ps.dokument(name)
    overskrifter = [g.overskrift for g in d.grupper]
    lines = ps.alle_linjer(name)
    assert [s for s in lines if s in overskrifter] == overskrifter
    typer = [g.fagtype for g in d.grupper]
    assert typer == sorted(typer, key=ps.FAGTYPE_REKKEFOLGE.index)


@pytest.mark.parametrize("name", ps.ALLE)
def test_fag_etter_fagkode_i_gruppen(name):
    """001 §2.5 «Fagene fører dere etter hvilken fagtype de tilhører og ordnet etter
    alfanumerisk fagkode»: every row once, under its heading, in fagkode order."""
    d = ps.dokument(name)
    lest = ps.rader_per_gruppe(name)
    assert lest == [[r.fagkode for r in g.rader] for g in d.grupper]
    for koder in lest:
        assert koder == sorted(koder)


@pytest.mark.parametrize("name", ps.ALLE)
def test_fagrad_celler(name):
    """001 §2.6: every one-line row reads omfang, kode, fag, standpunkt, eksamen,
    eksamensform, år and merknad, in that order."""
    d = ps.dokument(name)
    for g in d.grupper:
        for r in g.rader:
            if tabell.rad(r).linjer > 1:
                continue
            cells = [r.omfang, r.fagkode, r.fagnavn, r.standpunkt, r.eksamen, r.eksamensform,
                     r.ar, r.merknad]
            assert ps.fag_linje(name, r.fagkode) == " ".join(c for c in cells if c)


@pytest.mark.parametrize("name,linje", [
    ("vitnemal-nb", "140 ENG1007 Engelsk 5 fem 5 fem M V24"),
    ("vitnemal-nb", "-- ENG1008 Engelsk, skriftlig eksamen - - - - 4 fire S V24"),
    ("vitnemal-nb", "84 SAF1001 Samfunnskunnskap 6 seks - - - - - - - - V24"),
    ("vitnemal-nb", "140 REA3058 Matematikk R2 4 fire 3 tre S V26"),
    ("vitnemal-nn", "140 ENG1007 Engelsk 5 fem 5 fem M V24"),
    ("vitnemal-en", "140 ENG1007 Engelsk 5 five 5 five M V24"),
    ("vitnemal-en", "84 SAF1001 Samfunnskunnskap 6 six - - - - - - - - V24"),
    ("kompetansebevis-nb",
     "-- HEA2001 Helsefremmende arbeid 2 to - - - - - - - - V26 Kar. gitt som halvårsvurd."),
    ("kompetansebevis-en", "84 MAT1019 Matematikk 1P-Y 2 two - - - - - - - - V25"),
])
def test_karakter_med_tall_og_bokstaver(name, linje):
    """001 §2.6 «Vurderingen … med tall og med bokstaver»; «to tankestreker» where there is
    no omfang; «en stiplet linje i ubrukte rubrikker»."""
    assert linje in ps.alle_linjer(name)


def test_karakterord_nynorsk():
    """001 §2.6 grade words in the målform (nynorsk «ein», not «en»)."""
    assert ps.fag_linje("kompetansebevis-nn", "HEA2002").startswith(
        "-- HEA2002 Kommunikasjon og 1 ein - - - -")
    assert ps.fag_linje("kompetansebevis-nb", "HEA2002").startswith(
        "-- HEA2002 Kommunikasjon og 1 en - - - -")


# --- 001 §2.7–2.8 Avslutning ---------------------------------------------------------------

def test_avslutning_under_siste_fag():
    """001 §2.6 «Etter siste fag … fører dere en linje»; 001 §2.7 «Under den stiplede linjen
    fører dere: Total sum omfang, Orden og adferd, Fravær spesifisert for hvert år»; 001 §2.8
    «Til venstre … under fravær … vitnemålsmerknader»."""
    lines = ps.linjer("vitnemal-nb")
    i = lines.index("140 SAM3072 Sosiologi og sosialantropologi 5 fem - - - - - - - - V26")
    assert lines[i + 1:i + 6] == [
        "Sum omfang 3083 Orden God Adferd God",
        "Fravær 1. år 2. år 3. år",
        "dager 2 0 4",
        "timer 5 0 11",
        "Førstegangsvitnemål",
    ]
    venstre = ps.rad("vitnemal-nb", 1, "Sum omfang")[0]["x0"]
    assert ps.rad("vitnemal-nb", 1, "Førstegangsvitnemål")[0]["x0"] == venstre


def test_stiplet_linje_mellom_siste_fag_og_sum():
    """001 §2.6/§2.7: a dashed line between the last fag and «Sum omfang»."""
    side = ps.lest("vitnemal-nb")[0]
    siste = ps.rad("vitnemal-nb", 1, "140 SAM3072")[0]
    sum_ = ps.rad("vitnemal-nb", 1, "Sum omfang")[0]
    assert any(s["dash"][0] and siste["bottom"] < s["top"] < sum_["top"] for s in side["streker"])


@pytest.mark.parametrize("name", ps.ALLE)
def test_sum_omfang_og_fravaer(name):
    """001 §2.7: «Total sum omfang» always; fravær only where it is to be printed (none for
    lærlinger, voksne …), then with one column per year; «0 … ikke stiplet linje»."""
    d = ps.dokument(name)
    lt = ps.labels(name)
    lines = ps.alle_linjer(name)
    sum_line = lines[_index(lines, lt["sum_omfang"])]
    assert sum_line.startswith(f"{lt['sum_omfang']} {d.sum_omfang}")
    for label, value in ((lt["orden"], d.orden), (lt["adferd"], d.adferd)):
        assert (f"{label} {value}" in sum_line) == bool(value)
    fravaer = [s for s in lines if s.startswith(lt["fravaer"] + " ")]
    if not d.fravaer:
        assert fravaer == []
        return
    assert fravaer == [" ".join([lt["fravaer"], *(f.etikett for f in d.fravaer)])]
    i = lines.index(fravaer[0])
    assert lines[i + 1] == " ".join([lt["dager"], *(f.dager for f in d.fravaer)])
    assert lines[i + 2] == " ".join([lt["timer"], *(f.timer for f in d.fravaer)])


@pytest.mark.parametrize("name", ps.ALLE)
def test_sted_dato_skole_underskrivere(name):
    """001 §2.8 «Nede i høyre hjørne … sted, dato, skole eller fylkeskommune og underskrift
    av to personer. Dato føres på formatet <dd.mm.åååå>»."""
    d = ps.dokument(name)
    lines = ps.linjer(name)
    i = lines.index(f"{d.sted}, {d.dato}")
    assert re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", d.dato)
    assert lines[i + 1:i + 4] == [d.skole, *d.underskrivere]
    side = ps.lest(name)[0]
    for tekst in (f"{d.sted}, {d.dato}", d.skole, *d.underskrivere):
        w = ps.ord_for(name, 1, tekst)[0]
        assert w["x0"] > side["bredde"] / 2 and w["top"] > side["hoyde"] * 0.75, tekst


@pytest.mark.parametrize("name", ps.ALLE)
def test_dokumentnummer_uten_mellomrom_nederst_til_venstre(name):
    """001 §2.8 «… nummer, som plasseres nederst til venstre»; «skrives sammenhengende uten
    mellomrom»; V for vitnemål, K for kompetansebevis; on every page (001 §2.9, §2.10)."""
    d = ps.dokument(name)
    assert ps.DOKUMENTNUMMER.match(d.dokumentnummer)
    assert d.dokumentnummer[0] == d.type.value
    for side in ps.lest(name):
        hits = [w for w in side["ord"] if w["text"] == d.dokumentnummer]
        assert len(hits) == 1
        w = hits[0]
        assert not any(o["top"] > w["bottom"] for o in side["ord"])  # nothing below it
        assert w["x0"] == min(o["x0"] for o in side["ord"])


def test_en_side_uten_sidetall():
    """001 §2.9: «Side 1 av 2» only where the document runs over two pages."""
    assert not any(s.startswith("Side ") for s in ps.alle_linjer("vitnemal-nb"))


# --- Målform -------------------------------------------------------------------------------

@pytest.mark.parametrize("name,expected", [
    ("vitnemal-nn", ["Namn: Åse Ødegård Bråthen", "Sum omfang 3083 Orden God Åtferd God",
                     "Fråvær 1. år 2. år 3. år", "dagar 2 0 4", "timar 5 0 11",
                     "Førstegongsvitnemål", "Valfrie programfag"]),
    ("vitnemal-en", ["Name: Åse Ødegård Bråthen",
                     "Total hours 3083 Conduct (order) Good Conduct (behaviour) Good",
                     "Absence Year 1 Year 2 Year 3", "days 2 0 4", "hours 5 0 11",
                     "First-time diploma", "Common core subjects", "UPPER SECONDARY SCHOOL DIPLOMA"]),
    ("kompetansebevis-en", ["has completed education and training comprising",
                            "CERTIFICATE OF COMPETENCE", "Vocational specialisation"]),
])
def test_malform_ledetekster(name, expected):
    """001 §2.1 blankett «på bokmål, nynorsk, samiske språk og engelsk»: labels and fixed
    texts in the document's målform (dokument.tekster)."""
    lines = ps.alle_linjer(name)
    for s in expected:
        assert s in lines


def test_engelsk_ledetekst():
    lines = ps.linjer("vitnemal-en")
    i = lines.index("Common core subjects")
    assert lines[i - 1].split()[:3] == ["Hours", "Code", "Subject"]
    assert lines[i - 1].split()[-2:] == ["Year", "Remarks"]
