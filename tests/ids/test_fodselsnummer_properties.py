"""Property tests for vitnemal.ids.fodselsnummer (hypothesis). Ref: 003 A01."""

from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from vitnemal.ids import fodselsnummer as fnr
from vitnemal.ids.fodselsnummer import Nummertype as T
from vitnemal.ids.fylker import FYLKER

TODAY = date(2025, 8, 1)
W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def remainders(n: str) -> tuple[int, int]:
    d = [int(c) for c in n]
    return (
        sum(w * x for w, x in zip(W1, d[:10], strict=True)) % 11,
        sum(w * x for w, x in zip(W2, d, strict=True)) % 11,
    )


def complete_old_rule(first9: str) -> str | None:
    """The one pair k1 k2 with k1 remainder 0 and k2 remainder 0, if any."""
    for k in range(100):
        n = f"{first9}{k:02d}"
        if remainders(n) == (0, 0):
            return n
    return None


@st.composite
def ordinary(draw):
    """A valid pre-2032 fødselsnummer with its birth date and gender."""
    born = draw(st.dates(min_value=date(1940, 1, 1), max_value=date(2012, 12, 31)))
    yy = born.year % 100
    if born.year < 2000:
        ind = draw(st.integers(0, 499) | st.integers(900, 999))
    else:
        ind = draw(st.integers(500, 999))
    n = complete_old_rule(f"{born:%d%m}{yy:02d}{ind:03d}")
    assume(n is not None)
    return n, born, "kvinne" if ind % 2 == 0 else "mann"


@given(ordinary())
def test_any_valid_ordinary_number_validates(case):
    n, born, kjonn = case
    assert fnr.validate(n) == n
    a = fnr.analyse(n, today=TODAY)
    assert (a.gyldig, a.type, a.fodselsdato, a.kjonn) == (True, T.FODSELSNUMMER, born, kjonn)


@given(ordinary(), st.integers(0, 10), st.integers(1, 9))
def test_one_changed_digit_is_invalid_or_another_kind(case, pos, delta):
    n, _, _ = case
    changed = n[:pos] + str((int(n[pos]) + delta) % 10) + n[pos + 1 :]
    a = fnr.analyse(changed, today=TODAY)
    assert not a.gyldig or a.type != T.FODSELSNUMMER


@given(ordinary())
def test_spaces_do_not_matter(case):
    n, _, _ = case
    assert fnr.validate(f" {n[:6]} {n[6:]} ") == n


@st.composite
def fictive(draw):
    born = draw(st.dates(min_value=date(1926, 1, 1), max_value=date(2015, 12, 31)))
    series = draw(st.integers(90, 99))
    gender = draw(st.integers(0, 9))
    county = draw(st.sampled_from(sorted(FYLKER) + ["00"]))
    n = f"{born.day + 40:02d}{born:%m}{born.year % 100:02d}{series}{gender}{county}"
    return n, born, "kvinne" if gender % 2 == 0 else "mann", county


@given(fictive())
def test_fictive_numbers_are_fictive_unless_check_digits_fit(case):
    n, born, kjonn, county = case
    a = fnr.analyse(n, today=TODAY)
    r1, r2 = remainders(n)
    assert a.gyldig
    if r2 == 0 and r1 == 0:
        assert a.type == T.D_NUMMER and a.fodselsdato is None
    else:
        assert a.type == T.VIGO_FIKTIVT
        assert (a.fodselsdato, a.kjonn, a.fylkesnummer) == (born, kjonn, county)
        assert a.privatskole == (county == "00")


@given(st.dates(min_value=date(1926, 1, 1), max_value=date(2099, 12, 31)))
def test_century_choice_is_latest_date_not_after_today(today):
    n = "42059199202"
    a = fnr.analyse(n, today=today)
    assert a.fodselsdato is not None
    assert a.fodselsdato <= today
    assert a.fodselsdato + timedelta(days=36525) > today  # less than ~100 years old


@settings(max_examples=300)
@given(st.text(max_size=20), st.booleans())
def test_analyse_never_raises_and_agrees_with_is_valid(text, testdata):
    a = fnr.analyse(text, testdata=testdata, today=TODAY)
    assert a.gyldig == fnr.is_valid(text, testdata=testdata, today=TODAY)
    assert (a.grunn is None) == a.gyldig


@given(st.from_regex(r"\A[0-9]{11}\Z"), st.booleans())
def test_synthetic_only_accepted_with_testdata(n, testdata):
    a = fnr.analyse(n, testdata=testdata, today=TODAY)
    if a.gyldig and a.syntetisk:
        assert testdata
    if a.gyldig:
        assert a.type in {T.FODSELSNUMMER, T.D_NUMMER, T.VIGO_FIKTIVT} | (
            {T.SYNTETISK_NAV, T.SYNTETISK_TENOR} if testdata else set()
        )
