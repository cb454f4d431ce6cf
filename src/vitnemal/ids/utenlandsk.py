"""The foreign number of a Norwegian school abroad, python-stdnum style.

Ref: 001 §2.8 — «Godkjente norske skoler i utlandet som ikke har norsk
organisasjonsnummer, skal bruke utenlandsk nummer selv om antall siffer da kan bli
forskjellig.» The number stands in the document number where a Norwegian school has its
organisation number: ``V`` or ``K``, the number, the year and a five-digit serial,
«sammenhengende uten mellomrom».

A foreign number has no check digit vitnemal could know, so only its shape is checked
(docs/decisions.md, «Foreign schools»): after spaces, dashes, dots and slashes are removed
and letters are made capitals, 2 to 20 characters, ASCII capital letters A–Z and digits,
at least one digit («antall siffer»). The bound keeps the document number printable on one
line (at most 1 + 20 + 4 + 5 = 30 characters). NVB's files carry a different number for such
a school, a fictitious nine-digit one starting with 4 (docs/nvb-format.md); that one is an
``orgnr``.

>>> validate('b-3512 3456')
'B35123456'
>>> is_valid('12'), is_valid('ABC'), is_valid('1' * 21)
(True, False, False)
>>> validate('Ø123')
Traceback (most recent call last):
    ...
vitnemal.ids.exceptions.InvalidFormat: det utenlandske nummeret kan bare inneholde bokstavene A–Z og siffer: 'Ø123'
"""

from __future__ import annotations

import re

from vitnemal.ids.exceptions import InvalidFormat, InvalidLength, accepts, echo

__all__ = ["MAKS", "MIN", "compact", "format", "is_valid", "validate"]

MIN, MAKS = 2, 20
# Longer input is refused before it is compacted: no value is worked on (or echoed) unbounded.
_MAKS_RAW = 4 * MAKS
_SEPARATORS = re.compile(r"[\s\-./]+")
_SHAPE = re.compile(r"[A-Za-z0-9]+")


def compact(number: str) -> str:
    """Remove spaces, dashes, dots and slashes; capital letters.

    >>> compact(' sc-123.456 ')
    'SC123456'
    """
    return _SEPARATORS.sub("", str(number)).upper()


def validate(value: str) -> str:
    """Ref: 001 §2.8. The compact foreign number, or raise ValidationError with the reason."""
    if not isinstance(value, str):
        raise InvalidFormat(f"det utenlandske nummeret må være tekst, ikke {type(value).__name__}")
    if len(value) > _MAKS_RAW:
        raise InvalidLength(
            f"det utenlandske nummeret kan ha høyst {MAKS} tegn, ikke {len(value)}"
        )
    bare = _SEPARATORS.sub("", value)
    if not bare:
        raise InvalidLength("det utenlandske nummeret er tomt")
    if not (bare.isascii() and _SHAPE.fullmatch(bare)):  # checked before ``upper``: ß → SS
        raise InvalidFormat(
            "det utenlandske nummeret kan bare inneholde bokstavene A–Z og siffer: "
            f"{echo(value.strip())}"
        )
    number = bare.upper()
    if not MIN <= len(number) <= MAKS:
        raise InvalidLength(
            f"det utenlandske nummeret må ha {MIN} til {MAKS} tegn, ikke {len(number)}"
        )
    if not any(c.isdigit() for c in number):
        raise InvalidFormat(
            f"det utenlandske nummeret må inneholde minst ett siffer: {echo(number)}"
        )
    return number


def is_valid(value: str) -> bool:
    """True when ``validate`` accepts the value."""
    return accepts(validate, value)


def format(value: str) -> str:
    """As it is printed: compact (001 §2.8, «sammenhengende uten mellomrom»)."""
    return compact(value)
