"""Small helpers for user-facing messages: input values shown in a message, and counts.

Every message that echoes a value from the input goes through ``kort`` (a file of 5 MB must
not become a message of 5 MB), and every «n things» goes through ``antall`` («1 dag», not
«1 dager»). Pure functions; no I/O.
"""

from __future__ import annotations

import math
import re

#: The longest value (in characters) shown in a message; the rest is elided.
MAKS_VERDI = 60
#: The longest message a caller lets through (``begrens``): a safety net under ``kort``.
MAKS_MELDING = 400

_ELLIPSE = "…"


def _klipp(tekst: str, maks: int) -> str:
    """Keep the start and the end of a long text, with the count of what was left out."""
    if len(tekst) <= maks:
        return tekst
    hode = max(1, maks * 2 // 3)
    hale = max(0, maks - hode)
    utelatt = len(tekst) - hode - hale
    return f"{tekst[:hode]}{_ELLIPSE}[{utelatt} tegn utelatt]{_ELLIPSE}{tekst[len(tekst) - hale:]}" \
        if hale else f"{tekst[:hode]}{_ELLIPSE}[{utelatt} tegn utelatt]"


#: A fødselsnummer or D-nummer in free text: eleven digits in a row, also with a space after the
#: birth date (group 1), never part of a longer digit run. The one definition that messages
#: (``skjul_fnr``) and log lines (``config.logg.masker``) mask.
FODSELSNUMMER_I_TEKST = re.compile(r"(?<!\d)(\d{6}) ?\d{5}(?!\d)")


def skjul_fnr(tekst: str) -> str:
    """Eleven digits in a row — a fødselsnummer or D-nummer, also with a space after the
    birth date — shown as their first six and «*****»: a message, log line or error report
    never carries a fødselsnummer (``kort``, ``navn`` and ``begrens`` all pass through here).
    Longer digit runs (a document number) are left alone.

    >>> skjul_fnr("nøkkelen «54030799203», «540307 99203», V974544482202600123")
    'nøkkelen «540307*****», «540307*****», V974544482202600123'
    """
    return FODSELSNUMMER_I_TEKST.sub(r"\1*****", tekst)


def _usynlige(tekst: str, behold: str = "") -> str:
    """Control characters (and the bidi overrides that can reorder a terminal line) shown as
    escapes, so that a message is one readable line; ``behold`` lists those kept as they are."""
    ut = []
    for c in tekst:
        o = ord(c)
        if c in behold:
            ut.append(c)
        elif o < 0x20 or o == 0x7F or 0x80 <= o < 0xA0 or 0x202A <= o <= 0x202E \
                or 0x2066 <= o <= 0x2069:
            ut.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}")
        else:
            ut.append(c)
    return "".join(ut)


def kort(verdi: object, maks: int = MAKS_VERDI) -> str:
    """An input value as a message shows it: JSON's words for null, booleans and NaN, text in
    «», long values elided in the middle, control characters escaped.

    >>> kort("VG3")
    '«VG3»'
    >>> kort(True), kort(None), kort(float("nan")), kort(5)
    ('true', 'null', 'NaN', '5')
    >>> kort("x" * 100_000)[38:]
    'xxx…[99940 tegn utelatt]…xxxxxxxxxxxxxxxxxxxx»'
    >>> kort([1, 2]), kort({"a": 1})
    ('en liste', 'et objekt')
    >>> kort("a\\tb")
    '«a\\\\x09b»'
    """
    if verdi is None:
        return "null"
    if isinstance(verdi, bool):
        return "true" if verdi else "false"
    if isinstance(verdi, float):
        if math.isnan(verdi):
            return "NaN"
        if math.isinf(verdi):
            return "Infinity" if verdi > 0 else "-Infinity"
        return _klipp(repr(verdi), maks)
    if isinstance(verdi, int):
        # str() of an int beyond Python's digit limit raises; the loader refuses such ints, but
        # a message must never be the thing that fails.
        if abs(verdi).bit_length() > 3 * maks:
            return f"et tall med over {maks} siffer"
        return _klipp(skjul_fnr(str(verdi)), maks)
    if isinstance(verdi, str):
        return f"«{_usynlige(_klipp(skjul_fnr(verdi), maks))}»"
    if isinstance(verdi, (list, tuple)):
        return "en liste"
    if isinstance(verdi, dict):
        return "et objekt"
    return f"«{_usynlige(_klipp(skjul_fnr(str(verdi)), maks))}»"


def navn(tekst: object, maks: int = MAKS_VERDI, *, skjul: bool = True) -> str:
    """A key or code from the input, without quotes, elided when long (for paths and labels).
    ``skjul=False`` shows a fødselsnummer (only where it is what the user asked about).

    >>> navn("fagkode"), navn("k" * 70)[-12:], navn("54030799203")
    ('fagkode', 'kkkkkkkkkkkk', '540307*****')
    """
    tekst = str(tekst)
    return _usynlige(_klipp(skjul_fnr(tekst) if skjul else tekst, maks))


def begrens(melding: str, maks: int = MAKS_MELDING) -> str:
    """A whole message cut to a bounded length (the net under ``kort`` for texts that echo a
    value without it, such as a library's message).

    >>> len(begrens("a" * 10_000)) < 500
    True
    """
    return _usynlige(_klipp(skjul_fnr(melding), maks), behold="\n")


def antall(n: int, entall: str, flertall: str) -> str:
    """«1 dag», «2 dager», «0 dager».

    >>> antall(1, "dag", "dager"), antall(2, "dag", "dager"), antall(0, "fil", "filer")
    ('1 dag', '2 dager', '0 filer')
    """
    return f"{n} {entall if n == 1 else flertall}"
