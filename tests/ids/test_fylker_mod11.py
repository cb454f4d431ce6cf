"""County table and modulus-11 helpers used by the fødselsnummer module."""

import pytest

from vitnemal.ids import fylker, mod11

# before 2020 (13 Bergen until 1972; 16/17 until 2018, then 50)
BEFORE_2020 = [f"{n:02d}" for n in range(1, 21)] + ["50"]
REFORMS = ["30", "34", "38", "42", "46", "54"] + ["31", "32", "33", "39", "40", "55", "56"]
EVERY_COUNTY_NUMBER = BEFORE_2020 + REFORMS


def test_every_county_number_is_known():
    assert sorted(fylker.FYLKER) == sorted(EVERY_COUNTY_NUMBER)


@pytest.mark.parametrize("nr", ["00"] + EVERY_COUNTY_NUMBER)
def test_valid_county_numbers(nr):
    assert fylker.gyldig_fylkesnummer(nr)


@pytest.mark.parametrize("nr", ["21", "22", "23", "25", "99", "60", "0"])
def test_never_used(nr):
    assert not fylker.gyldig_fylkesnummer(nr)


def test_reform_periods():
    assert fylker.fylke("54").til == 2023 and fylker.fylke("55").fra == 2024
    assert fylker.fylke("03").til is None


def test_rule_detection():
    assert mod11.rule("30108299920") == "1964"
    assert mod11.rule("30108299939") == "2032"
    assert mod11.rule("30108299929") is None


def test_check_digits_are_all_valid():
    for pair in mod11.check_digits("150507563"):
        assert mod11.rule("150507563" + pair) in ("1964", "2032")
    assert len(mod11.check_digits("301082999")) == 4


def test_duf():
    assert mod11.duf_ok("200816832910")
    assert not mod11.duf_ok("20081683291")
    assert not mod11.duf_ok("200816832901")
