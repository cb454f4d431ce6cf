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
import itertools
import os
from collections.abc import Callable, Iterator

#: Default size limit of a file (bytes actually read).
MAKS_BYTE = 512 * 1024 * 1024
#: Longest physical line, in characters.
MAKS_LINJE = 10_000
#: Physical lines a `{`-wrapped field may span.
MAKS_KLAMMELINJER = 50

_TOMT = " \t"

#: (line number, record type, field texts, indices of `{}`-wrapped fields or None, whether
#: any field may need trimming)
Raapost = tuple[int, str, list[str], "frozenset[int] | None", bool]
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


#: Characters read at a time.
_BIT = 1 << 20


def _fysiske_linjer(tekst: io.TextIOWrapper, rapporter: Rapportor,
                    sjekk_utf8: bool) -> Iterator[tuple[int, str]]:
    """(number, line without its end) for every physical line.

    Speed: the text is read a megabyte at a time and split in C (``str.split``), instead of
    one ``readline`` call per line; at national volume that is a million calls saved. A line
    longer than MAKS_LINJE is reported and skipped, its pieces dropped as they arrive, so it
    is never held whole. With ``sjekk_utf8``, lines holding bytes that were not UTF-8 (lone
    surrogates from ``surrogateescape``) are reported and skipped."""
    nr, rest, lang = 0, "", False
    while bit := tekst.read(_BIT):
        deler = bit.split("\n")
        siste = deler.pop()
        if deler:
            if lang:  # this chunk ends the over-long line
                nr += 1
                rapporter(nr, None, None, f"linjen er lengre enn {MAKS_LINJE} tegn og er "
                          "ikke lest")
                lang = False
                deler[0] = None
            else:
                deler[0] = rest + deler[0]
            rest = siste
            for linje in deler:
                if linje is None:
                    continue
                nr += 1
                if len(linje) > MAKS_LINJE:
                    rapporter(nr, None, None, f"linjen er lengre enn {MAKS_LINJE} tegn og er "
                              "ikke lest")
                elif sjekk_utf8 and not _gyldig_utf8(linje):
                    rapporter(nr, None, None, "linjen er ikke gyldig UTF-8 og er ikke lest")
                else:
                    yield nr, linje
        elif not lang:
            rest += siste
        if not lang and len(rest) > MAKS_LINJE:
            lang, rest = True, ""
    if lang:
        rapporter(nr + 1, None, None, f"linjen er lengre enn {MAKS_LINJE} tegn og er ikke lest")
    elif rest:
        if sjekk_utf8 and not _gyldig_utf8(rest):
            rapporter(nr + 1, None, None, "linjen er ikke gyldig UTF-8 og er ikke lest")
        else:
            yield nr + 1, rest


class _Kilde:
    """Physical lines with room to put lines back (for a ``{`` field over several lines)."""

    def __init__(self, linjer: Iterator[tuple[int, str]]):
        self.it = linjer
        self.byttet = False  # lines were put back: the reader must take up ``it`` anew

    def neste(self) -> tuple[int, str] | None:
        return next(self.it, None)

    def legg_tilbake(self, linjer: list[tuple[int, str]]) -> None:
        if linjer:
            self.it = itertools.chain(linjer, self.it)
            self.byttet = True


def _gyldig_utf8(linje: str) -> bool:
    try:
        linje.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def tokeniser(tekst: io.TextIOWrapper, rapporter: Rapportor, *,
              sjekk_utf8: bool = False) -> Iterator[Raapost]:
    """Every record of the stream as (line, record type, field texts, wrapped indices,
    whether a field may need trimming).

    Field texts are as in the file (not trimmed); wrapped fields are their content between
    the braces. Lines that are not records are reported through ``rapporter`` and skipped.
    """
    kilde = _Kilde(_fysiske_linjer(tekst, rapporter, sjekk_utf8))
    while True:
        for nr, linje in kilde.it:
            s = linje.strip(_TOMT)
            if not s:
                continue
            if s[0] != "¤":
                rapporter(nr, None, None,
                          f"linjen begynner ikke med ¤ og en posttype: «{_kort(s)}»")
                continue
            if "{" not in s:
                deler = s.split("¤")
                # Speed: most lines have no space or tab next to a ¤, and then no field needs
                # trimming (three scans of the line instead of a strip per field).
                trim = "\t" in s or "¤ " in s or " ¤" in s
                yield nr, deler[1].strip(_TOMT), deler[2:], None, trim
                continue
            post, felt, innpakket = _med_klammer(s, nr, kilde, rapporter)
            yield nr, post, felt, innpakket, True
            if kilde.byttet:  # lines were put back: read on from them
                kilde.byttet = False
                break
        else:
            return


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
        hentet.append(neste)
        if _ny_post(neste[1]):  # a record line is not the rest of a field: stop there
            break
        start = lengde + 1  # where this line begins in the joined text
        lengde = start + len(neste[1])
        k, m = _lukking(neste[1], 0)
        if k != -1:
            return "\n".join([s, *(tekst for _, tekst in hentet)]), start + k, start + m
    kilde.legg_tilbake(hentet)
    rapporter(nr, post, indeks, "feltet begynner med «{», men har ingen avsluttende «}» før "
              "¤ eller linjeslutt; lest som vanlig tekst")
    return s, -1, 0
