"""Modulus-11 check digits for Norwegian person numbers and DUF numbers.

Ref: Skatteetaten, «Nytt fødselsnummer fra 2032» (folkeregisteret-api-dokumentasjon,
om-tjenestene/nyttfnr2032): k1 uses the weights 3 7 6 1 8 9 4 5 2, k2 the weights
5 4 3 2 7 6 5 4 3 2. Until 2032 the weighted sum including k1 (weight 1) must leave
remainder 0 modulo 11; for numbers issued from 1 January 2032 «rest etter moduluskontrollen
tillate 0, 1, 2 og 3». k2 is computed as before (one valid digit). A check digit that would
be 10 means the number is discarded.

>>> k1_remainder('30108299939')   # Skatteetaten's example «Person 2»: remainder 1
1
>>> k2_ok('30108299939')
True
>>> check_digits('301082999')      # k1 for remainder 0, 1, 2, 3 (k1 = 10 is not possible)
['20', '39', '47', '55']
"""

from __future__ import annotations

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
# DUF: the ten first digits YYYYLLLLLL are rearranged to LLLLLLYYYY before weighting.
W_DUF = (4, 6, 3, 2, 7, 5, 4, 6, 3, 2)


def _digits(number: str) -> list[int]:
    return [int(c) for c in number]


def k1_remainder(number: str) -> int:
    """Remainder modulo 11 of the k1 sum over the first ten digits (0 = pre-2032 rule)."""
    return sum(w * d for w, d in zip(W1, _digits(number[:10]), strict=True)) % 11


def k2_ok(number: str) -> bool:
    """True when k2 (the eleventh digit) is right."""
    return sum(w * d for w, d in zip(W2, _digits(number[:11]), strict=True)) % 11 == 0


def rule(number: str) -> str | None:
    """Which check-digit rule the eleven digits satisfy: ``"1964"``, ``"2032"`` or None.

    ``"1964"`` is the rule used until 2032 (k1 remainder 0; such numbers also satisfy the
    2032 rule); ``"2032"`` means k1 leaves remainder 1, 2 or 3 — possible only for numbers
    issued under the new rule.

    >>> rule('30108299920'), rule('30108299939'), rule('30108299938')
    ('1964', '2032', None)
    """
    if not k2_ok(number):
        return None
    r = k1_remainder(number)
    if r == 0:
        return "1964"
    if r in (1, 2, 3):
        return "2032"
    return None


def check_digits(first9: str) -> list[str]:
    """All valid (k1, k2) pairs for nine digits, remainder 0 first (used to make test numbers)."""
    base = sum(w * d for w, d in zip(W1, _digits(first9), strict=False)) % 11
    out = []
    for remainder in range(4):
        k1 = (remainder - base) % 11
        if k1 == 10:
            continue
        s2 = sum(w * d for w, d in zip(W2, _digits(first9 + str(k1)), strict=False)) % 11
        k2 = (-s2) % 11
        if k2 == 10:
            continue
        out.append(f"{k1}{k2}")
    return out


def duf_ok(number: str) -> bool:
    """True for a 12-digit DUF number whose two check digits are right.

    Format YYYYLLLLLLKK: year of registration, serial, and the remainder modulo 11 of the
    weighted sum (weights 4 6 3 2 7 5 4 6 3 2 over LLLLLLYYYY) written with two digits.

    >>> duf_ok('200816832910'), duf_ok('200816832911')
    (True, False)
    """
    if len(number) != 12 or not number.isdigit():
        return False
    rearranged = _digits(number[4:10] + number[:4])
    remainder = sum(w * d for w, d in zip(W_DUF, rearranged, strict=True)) % 11
    return number[10:] == f"{remainder:02d}"
