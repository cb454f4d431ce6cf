"""Reading a ¤-file into raw records: bytes → lines → record type and field texts.

Ref: docs/nvb-format.md «General» — UTF-8, one record per line, fields separated by `¤`, each
line starting with `¤` and a capital letter; LF, CRLF or CR; blank lines skipped; a field
containing `¤` or a line break is wrapped in `{` `}`.

Bounds (hostile input): at most ``maks_byte`` bytes are read (more is an error, and nothing
is taken in); a physical line longer than ``MAKS_LINJE`` characters is reported and skipped
without being held whole; a `{`-wrapped field may run over at most ``MAKS_KLAMMELINJER``
physical lines and ``MAKS_LINJE`` characters. No regular expressions: every scan is a
``str.find`` from where the last one stopped, so time is linear in the input.

A wrapped field ends at the first `}` followed by spaces/tabs and then `¤` or the end of the
line; a field starting with `{` with no such `}` is reported and read as plain text.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator

#: Default size limit of a file (bytes actually read).
MAKS_BYTE = 512 * 1024 * 1024
#: Longest physical line, in characters.
MAKS_LINJE = 10_000
#: Physical lines a `{`-wrapped field may span.
MAKS_KLAMMELINJER = 50

_TOMT = " \t"

#: (line number, record type, field texts, indices of `{}`-wrapped fields or None)
Raapost = tuple[int, str, list[str], "frozenset[int] | None"]
#: rapporter(line, record type or None, field index or None, Norwegian text)
Rapportor = Callable[[int, "str | None", "int | None", str], None]


class ForStor(Exception):
    """The input holds more than the size limit."""


class _Begrenset(io.RawIOBase):
    """A raw stream that yields at most ``maks`` bytes of ``raw`` and notes whether more
    followed."""

    def __init__(self, raw, maks: int):
        self.raw, self.maks, self.lest, self.for_stor = raw, maks, 0, False

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        igjen = self.maks - self.lest
        if igjen <= 0:
            if not self.for_stor and self.raw.read(1):
                self.for_stor = True
            return 0
        with memoryview(b) as mv:
            n = self.raw.readinto(mv[:igjen]) or 0
        self.lest += n
        return n


def tekststrom(raw, maks_byte: int, *, strengt: bool) -> tuple[io.TextIOWrapper, _Begrenset]:
    """A text stream over the binary ``raw``: UTF-8 (a BOM is dropped), every line end as
    ``\\n``, at most ``maks_byte`` bytes. Not ``strengt``: invalid bytes become lone
    surrogates (U+DC80–U+DCFF), which ``tokeniser`` reports line by line."""
    try:
        storrelse = os.fstat(raw.fileno()).st_size
    except (AttributeError, OSError, io.UnsupportedOperation):
        storrelse = None
    if storrelse is not None and storrelse > maks_byte and _vanlig_fil(raw):
        raise ForStor
    begrenset = _Begrenset(raw, maks_byte)
    tekst = io.TextIOWrapper(io.BufferedReader(begrenset, 1 << 16), encoding="utf-8-sig",
                             errors="strict" if strengt else "surrogateescape", newline=None)
    return tekst, begrenset


def _vanlig_fil(raw) -> bool:
    import stat

    try:
        return stat.S_ISREG(os.fstat(raw.fileno()).st_mode)
    except (AttributeError, OSError, io.UnsupportedOperation):
        return False


class _Kilde:
    """Physical lines with their numbers, with room to put lines back."""

    def __init__(self, tekst: io.TextIOWrapper, rapporter: Rapportor, sjekk_utf8: bool):
        self.tekst, self.rapporter, self.sjekk_utf8 = tekst, rapporter, sjekk_utf8
        self.nr = 0
        self.tilbake: list[tuple[int, str]] = []

    def neste(self) -> tuple[int, str] | None:
        """The next line without its line end, or None at the end. Over-long lines and
        (when checking) lines with invalid UTF-8 are reported and skipped."""
        if self.tilbake:
            return self.tilbake.pop()
        les = self.tekst.readline
        while True:
            linje = les(MAKS_LINJE + 1)
            if not linje:
                return None
            self.nr += 1
            if linje[-1] == "\n":
                linje = linje[:-1]
            elif len(linje) > MAKS_LINJE:
                self._hopp_over_resten()
                self.rapporter(self.nr, None, None, f"linjen er lengre enn {MAKS_LINJE} tegn og "
                               "er ikke lest")
                continue
            if self.sjekk_utf8 and not _gyldig_utf8(linje):
                self.rapporter(self.nr, None, None, "linjen er ikke gyldig UTF-8 og er ikke lest")
                continue
            return self.nr, linje

    def _hopp_over_resten(self) -> None:
        while True:
            del_ = self.tekst.readline(MAKS_LINJE)
            if not del_ or del_[-1] == "\n":
                return


def _gyldig_utf8(linje: str) -> bool:
    try:
        linje.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def tokeniser(tekst: io.TextIOWrapper, rapporter: Rapportor, *,
              sjekk_utf8: bool = False) -> Iterator[Raapost]:
    """Every record of the stream as (line, record type, field texts, wrapped indices).

    Field texts are as in the file (not trimmed); wrapped fields are their content between
    the braces. Lines that are not records are reported through ``rapporter`` and skipped.
    """
    kilde = _Kilde(tekst, rapporter, sjekk_utf8)
    while (neste := kilde.neste()) is not None:
        nr, linje = neste
        s = linje.strip(_TOMT)
        if not s:
            continue
        if s[0] != "¤":
            rapporter(nr, None, None, f"linjen begynner ikke med ¤ og en posttype: «{_kort(s)}»")
            continue
        if "{" not in s:
            deler = s.split("¤")
            yield nr, deler[1].strip(_TOMT), deler[2:], None
            continue
        post, felt, innpakket = _med_klammer(s, nr, kilde, rapporter)
        yield nr, post, felt, innpakket


def _kort(s: str, n: int = 40) -> str:
    return s if len(s) <= n else s[:n] + "…"


def _lukking(s: str, fra: int) -> tuple[int, int]:
    """The first `}` at or after ``fra`` that is followed by spaces/tabs and `¤` or the end:
    (index of `}`, index of that `¤` or len(s)); (-1, resume point) if none."""
    k = s.find("}", fra)
    while k != -1:
        m = k + 1
        while m < len(s) and s[m] in _TOMT:
            m += 1
        if m == len(s) or s[m] == "¤":
            return k, m
        k = s.find("}", k + 1)
    return -1, len(s)


def _med_klammer(s: str, nr: int, kilde: _Kilde, rapporter: Rapportor):
    """Split a record line that has `{` somewhere, pulling more lines for a wrapped field
    that holds real line breaks."""
    e = s.find("¤", 1)
    if e == -1:
        return s[1:].strip(_TOMT), [], None
    post = s[1:e].strip(_TOMT)
    felt: list[str] = []
    innpakket: set[int] = set()
    i = e + 1
    while True:
        j = i
        while j < len(s) and s[j] in _TOMT:
            j += 1
        if j < len(s) and s[j] == "{":
            s, k, m = _finn_slutt(s, j, nr, kilde, rapporter, post, len(felt))
            if k != -1:
                innpakket.add(len(felt))
                felt.append(s[j + 1:k])
                if m >= len(s):
                    break
                i = m + 1
                continue
        e = s.find("¤", i)
        if e == -1:
            felt.append(s[i:])
            break
        felt.append(s[i:e])
        i = e + 1
    return post, felt, frozenset(innpakket)


def _ny_post(linje: str) -> bool:
    s = linje.lstrip(_TOMT)
    return len(s) > 1 and s[0] == "¤" and "A" <= s[1] <= "Z"


def _finn_slutt(s, j, nr, kilde: _Kilde, rapporter, post, indeks):
    """Find the end of the wrapped field opening at ``s[j]``; extend ``s`` with following
    lines when needed. Returns (s, index of `}` or -1, index after it).

    Only a `}` at the end of the last line joined (or before a `¤`) can close the field, so
    each pulled line is searched on its own and the lines are joined once: linear time."""
    k, m = _lukking(s, j + 1)
    if k != -1:
        return s, k, m
    hentet: list[tuple[int, str]] = []
    lengde = len(s)
    while len(hentet) < MAKS_KLAMMELINJER and lengde <= MAKS_LINJE:
        neste = kilde.neste()
        if neste is None:
            break
        if _ny_post(neste[1]):  # a record line is not the rest of a field: stop there
            kilde.tilbake.append(neste)
            break
        hentet.append(neste)
        start = lengde + 1  # where this line begins in the joined text
        lengde = start + len(neste[1])
        k, m = _lukking(neste[1], 0)
        if k != -1:
            return "\n".join([s, *(tekst for _, tekst in hentet)]), start + k, start + m
    kilde.tilbake.extend(reversed(hentet))
    rapporter(nr, post, indeks, "feltet begynner med «{», men har ingen avsluttende «}» før "
              "¤ eller linjeslutt; lest som vanlig tekst")
    return s, -1, 0
