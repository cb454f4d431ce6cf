"""A Norwegian school abroad uses its foreign number (001 §2.8, issue 12).

«Godkjente norske skoler i utlandet som ikke har norsk organisasjonsnummer, skal bruke
utenlandsk nummer selv om antall siffer da kan bli forskjellig.»
"""

from __future__ import annotations

import copy
import json
import string
from datetime import date

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vitnemal.cli import main
from vitnemal.ids import utenlandsk
from vitnemal.ids.exceptions import InvalidFormat, InvalidLength, ValidationError
from vitnemal.io.load import validate_data
from vitnemal.pdf.maal import HOYRE, MM, VENSTRE
from vitnemal.utskrift import Utstedelse, forbered

from ..conftest import EKSEMPLER

DATO = "2026-06-20"
VITNEMAL = json.loads((EKSEMPLER / "01-studiespesialisering-realfag.json").read_text("utf-8"))


# --- the number on its own ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "compact"),
    [
        ("B35123456", "B35123456"),  # a Spanish CIF, as an example of letters and digits
        ("b-3512 3456", "B35123456"),
        ("SC 123.456", "SC123456"),
        ("12-3456789", "123456789"),  # nine digits, but no Norwegian check digit needed
        ("123456789012345", "123456789012345"),  # longer than an orgnr
        ("42", "42"),  # shorter
        ("1" * 20, "1" * 20),
    ],
)
def test_foreign_numbers_accepted(value, compact):
    assert utenlandsk.validate(value) == compact
    assert utenlandsk.format(value) == compact


@pytest.mark.parametrize(
    ("value", "exc", "words"),
    [
        ("", InvalidLength, "tomt"),
        (" - ", InvalidLength, "tomt"),
        ("7", InvalidLength, "2 til 20"),
        ("1" * 21, InvalidLength, "2 til 20"),
        ("1" * 10_000, InvalidLength, "høyst 20"),
        ("ABCDEF", InvalidFormat, "minst ett siffer"),
        ("ØST123", InvalidFormat, "A–Z"),
        ("ß123", InvalidFormat, "A–Z"),  # would become SS123 if capitals came first
        ("١٢٣٤٥", InvalidFormat, "A–Z"),  # Arabic-Indic digits are digits, but not ASCII
        ("12\x0034", InvalidFormat, "A–Z"),
        ("12\u202e34", InvalidFormat, "A–Z"),
    ],
)
def test_foreign_numbers_rejected(value, exc, words):
    with pytest.raises(exc, match=words):
        utenlandsk.validate(value)
    assert not utenlandsk.is_valid(value)


def test_not_text_is_an_error():
    with pytest.raises(InvalidFormat, match="tekst"):
        utenlandsk.validate(123456)  # type: ignore[arg-type]


@given(st.text(alphabet=string.ascii_uppercase + string.digits, min_size=2, max_size=20))
def test_every_short_ascii_number_with_a_digit(value):
    assert utenlandsk.is_valid(value) == any(c.isdigit() for c in value)
    if utenlandsk.is_valid(value):
        assert utenlandsk.validate(utenlandsk.validate(value)) == value


@settings(max_examples=300)
@given(st.text(max_size=120))
def test_any_text_is_accepted_or_refused_with_a_short_reason(value):
    try:
        out = utenlandsk.validate(value)
    except ValidationError as exc:
        assert len(str(exc)) < 200  # the value is never echoed unbounded
        return
    assert 2 <= len(out) <= 20 and out.isascii() and out.isalnum()


# --- in the record, the checks and the document ---------------------------------------------


def utenlandsk_skole(orgnr: str = "B-3512 3456", **utsteder) -> dict:
    """Sample 01 (a vitnemål with no FEIL) issued by a Norwegian school abroad."""
    data = copy.deepcopy(VITNEMAL)
    data["utsteder"].update(skolenavn="Den norske skolen Gran Canaria", utenlandsk=True,
                            orgnr=orgnr, **utsteder)
    return data


def test_record_of_a_school_abroad_validates():
    # Before issue 12 this record was refused twice: «utenlandsk» was an unknown field and
    # the orgnr was not nine digits.
    m, problems = validate_data(utenlandsk_skole(), "skole.json")
    assert problems == []
    assert m.utsteder.utenlandsk and m.utsteder.orgnr == "B35123456"


def test_foreign_number_without_the_marking_is_refused():
    data = utenlandsk_skole()
    del data["utsteder"]["utenlandsk"]
    _, problems = validate_data(data, "skole.json")
    assert [(p.sti, p.melding.split(":")[0]) for p in problems] == [
        ("$.utsteder.orgnr", "ugyldig organisasjonsnummer")]


def test_bad_foreign_number_is_refused_naming_the_field():
    _, problems = validate_data(utenlandsk_skole("ABC"), "skole.json")
    assert [p.sti for p in problems] == ["$.utsteder.orgnr"]
    assert "ugyldig utenlandsk nummer" in problems[0].melding
    assert "minst ett siffer" in problems[0].melding


def test_norwegian_school_keeps_its_checked_orgnr():
    data = copy.deepcopy(VITNEMAL)
    data["utsteder"]["orgnr"] = "974544483"
    _, problems = validate_data(data, "skole.json")
    assert "kontrollsifferet" in problems[0].melding


def test_document_number_holds_the_foreign_number():
    """001 §2.8: «<V>, <…nummer>, <åååå> og <løpenummer fem siffer>», the number abroad's own."""
    m, _ = validate_data(utenlandsk_skole(), "skole.json")
    u = forbered(m, Utstedelse.fra_elevmappe(m, dato=date.fromisoformat(DATO)))
    regler = {f.regel for f in u.feil}
    assert not regler & {"ORGNR-GYLDIG", "DOKUMENTNUMMER-FORMAT"}, regler
    assert u.dokument is not None, regler
    assert u.dokument.dokumentnummer == "VB35123456202600123"


def _nummer_tegn(pdf_path, nummer):
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        chars = page.chars
        lines = {}
        for c in chars:
            lines.setdefault(round(c["top"], 1), []).append(c)
        for row in lines.values():
            row.sort(key=lambda c: c["x0"])
            text = "".join(c["text"] for c in row)
            if nummer in text:
                start = text.index(nummer)
                return page, row[start:start + len(nummer)], chars
    raise AssertionError(f"{nummer} is not printed")


@pytest.mark.parametrize("orgnr", ["B35123456", "W" * 19 + "8"])
def test_printed_document_number_fits(tmp_path, orgnr, capsys):
    """The longest foreign number (20 characters, the widest capital) still lies inside the
    written area and clear of any other text."""
    src = tmp_path / "skole.json"
    src.write_text(json.dumps(utenlandsk_skole(orgnr)), encoding="utf-8")
    out = tmp_path / "skole.pdf"
    assert main(["lag", str(src), "-o", str(out), "--dato", DATO]) == 0, capsys.readouterr()
    nummer = f"V{orgnr}202600123"
    page, glyphs, chars = _nummer_tegn(out, nummer)
    x0, x1 = min(c["x0"] for c in glyphs), max(c["x1"] for c in glyphs)
    top, bottom = min(c["top"] for c in glyphs), max(c["bottom"] for c in glyphs)
    assert x0 >= VENSTRE * MM - 0.5 and x1 <= HOYRE * MM and bottom < page.height
    ids = {id(c) for c in glyphs}
    overlapping = [c["text"] for c in chars if id(c) not in ids and c["x0"] < x1
                   and c["x1"] > x0 and c["top"] < bottom and c["bottom"] > top]
    assert overlapping == []
