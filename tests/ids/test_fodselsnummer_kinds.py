"""Every identifier kind of vitnemal.ids.fodselsnummer (Ref: 003 A01; Skatteetaten 2032 rule).

Only synthetic or fictive numbers are used. Check digits are computed here by an
independent brute-force oracle, not by the module under test.
"""

from datetime import date

import pytest

from vitnemal.errors import InputError
from vitnemal.ids import fodselsnummer as fnr
from vitnemal.ids.fodselsnummer import Nummertype as T

TODAY = date(2025, 8, 1)
W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def oracle(first9: str, remainder: int = 0) -> str:
    """Complete nine digits with the k1 k2 that give ``remainder`` for k1 (brute force)."""
    for k1 in range(10):
        for k2 in range(10):
            n = f"{first9}{k1}{k2}"
            d = [int(c) for c in n]
            s1 = sum(w * x for w, x in zip(W1, d[:10], strict=True)) % 11
            s2 = sum(w * x for w, x in zip(W2, d, strict=True)) % 11
            if s1 == remainder and s2 == 0:
                return n
    raise ValueError(f"no check digits for {first9} with remainder {remainder}")


# --- ordinary numbers -------------------------------------------------------------------


def test_ordinary_number_gives_date_and_gender():
    n = oracle("150507563")  # 15.05.2007, individnummer 563 (2000-series), odd: mann
    a = fnr.analyse(n, today=TODAY)
    assert (a.gyldig, a.type, a.kontrollregel) == (True, T.FODSELSNUMMER, "1964")
    assert a.fodselsdato == date(2007, 5, 15)
    assert a.kjonn == "mann"
    assert fnr.validate(n) == n


@pytest.mark.parametrize(
    ("first9", "born"),
    [
        ("010190124", date(1990, 1, 1)),  # 000-499: 1900-1999
        ("020360656", date(1860, 3, 2)),  # 500-749 and year >= 54: 1855-1899
        ("030405500", date(2005, 4, 3)),  # 500-999 and year <= 39: 2000-2039
        ("040580950", date(1980, 5, 4)),  # 900-999 and year >= 40: 1940-1999
    ],
)
def test_century_from_individnummer(first9, born):
    a = fnr.analyse(oracle(first9), today=TODAY)
    assert a.fodselsdato == born
    assert a.kjonn == "kvinne"  # all ninth digits above are even


def test_2032_rule_skatteetaten_example():
    a = fnr.analyse("30108299939", today=TODAY)
    assert (a.gyldig, a.type, a.kontrollregel) == (True, T.FODSELSNUMMER, "2032")
    assert a.fodselsdato == date(1982, 10, 30)
    assert a.kjonn is None  # gender no longer encoded
    assert any("2032-regelen" in m for m in a.merknader)


def test_2032_rule_old_style_sibling_keeps_gender():
    a = fnr.analyse("30108299920", today=TODAY)  # same person, remainder 0
    assert (a.kontrollregel, a.kjonn, a.fodselsdato) == ("1964", "mann", date(1982, 10, 30))


@pytest.mark.parametrize("remainder", [1, 2, 3])
def test_2032_rule_every_allowed_remainder(remainder):
    n = oracle("150507563", remainder)
    assert fnr.analyse(n, today=TODAY).kontrollregel == "2032"


def test_2032_rule_without_today_does_not_guess_century():
    a = fnr.analyse("30108299939")
    assert a.gyldig and a.fodselsdato is None
    assert any("ikke fastsatt" in m for m in a.merknader)


def test_2032_rule_century_is_latest_not_after_today():
    n = oracle("010110999", 1)  # 01.01.10
    assert fnr.analyse(n, today=date(2025, 8, 1)).fodselsdato == date(2010, 1, 1)
    assert fnr.analyse(n, today=date(2009, 8, 1)).fodselsdato == date(1910, 1, 1)


def test_individnummer_without_century_is_read_as_2032_number():
    n = oracle("010180800")  # 800 with year 80 has no century under the old rule
    a = fnr.analyse(n, today=TODAY)
    assert a.gyldig and a.kjonn is None and a.fodselsdato == date(1980, 1, 1)


def test_skatteetaten_2032_birth_number_is_in_the_future_before_2032():
    # «Person født 02.01.2032 får fødselsnummer 02013299997»
    assert fnr.analyse("02013299997", today=date(2032, 6, 1)).fodselsdato == date(2032, 1, 2)
    # Issue 12 (this test pinned the bug): the pre-2032 table puts the birth after today, so
    # the number is read by the 2032 scheme instead of being rejected.
    a = fnr.analyse("02013299997", today=TODAY)
    assert (a.gyldig, a.ordning, a.fodselsdato, a.kjonn) == (True, "2032", date(1932, 1, 2), None)
    assert any("ligger etter" in m for m in a.merknader)


# --- D-numbers --------------------------------------------------------------------------


def test_d_number_gives_no_birth_year():
    n = oracle("410107499")
    a = fnr.analyse(n, today=TODAY)
    assert (a.gyldig, a.type, a.kjonn) == (True, T.D_NUMMER, "mann")
    assert a.fodselsdato is None
    assert any("01.01" in m and "2021" in m for m in a.merknader)


def test_d_number_bad_day():
    with pytest.raises(fnr.InvalidComponent, match="32.01"):
        fnr.validate("72010749906")


# --- VIGO fictive numbers (003 A01) -----------------------------------------------------


def test_seed_003_girl_from_akershus():
    a = fnr.analyse("42059199202", today=TODAY)
    assert (a.gyldig, a.type, a.kjonn, a.fylkesnummer) == (True, T.VIGO_FIKTIVT, "kvinne", "02")
    assert a.fodselsdato == date(1991, 5, 2)
    assert not a.privatskole and not a.syntetisk
    assert any("NVB" in m for m in a.merknader)


def test_seed_003_boy_from_troms():
    a = fnr.analyse("55049199119", today=TODAY)
    assert (a.type, a.kjonn, a.fylkesnummer) == (T.VIGO_FIKTIVT, "mann", "19")
    assert a.fodselsdato == date(1991, 4, 15)


def test_fictive_private_school_county_00():
    a = fnr.analyse("52110798300", today=TODAY)
    assert (a.type, a.fylkesnummer, a.privatskole, a.kjonn) == (T.VIGO_FIKTIVT, "00", True, "mann")
    assert a.fodselsdato == date(2007, 11, 12)


@pytest.mark.parametrize("county", ["13", "16", "30", "38", "54", "31", "39", "40", "55", "56"])
def test_fictive_any_county_norway_has_used(county):
    assert fnr.analyse(f"420591992{county}", today=TODAY).type == T.VIGO_FIKTIVT


@pytest.mark.parametrize("series", ["98", "97", "90"])
def test_fictive_lower_series(series):
    assert fnr.analyse(f"420591{series}202").type == T.VIGO_FIKTIVT


def test_fictive_unknown_county_rejected():
    with pytest.raises(fnr.InvalidComponent, match="fylkesnummeret 99"):
        fnr.validate("42059199299")
    a = fnr.analyse("42059199221")  # 21 Svalbard: a region, never a county
    assert not a.gyldig and a.type == T.VIGO_FIKTIVT


def test_fictive_series_must_start_with_9():
    with pytest.raises(fnr.InvalidChecksum, match="fiktivt VIGO-nummer"):
        fnr.validate("42059189202")


def checks_ok(n: str, remainders=(0, 1, 2, 3)) -> bool:
    d = [int(c) for c in n]
    s1 = sum(w * x for w, x in zip(W1, d[:10], strict=True)) % 11
    return s1 in remainders and sum(w * x for w, x in zip(W2, d, strict=True)) % 11 == 0


def test_fictive_shape_with_valid_check_digits_is_d_number():
    # 41.01.08, 99, a gender digit, a real county number — and check digits that happen to fit
    counties = ("00", "02", "03", "11", "15", "18", "19", "34", "42", "46", "50", "56")
    candidates = [f"4101{yy:02d}99{g}{c}" for yy in range(10) for g in range(10) for c in counties]
    n = next(c for c in candidates if checks_ok(c, remainders=(0,)))
    a = fnr.analyse(n, today=TODAY)
    assert (a.gyldig, a.type, a.fylkesnummer) == (True, T.D_NUMMER, None)
    assert any("fiktivt VIGO-nummer" in m for m in a.merknader)
    # the seed-003-style neighbour without valid check digits stays fictive
    assert not checks_ok("41010899103")
    assert fnr.analyse("41010899103").type == T.VIGO_FIKTIVT


def test_fictive_shape_valid_only_by_2032_rule():
    n = "42059199239"  # girl, county 39 — k1 happens to leave remainder 3
    assert checks_ok(n)
    a = fnr.analyse(n, today=TODAY)  # before 2032 no 2032-rule D-number exists
    assert (a.type, a.fylkesnummer, a.kjonn) == (T.VIGO_FIKTIVT, "39", "kvinne")
    assert any("2032-regelen" in m for m in a.merknader)
    assert fnr.analyse(n, today=date(2032, 3, 1)).type == T.D_NUMMER
    assert fnr.analyse(n).type == T.D_NUMMER  # no date: the check digits decide


def test_fictive_without_today_has_no_birth_date():
    a = fnr.analyse("42059199202")
    assert a.gyldig and a.fodselsdato is None


def test_fictive_leap_day():
    assert fnr.analyse("69020099202", today=TODAY).fodselsdato == date(2000, 2, 29)
    with pytest.raises(fnr.InvalidComponent):
        fnr.validate("69020199202")


# --- synthetic test numbers -------------------------------------------------------------


def test_tenor_only_with_testdata():
    n = oracle("158507562")  # month 05 + 80
    with pytest.raises(fnr.RejectedKind, match="Tenor"):
        fnr.validate(n)
    assert fnr.analyse(n).type == T.SYNTETISK_TENOR
    a = fnr.analyse(n, testdata=True, today=TODAY)
    assert (a.gyldig, a.type, a.syntetisk) == (True, T.SYNTETISK_TENOR, True)
    assert a.fodselsdato == date(2007, 5, 15)


def test_nav_dolly_only_with_testdata_else_h_number():
    n = oracle("154507563")  # month 05 + 40
    a = fnr.analyse(n)
    assert (a.gyldig, a.type) == (False, T.H_NUMMER)
    assert "testdata" in a.grunn
    a = fnr.analyse(n, testdata=True, today=TODAY)
    assert (a.gyldig, a.type, a.syntetisk, a.kjonn) == (True, T.SYNTETISK_NAV, True, "mann")
    assert any("H-numre" in m for m in a.merknader)


def test_synthetic_d_number():
    a = fnr.analyse(oracle("558507563"), testdata=True, today=TODAY)
    assert a.type == T.SYNTETISK_TENOR and a.fodselsdato is None


def test_synthetic_bad_checksum_is_still_rejected():
    n = oracle("158507562")
    bad = n[:10] + str((int(n[10]) + 1) % 10)
    with pytest.raises(fnr.InvalidChecksum):
        fnr.validate(bad, testdata=True)


# --- rejected kinds ---------------------------------------------------------------------


def test_h_number_rejected():
    with pytest.raises(fnr.RejectedKind, match="H-nummer"):
        fnr.validate(oracle("014107499"))


@pytest.mark.parametrize("first", ["8", "9"])
def test_fh_number_rejected(first):
    a = fnr.analyse(oracle(first + "12345678"))
    assert (a.gyldig, a.type) == (False, T.FH_NUMMER)
    assert "FH-nummer" in a.grunn


def test_pas_13_digits_rejected_with_seed_explanation():
    a = fnr.analyse("1234567890123")
    assert (a.gyldig, a.type) == (False, T.PAS_NUMMER)
    assert "13 siffer" in a.grunn and "eksamenstjenesten" in a.grunn


def test_duf_number_rejected_with_seed_explanation():
    a = fnr.analyse("2008 168329 10")
    assert (a.gyldig, a.type) == (False, T.DUF_NUMMER)
    assert "kan ikke benyttes i VIGO" in a.grunn and "Utlendingsdirektoratet" in a.grunn


def test_twelve_digits_not_duf():
    with pytest.raises(fnr.InvalidLength, match="12"):
        fnr.validate("200816832911")


# --- malformed input --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "exc"),
    [
        ("4205919920", fnr.InvalidLength),
        ("", fnr.InvalidLength),
        ("420591992O2", fnr.InvalidFormat),
        ("42059199202a", fnr.InvalidFormat),
        ("31029199202", fnr.InvalidComponent),  # not day + 40: 31.02 ordinary date
        ("01139912345", fnr.InvalidComponent),  # month 13
        ("00019912345", fnr.InvalidComponent),  # day 00
    ],
)
def test_malformed(value, exc):
    with pytest.raises(exc):
        fnr.validate(value)
    assert not fnr.is_valid(value)


def test_bad_checksum():
    n = oracle("150507563")
    bad = n[:9] + str((int(n[9]) + 1) % 10) + n[10]
    with pytest.raises(fnr.InvalidChecksum, match="kontrollsifrene"):
        fnr.validate(bad)


def test_spaces_dots_dashes_tolerated():
    assert fnr.validate(" 420591 992 02 ") == "42059199202"
    assert fnr.validate("420591-992.02") == "42059199202"


def test_non_string_is_an_error_not_a_crash():
    a = fnr.analyse(None)  # type: ignore[arg-type]
    assert not a.gyldig
    with pytest.raises(fnr.InvalidFormat):
        fnr.validate(42059199202)  # type: ignore[arg-type]


def test_exceptions_are_input_errors_with_kind():
    with pytest.raises(InputError) as info:
        fnr.validate("1234567890123")
    assert info.value.type == T.PAS_NUMMER


def test_analysis_as_dict():
    d = fnr.analyse("42059199202", today=TODAY).som_dict()
    assert d["type"] == "vigo_fiktivt" and d["fodselsdato"] == "1991-05-02"
    assert isinstance(d["merknader"], list) and d["merknader"]
