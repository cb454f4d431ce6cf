"""Organisation numbers (docs/nvb-format.md «Organisation numbers»; 001 §2.8)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vitnemal.errors import InputError
from vitnemal.ids import orgnr

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2, 1)


def weighted(n: str) -> int:
    return sum(w * int(d) for w, d in zip(WEIGHTS, n, strict=True))


def test_known_valid_number():
    assert weighted("842872022") == 143  # 13 × 11, as in nvb-format.md
    assert orgnr.validate("842872022") == "842872022"
    assert orgnr.is_valid("842 872 022")


def test_foreign_school_fictitious_number_starting_with_4():
    n = next(f"4{k:08d}" for k in range(10**8) if weighted(f"4{k:08d}") % 11 == 0)
    assert orgnr.validate(n) == n


@pytest.mark.parametrize(
    ("value", "exc"),
    [
        ("842872023", orgnr.InvalidChecksum),
        ("84287202", orgnr.InvalidLength),
        ("8428720220", orgnr.InvalidLength),
        ("84287202X", orgnr.InvalidFormat),
        ("", orgnr.InvalidLength),
    ],
)
def test_invalid(value, exc):
    with pytest.raises(exc):
        orgnr.validate(value)
    assert not orgnr.is_valid(value)


def test_errors_are_input_errors_with_norwegian_text():
    with pytest.raises(InputError, match="9 siffer"):
        orgnr.validate("1234")


def test_separators_tolerated():
    assert orgnr.validate("842.872-022") == "842872022"


@given(st.from_regex(r"\A[0-9]{8}\Z"))
def test_calculated_check_digit_is_valid(first8):
    try:
        digit = orgnr.calc_check_digit(first8)
    except orgnr.InvalidChecksum:
        assert (11 - weighted(first8 + "0") % 11) % 11 == 10
        return
    assert weighted(first8 + digit) % 11 == 0
    assert orgnr.is_valid(first8 + digit)


@given(st.from_regex(r"\A[0-9]{9}\Z"), st.integers(0, 8), st.integers(1, 9))
def test_one_changed_digit_breaks_a_valid_number(n, pos, delta):
    if weighted(n) % 11:
        assert not orgnr.is_valid(n)
        return
    changed = n[:pos] + str((int(n[pos]) + delta) % 10) + n[pos + 1 :]
    assert not orgnr.is_valid(changed)
