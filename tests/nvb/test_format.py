"""Field formats (docs/nvb-format.md «General»): reading and writing each format exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from vitnemal.findings import Alvorlighet
from vitnemal.nvb.format import Feltfeil, Format


def les(kode: str, s: str, siffer: bool = False):
    return Format.fra_kode(kode).leser(siffer=siffer)(s)


def skriv(kode: str, v, siffer: bool = False) -> str:
    return Format.fra_kode(kode).skriv(v, siffer=siffer)


@pytest.mark.parametrize("kode,tekst,verdi", [
    ("N", "263", 263), ("N", "0", 0), ("N4", "2013", 2013), ("N3", "007", 7),
    ("N05", "01234", 1234), ("N06", "241295", 241295), ("N9", "974544482", 974544482),
])
def test_tall_leses(kode, tekst, verdi):
    assert les(kode, tekst) == verdi


def test_siffer_beholdes_som_tekst():
    """An identifier (orgnr N9, county N2) keeps its leading zero."""
    assert les("N2", "03", siffer=True) == "03"
    assert skriv("N2", "03", siffer=True) == "03"


@pytest.mark.parametrize("kode,tekst,ord_", [
    ("N", "-1", "sifre"), ("N", "1.5", "sifre"), ("N", "١٢", "sifre"),  # Arabic-Indic digits
    ("N4", "20131", "høyst 4"), ("N05", "1234", "nøyaktig 5"), ("N05", "012345", "nøyaktig 5"),
])
def test_tall_med_feil(kode, tekst, ord_):
    with pytest.raises(Feltfeil, match=ord_) as e:
        les(kode, tekst)
    assert e.value.alvorlighet is Alvorlighet.FEIL


def test_n0x_skrives_med_ledende_nuller():
    """«N0x exactly x digits with leading zeros»: the writer pads."""
    assert skriv("N05", 33) == "00033"
    assert skriv("N06", 41295) == "041295"
    with pytest.raises(Feltfeil, match="høyst 5"):
        skriv("N05", 123456)


@pytest.mark.parametrize("verdi", [-1, True, "12", 1.0])
def test_tall_feil_type_eller_negativt(verdi):
    with pytest.raises(Feltfeil):
        skriv("N4", verdi)


def test_dato_klokke_tid():
    assert les("D8", "20140908") == date(2014, 9, 8)
    assert skriv("D8", date(2014, 9, 8)) == "20140908"
    assert skriv("D8", date(987, 1, 2)) == "09870102"
    assert les("K6", "235959") == time(23, 59, 59)
    assert skriv("K6", time(7, 5, 3)) == "070503"
    assert les("T14", "20140908120000") == datetime(2014, 9, 8, 12)
    assert skriv("T14", datetime(2014, 9, 8, 12, 0, 1)) == "20140908120001"


def test_tid_med_tidssone_blir_norsk_lokaltid():
    """«T14 = D8+K6 (Norwegian local time)»: 10:00 UTC in June is 12:00 in Norway."""
    utc = datetime(2026, 6, 20, 10, 0, tzinfo=UTC)
    assert skriv("T14", utc) == "20260620120000"
    assert skriv("T14", utc.astimezone(timezone(timedelta(hours=-5)))) == "20260620120000"


@pytest.mark.parametrize("kode,tekst", [
    ("D8", "20140931"), ("D8", "2014098"), ("D8", "08.09.2014"), ("K6", "246000"),
    ("T14", "2014090812000"), ("T14", "20140908126000"),
])
def test_dato_med_feil(kode, tekst):
    with pytest.raises(Feltfeil):
        les(kode, tekst)


def test_dato_skal_vaere_dato_ikke_datetime():
    with pytest.raises(Feltfeil, match="dato"):
        skriv("D8", datetime(2014, 9, 8))


def test_ax_for_lang_ved_lesing_er_varsel_og_kuttes():
    """«Ax text of at most x chars (longer gives a warning and is cut)»: as NVB reads it."""
    with pytest.raises(Feltfeil) as e:
        les("A3", "KLAG")
    assert e.value.alvorlighet is Alvorlighet.VARSEL
    assert e.value.verdi == "KLA"


def test_ax_for_lang_ved_skriving_er_feil_og_kuttes_ikke():
    """The writer never cuts silently: too long is an error the caller sees."""
    with pytest.raises(Feltfeil, match="ikke kuttet"):
        skriv("A10", "NOR1267ABCD")
    assert skriv("A10", "NOR1267ABC") == "NOR1267ABC"


def test_tekst_linjeskift_og_skilletegn():
    """«A field containing ¤ or a line break is wrapped in {}; the recommended way for line
    breaks is the two characters \\n»: we write line breaks as \\n and wrap ¤."""
    assert skriv("A", "linje 1\nlinje 2") == "linje 1\\nlinje 2"
    assert skriv("A", "a\r\nb\rc") == "a\\nb\\nc"
    assert skriv("A", "pris 5 ¤") == "{pris 5 ¤}"
    assert skriv("A", "{klammer}") == "{{klammer}}"
    assert skriv("A", "  trimmes\t") == "trimmes"
    assert les("A", "linje 1\\nlinje 2") == "linje 1\nlinje 2"


@pytest.mark.parametrize("tekst,ord_", [
    ("sti C:\\ny", "omvendt skråstrek"), ("a}¤b", "rett før «¤»"), ("a} \t¤b", "rett før «¤»"),
    ("nul\x00tegn", "kontrolltegn"), ("c1\x85", "kontrolltegn"),
])
def test_tekst_som_ikke_kan_skrives(tekst, ord_):
    with pytest.raises(Feltfeil, match=ord_):
        skriv("A", tekst)


def test_ukjent_formatkode():
    with pytest.raises(ValueError):
        Format.fra_kode("X4")
