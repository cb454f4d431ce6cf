"""One exception hierarchy for every identifier in ``vitnemal.ids`` (python-stdnum's shape).

``ValidationError`` is the base: ``str(exc)`` is a Norwegian reason fit for the user, and
``type`` says what the value was recognised as (a ``Nummertype`` for fødselsnummer, None
where nothing more is known). Like ``stdnum.exceptions``, a wrong length is a kind of wrong
format. ``RejectedKind`` is vitnemal's own: a well-formed number of a kind that cannot be used
here (H-, FH-, PAS-, DUF-numbers; synthetic test numbers without test data).

>>> from vitnemal.ids import fodselsnummer, orgnr
>>> for validate, value in ((fodselsnummer.validate, '4205919920'), (orgnr.validate, '1234')):
...     try:
...         validate(value)
...     except ValidationError as exc:
...         print(type(exc).__name__, isinstance(exc, InvalidFormat))
InvalidLength True
InvalidLength True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vitnemal.errors import InputError

# Values are echoed in messages at most this long (input may be hostile; issue 12).
ECHO_MAX = 40


class ValidationError(InputError):
    """An identifier that cannot be used; ``str(exc)`` is the Norwegian reason."""

    def __init__(self, grunn: str, type: Any = None) -> None:
        super().__init__(grunn)
        self.type = type


class InvalidFormat(ValidationError):
    """Characters or shape that the identifier cannot have."""


class InvalidLength(InvalidFormat):
    """Too short or too long."""


class InvalidChecksum(ValidationError):
    """The check digits do not fit."""


class InvalidComponent(ValidationError):
    """A part is impossible: no such date, month or county number."""


class RejectedKind(ValidationError):
    """A recognised kind of number that cannot be used here."""


def accepts(validate: Callable[..., object], value: object, **kwargs: Any) -> bool:
    """True when ``validate`` returns for the value instead of raising ValidationError: every
    module's ``is_valid``."""
    try:
        validate(value, **kwargs)
    except ValidationError:
        return False
    return True


def echo(value: str) -> str:
    """``repr`` of a value for a message, at most about ``ECHO_MAX`` characters of it.

    >>> echo('abc')
    "'abc'"
    >>> echo('x' * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 tegn)"
    >>> len(echo(chr(31) * 50)) < 2 * ECHO_MAX   # escapes (\\x1f) count too
    True
    """
    shown = repr(value[: ECHO_MAX + 1])
    if len(value) <= ECHO_MAX and len(shown) <= ECHO_MAX + 2:
        return shown
    keep = ECHO_MAX
    while len(shown := repr(value[:keep])) > ECHO_MAX + 2:
        keep -= 1
    return f"{shown[:-1]}…{shown[-1]} ({len(value)} tegn)"
