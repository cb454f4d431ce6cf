"""Norwegian organisation numbers (organisasjonsnummer), python-stdnum style.

An organisation number has nine digits. The last is a check digit: with the weights
3 2 7 6 5 4 3 2 1 the weighted sum of all nine digits is divisible by 11. In NVB's files
(docs/nvb-format.md, «Organisation numbers») foreign schools without a Norwegian
organisation number get a fictitious one starting with 4, still with a valid check digit;
such a number validates here like any other. What a foreign school prints in its document
number (001 §2.8) is its own foreign number: ``vitnemal.ids.utenlandsk``.
Errors are the shared ``vitnemal.ids.exceptions``.

>>> validate('842 872 022')
'842872022'
>>> is_valid('842872023')
False
>>> checksum('842872022')
0
>>> calc_check_digit('84287202')
'2'
>>> validate('84287202')
Traceback (most recent call last):
    ...
vitnemal.ids.exceptions.InvalidLength: organisasjonsnummeret må ha 9 siffer, ikke 8
>>> format('842872022')
'842 872 022'
"""

from __future__ import annotations

from vitnemal.ids.exceptions import (
    InvalidChecksum,
    InvalidFormat,
    InvalidLength,
    ValidationError,
    accepts,
    echo,
)

__all__ = [
    "InvalidChecksum",
    "InvalidFormat",
    "InvalidLength",
    "InvalidOrgnr",
    "ValidationError",
    "calc_check_digit",
    "checksum",
    "compact",
    "format",
    "is_valid",
    "validate",
]

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2, 1)

# The shared base under the name callers of this module use.
InvalidOrgnr = ValidationError


def compact(number: str) -> str:
    """Remove spaces, dots and dashes and surrounding whitespace.

    >>> compact(' 842 872-022 ')
    '842872022'
    """
    return "".join(str(number).split()).replace(".", "").replace("-", "")


def checksum(number: str) -> int:
    """Weighted sum of the nine digits modulo 11 (0 for a valid number)."""
    return sum(w * int(d) for w, d in zip(WEIGHTS, number, strict=True)) % 11


def calc_check_digit(number: str) -> str:
    """The check digit for the first eight digits.

    Raises InvalidChecksum when no digit fits (remainder 10): such numbers are not issued.
    """
    rest = sum(w * int(d) for w, d in zip(WEIGHTS[:8], number, strict=True)) % 11
    digit = (11 - rest) % 11
    if digit == 10:
        raise InvalidChecksum(f"ingen kontrollsiffer passer til {number}")
    return str(digit)


def validate(value: str) -> str:
    """Ref: docs/nvb-format.md orgnr. Return the compact number or raise InvalidOrgnr.

    «Nine digits; weights 3 2 7 6 5 4 3 2 1; valid when the weighted sum is divisible by 11.»

    >>> validate('499 999 992')   # a fictitious foreign-school number (starts with 4)
    '499999992'
    >>> validate('84287202X')
    Traceback (most recent call last):
        ...
    vitnemal.ids.exceptions.InvalidFormat: organisasjonsnummeret kan bare inneholde siffer: '84287202X'
    """
    if not isinstance(value, str):
        raise InvalidFormat(f"organisasjonsnummeret må være tekst, ikke {type(value).__name__}")
    number = compact(value)
    if not number:
        raise InvalidLength("organisasjonsnummeret er tomt")
    if not number.isascii() or not number.isdigit():
        raise InvalidFormat(f"organisasjonsnummeret kan bare inneholde siffer: {echo(value)}")
    if len(number) != 9:
        raise InvalidLength(f"organisasjonsnummeret må ha 9 siffer, ikke {len(number)}")
    if checksum(number) != 0:
        raise InvalidChecksum(
            f"kontrollsifferet i organisasjonsnummeret {number} stemmer ikke "
            "(vektet sum med vektene 3 2 7 6 5 4 3 2 1 er ikke delelig med 11)"
        )
    return number


def is_valid(value: str) -> bool:
    """True when ``validate`` accepts the value."""
    return accepts(validate, value)


def format(value: str) -> str:
    """Three groups of three digits, as Brønnøysundregistrene write it."""
    number = compact(value)
    return f"{number[:3]} {number[3:6]} {number[6:]}"
