"""The bundled kodeverk against seed 001 §1.9, §2.5, §3, §5, §6.1, §11.3 and seed 004."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from vitnemal.kodeverk import load
from vitnemal.kodeverk.loader import TABLES
from vitnemal.model.enums import Eksamensform, Fagtype, Karakter, OrdenAdferd, Status

SEED_001 = Path("/work/shared/seeds/001_7fd2b374918d990d.txt")

KV = load()


def _seed_section(start: str, end: str) -> str:
    text = SEED_001.read_text(encoding="utf-8")
    return text[text.index(start) : text.index(end)]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_entry_has_ref_and_nb_text(table):
    entries = getattr(KV, table)
    entries = entries.values() if isinstance(entries, dict) else entries
    entries = list(entries)
    assert entries, f"{table} is empty"
    for e in entries:
        assert re.match(r"^00[0-4] ", e.ref), (table, e.kode, e.ref)
        assert e.tekster["nb"].strip(), (table, e.kode)
        assert set(e.tekster) <= {"nb", "nn", "en"}


def test_load_is_cached_for_default_path():
    assert load() is load()


# -- fagmerknader (§3.1, §3.5) -------------------------------------------------------------


@pytest.mark.skipif(not SEED_001.exists(), reason="seed not available")
def test_fam_counts_match_seed():
    s31 = _seed_section("3.1 Fagmerknader", "3.2 Vitnemålsmerknader som bare")
    s35 = _seed_section("3.5 Utgåtte fagmerknader", "4 Programområde og fag")
    current = set(re.findall(r"^(FAM\d\d)", s31, re.M))
    expired = set(re.findall(r"^(FAM\d\d)", s35, re.M))
    assert len(current) == 45 and len(expired) == 5
    assert {k for k, m in KV.fagmerknader.items() if not m.utgatt} == current
    assert {k for k, m in KV.fagmerknader.items() if m.utgatt} == expired


@pytest.mark.skipif(not SEED_001.exists(), reason="seed not available")
def test_vmm_counts_match_seed():
    def codes(start, end):
        return set(re.findall(r"^\s*(VMM\d\d)", _seed_section(start, end), re.M))

    forste = codes("3.2 Vitnemålsmerknader som bare", "3.3 Andre vitnemålsmerknader")
    generell = codes("3.3 Andre vitnemålsmerknader", "3.4 Vitnemålsmerknader som bare")
    kb = codes("3.4 Vitnemålsmerknader som bare", "3.6 Utgåtte vitnemålsmerknader")
    expired = codes("3.6 Utgåtte vitnemålsmerknader", "3.5 Utgåtte fagmerknader")
    assert (len(forste), len(generell), len(kb), len(expired)) == (9, 15, 7, 1)

    def group(g):
        return {k for k, m in KV.vitnemalsmerknader.items() if m.gruppe == g}

    assert group("forstegang") == forste
    assert group("generell") == generell | {"VMM42"}  # VMM42 from §6.8
    assert group("kompetansebevis") == kb
    assert {k for k, m in KV.vitnemalsmerknader.items() if m.utgatt} == expired


@pytest.mark.parametrize(
    ("kode", "vitnemal", "kompetansebevis"),
    [
        ("FAM01", True, True),
        ("FAM37", True, False),
        ("FAM40", True, False),
        ("FAM55", True, False),
        ("FAM57", True, False),
        ("FAM05", False, True),
        ("FAM21", False, True),
        ("FAM29", False, True),
        ("FAM31", False, True),
        ("FAM33", False, True),
        ("FAM39", False, True),
        ("FAM41", False, True),
        ("FAM49", False, True),
        ("FAM50", False, True),
        ("FAM51", False, True),
        ("FAM53", False, True),
        ("FAM54", False, True),
        ("FAM56", False, True),
        ("FAM58", False, True),
        ("FAM59", False, True),
    ],
)
def test_fam_document_flags(kode, vitnemal, kompetansebevis):
    m = KV.fagmerknader[kode]
    assert (m.vitnemal, m.kompetansebevis) == (vitnemal, kompetansebevis)


def test_fam16_fyll_inn_all_maalformer():
    m = KV.fagmerknader["FAM16"]
    assert m.parametre == ("åååå",)
    assert m.fyll_inn(["1992"]) == "Bestått fag 1992"
    assert m.fyll_inn(["1992"], "nn") == "Bestått fag 1992"
    assert m.fyll_inn(["1992"], "en") == "Subject passed 1992"


def test_fam_with_parameters():
    assert KV.fagmerknader["FAM13"].fyll_inn(["AAA1001"]) == "Fag R94 AAA1001"
    assert KV.fagmerknader["FAM42"].fyll_inn(["ELELE1----"]) == "Gjelder ELELE1----"
    assert KV.fagmerknader["FAM46"].parametre == ("fagkode",)


@pytest.mark.parametrize("kode", ["FAM15", "FAM24", "FAM25", "FAM47"])
def test_expired_fam_replaced_by_fam52(kode):
    m = KV.fagmerknader[kode]
    assert m.utgatt == date(2016, 12, 31)
    assert m.erstattet_av == "FAM52"
    assert not m.gyldig(date(2017, 1, 1))
    assert m.gyldig(date(2016, 12, 31))


def test_expired_fam22_has_comment_and_no_replacement():
    m = KV.fagmerknader["FAM22"]
    assert m.utgatt == date(2008, 12, 31) and m.erstattet_av is None
    assert "FAM03" in m.kommentar


def test_fam_bruk_is_the_guideline_text():
    assert KV.fagmerknader["FAM01"].bruk == "Brukes for de som er fritatt fra opplæring i et fag."
    assert KV.fagmerknader["FAM52"].bruk.endswith("i utlandet og i Norge.")


# -- vitnemålsmerknader (§3.2–3.4, §3.6, §6.8) ----------------------------------------------


def test_vmm33_not_on_vitnemal():
    m = KV.vitnemalsmerknader["VMM33"]
    assert not m.vitnemal and m.kompetansebevis and m.parametre == ("dd.mm.åååå",)


def test_forstegang_only_vitnemal():
    for kode in ("VMM06", "VMM07", "VMM08", "VMM09", "VMM10", "VMM20", "VMM21", "VMM22", "VMM24"):
        m = KV.vitnemalsmerknader[kode]
        assert m.vitnemal and not m.kompetansebevis, kode


def test_vmm32_conditional_on_kompetansebevis_and_vmm36_vitnemal_only():
    m = KV.vitnemalsmerknader["VMM32"]
    assert m.vitnemal and m.kompetansebevis and m.kompetansebevis_betinget
    assert "§4.2" in m.kommentar
    v36 = KV.vitnemalsmerknader["VMM36"]
    assert v36.vitnemal and not v36.kompetansebevis


def test_vmm_placeholders():
    assert KV.vitnemalsmerknader["VMM31"].fyll_inn(["17.08.2012"]) == "Bestått fagopplæring 17.08.2012"
    assert KV.vitnemalsmerknader["VMM29"].parametre == ("åååå", "antall", "antall", "navn faget")
    v17 = KV.vitnemalsmerknader["VMM17"]
    assert v17.fyll_inn(["Vedtak 2013/0999"]) == "Vedtak 2013/0999"
    assert KV.vitnemalsmerknader["VMM42"].tekst() == (
        "Dispensasjonsvedtak fra Utdanningsdirektoratet – eksamen 22.05.2023"
    )


def test_vmm12_expired():
    m = KV.vitnemalsmerknader["VMM12"]
    assert m.utgatt == date(2010, 12, 31) and not m.gyldig(date(2011, 1, 1))


def test_merknad_lookup_both_tables():
    assert KV.merknad("FAM01").kode == "FAM01"
    assert KV.merknad("VMM06").kode == "VMM06"
    assert KV.merknad("VMM99") is None


# -- vurderingsuttrykk, eksamensformer, fagtyper, orden/adferd --------------------------------


def test_grades_with_words_and_pass():
    words = {1: "en", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}
    for n, word in words.items():
        v = KV.vurderingsuttrykk[str(n)]
        assert (v.tall, v.tekst(), v.bestatt) == (n, word, n >= 2)


def test_every_karakter_enum_value_is_in_kodeverk():
    assert {k.value for k in Karakter} == set(KV.vurderingsuttrykk)


@pytest.mark.parametrize(
    ("kode", "standpunkt", "eksamen"),
    [("D", True, False), ("IM", False, True), ("IV", True, True), ("BM", False, True),
     ("F", True, True), ("GK", True, True), ("VO", True, False), ("4", True, True)],
)
def test_columns(kode, standpunkt, eksamen):
    v = KV.vurderingsuttrykk[kode]
    assert (v.standpunkt, v.eksamen) == (standpunkt, eksamen)


def test_printed_short_forms():
    assert KV.vurderingsuttrykk["IV"].tekst() == "IV"
    assert KV.vurderingsuttrykk["IV"].navn == "Ikke vurderingsgrunnlag"
    assert KV.vurderingsuttrykk["BM"].tekst() == "BM"
    assert KV.vurderingsuttrykk["F"].bestatt is True and KV.vurderingsuttrykk["IB"].bestatt is False


def test_enums_match_tables():
    assert set(KV.eksamensformer) == {e.value for e in Eksamensform}
    assert set(KV.orden_adferd) == {e.value for e in OrdenAdferd}
    assert [t.kode for t in sorted(KV.fagtyper.values(), key=lambda t: t.rekkefolge)] == [
        t.value for t in Fagtype
    ]
    assert KV.eksamensformer["MP"].tekst() == "Muntlig-praktisk eksamen"
    assert KV.orden_adferd["NG"].tekst() == "Nokså god"


# -- dokumentrett (§1.9) ---------------------------------------------------------------------


def test_dokumentrett_covers_every_status():
    assert set(KV.dokumentrett) == {s.value for s in Status}


@pytest.mark.parametrize(
    ("status", "vitnemal", "fagbrev", "praksisbrev"),
    [
        ("elev", "ja", False, False),
        ("privatist", "ja", False, False),
        ("laerling", "ja", True, False),
        ("laerekandidat", "nei", False, False),
        ("voksen", "ja", True, False),
        ("praksisbrevkandidat", "nei", False, True),
        ("praksiskandidat", "vilkar", True, False),
        ("fagbrev_pa_jobb", "vilkar", True, False),
    ],
)
def test_dokumentrett_rows(status, vitnemal, fagbrev, praksisbrev):
    d = KV.dokumentrett[status]
    assert (d.vitnemal, d.fagbrev, d.praksisbrev, d.kompetansebevis) == (
        vitnemal, fagbrev, praksisbrev, True,
    )


# -- utdanningsprogram, IOP, halvårsvurdering -------------------------------------------------


def test_utdanningsprogram():
    sf = {k for k, u in KV.utdanningsprogram.items() if u.studieforberedende}
    assert sf == {"ST", "ID", "MD", "KD", "MK", "PB"}
    assert {"BA", "EL", "FD", "HS", "DT", "IM", "NA", "RM", "SR", "TP"} <= set(KV.utdanningsprogram)
    assert KV.utdanningsprogram["PB"].skrives_ut is False
    assert KV.utdanningsprogram["ST"].tekst() == "Studiespesialisering"


def test_iop_fagkoder():
    assert sorted(KV.iop_fagkoder) == [f"IOP{n}000" for n in range(1, 6)]
    assert KV.iop_fagkoder["IOP3000"].tekst() == "Indiv. opplæringsplan 3. år"


def test_halvarsvurdering_vg1_vg2():
    def codes(niva, program):
        return {c for h in KV.halvarsvurdering if (h.niva, h.program) == (niva, program)
                for c in h.fagkoder}

    assert codes("vg1", "studieforberedende") == {
        "NOR1260", "NOR1261", "NOR1412", "NOR1413", "KRO1017", "FSP*"}
    assert codes("vg2", "studieforberedende") == {
        "NOR1264", "NOR1265", "NOR1414", "NOR1416", "KRO1018", "HIS1009", "FSP*"}
    assert codes("vg1", "idrettsfag") == {"IDR2025"}
    assert codes("vg2", "idrettsfag") == {"IDR2021"}
    assert codes("vg1", "yrkesfag") == {"KRO1017", "FSP*"}
    assert codes("vg2", "yrkesfag") == {"KRO1018"}


def test_halvarsvurdering_fsp_levels_and_validity():
    by_kode = {h.kode: h for h in KV.halvarsvurdering}
    assert by_kode["vg1-studieforberedende-fremmedsprak"].sprakniva == ("I", "II", "I+II")
    assert by_kode["vg2-studieforberedende-fremmedsprak"].sprakniva == ("I+II",)
    assert by_kode["vg1-yrkesfag-fremmedsprak-yf"].fagtype == "YF"
    h = by_kode["vg1-studieforberedende-fremmedsprak"]
    assert h.omfatter("FSP6218") and not h.omfatter("NOR1260")
    # 004 2025–2026: holds from 2025-08-01 until a later 004 changes it
    assert h.gyldig(date(2026, 1, 15)) and h.gyldig(date(2026, 8, 1))
    assert not h.gyldig(date(2025, 7, 31))


def test_halvarsfag_idrettsfag_includes_studieforberedende():
    koder = {h.kode for h in KV.halvarsfag("vg2", "idrettsfag")}
    assert "vg2-idrettsfag-idrett-og-samfunn" in koder
    assert "vg2-studieforberedende-historie" in koder
    assert not any(h.program == "yrkesfag" for h in KV.halvarsfag("vg2", "idrettsfag"))
