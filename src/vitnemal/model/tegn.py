"""The characters a printed text may hold: one definition for every name and text field.

Ref: 001 §2.1 — the document is written in «Times New Roman»; what it can show is what the
Latin repertoire Norwegian registers use. The repertoire is that of the public sector's
character-set standard (Digdir, «Tegnsett», forskrift om IT-standarder i offentlig
forvaltning; https://www.digdir.no/digitale-felleslosninger/tegnsett/1498): the characters of
ISO 8859-1 «supplert med ytterligere 6 nordsamiske tegn i store og små representasjoner
(Č, č, Đ, đ, Ŋ, ŋ, Š, š, Ŧ, ŧ, Ž, ž)». The Folkeregister is bound by that standard when it
exchanges names, and it registers Sámi letters in names (Á á is already in ISO 8859-1); a name
as the Folkeregister holds it is therefore inside this repertoire. Skatteetaten's own list of
name characters could not be retrieved for this project; docs/decisions.md says so.

On top of that, the typographic punctuation Norwegian texts use and the bundled kodeverk's
texts contain (– — ‘ ’ ‚ “ ” „ … ‹ › €). Left out of ISO 8859-1's printable part: the soft
hyphen U+00AD, which is invisible. Every control character (NUL, tab, line feed …), format
character (bidi overrides such as U+202E, zero-width characters), combining mark that does not
compose, and every other script (emoji, CJK, Arabic, Cyrillic, Greek …) is rejected.

Text is normalised to NFC first (docs/decisions.md): «A» + U+030A becomes «Å», «C» + U+030C
«Č»; a combining mark that has no precomposed letter with its base stays and is rejected.

Pure: no PDF library. ``vitnemal.pdf`` proves that the bundled fonts draw every character here
(tests/pdf/test_tegnsett.py), and its renderer refuses any other.
"""

from __future__ import annotations

import re
import unicodedata

SAMISKE = "ČčĐđŊŋŠšŦŧŽž"
"""The North Sámi letters outside ISO 8859-1 (Digdir «Tegnsett»); Á á are in ISO 8859-1."""

TYPOGRAFI = "–—‘’‚“”„…‹›€"
"""Typographic punctuation of Norwegian texts (en and em dash, quotes, ellipsis, euro)."""

_LATIN1 = "".join(chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x100)) if c != 0xAD)

REPERTOAR: frozenset[str] = frozenset(_LATIN1 + SAMISKE + TYPOGRAFI)
"""Every character a printed text may hold (after NFC normalisation)."""

_UTENFOR = re.compile("[^" + re.escape("".join(sorted(REPERTOAR))) + "]")

MAKS_VIST = 3
"""At most this many distinct offending characters are named in one message."""


def normaliser(tekst: str) -> str:
    """NFC, so that a letter typed as base + combining mark is the precomposed letter.

    >>> normaliser("A\\u030Asa") == "Åsa"
    True
    """
    return tekst if unicodedata.is_normalized("NFC", tekst) else unicodedata.normalize("NFC", tekst)


def utenfor(tekst: str) -> list[str]:
    """The distinct characters of ``tekst`` outside the repertoire, in order of appearance.

    >>> utenfor("Máret Čuoigi")
    []
    >>> utenfor("Ola\\u202eNordmann\\x00")
    ['\\u202e', '\\x00']
    """
    ut: list[str] = []
    for m in _UTENFOR.finditer(tekst):
        if m.group() not in ut:
            ut.append(m.group())
    return ut


def beskriv(tegn: str) -> str:
    """A character as a message names it: visible ones shown and numbered, invisible ones
    (controls, format characters, spaces other than the space, combining marks) by number
    and Unicode name only.

    >>> beskriv("é")
    '«é» (U+00E9)'
    >>> beskriv("\\u202e")
    'U+202E (RIGHT-TO-LEFT OVERRIDE)'
    >>> beskriv("\\x00")
    'U+0000 (kontrolltegn)'
    """
    kode = f"U+{ord(tegn):04X}"
    kategori = unicodedata.category(tegn)
    if kategori[0] in "CZM":
        navn = unicodedata.name(tegn, "")
        return f"{kode} ({navn or 'kontrolltegn'})"
    return f"«{tegn}» ({kode})"


def problem(tekst: str, felt: str) -> str | None:
    """Ref: 001 §2.1 — a Norwegian message naming ``felt`` and the characters of ``tekst``
    that cannot be printed, or None. ``tekst`` should be NFC already (``normaliser``).

    >>> problem("Ola Nordmann", "navnet") is None
    True
    >>> problem("Ola 😀", "navnet")
    'navnet inneholder tegnet «😀» (U+1F600), som ikke kan skrives ut; tillatt er latinske bokstaver (også nordiske og samiske), sifre og vanlig tegnsetting'
    """
    if _UTENFOR.search(tekst) is None:
        return None
    feil = utenfor(tekst)
    navn = [beskriv(t) for t in feil[:MAKS_VIST]]
    if len(feil) > MAKS_VIST:
        navn.append(f"{len(feil) - MAKS_VIST} andre")
    vist = navn[0] if len(navn) == 1 else f"{', '.join(navn[:-1])} og {navn[-1]}"
    ord_ = "tegnet" if len(feil) == 1 else "tegnene"
    hint = (" (linjeskift og tabulator kan ikke stå i en tekst; i et vedlegg er hvert avsnitt "
            "et eget element i listen)" if set(feil) & set("\n\r\t") else "")
    return (f"{felt} inneholder {ord_} {vist}, som ikke kan skrives ut; tillatt er latinske "
            f"bokstaver (også nordiske og samiske), sifre og vanlig tegnsetting{hint}")
