"""Every county number (fylkesnummer) Norway has used, for VIGO fictive fødselsnummer.

Ref: 003 A01 — the fictive number ends with the county number «(ledende null - eks for
Akershus 02)», and «Private videregående skoler får tildelt 00 i de to siste posisjonene».
A fictive number keeps the county number it was made with, so numbers of counties that no
longer exist stay valid. Periods are the years the number was in use (inclusive); ``til``
None means still in use. Sources: SSB's standard for county numbering and the regional
reforms of 2018 (Trøndelag), 2020 and 2024.

>>> fylke("02").navn
'Akershus'
>>> fylke("30").navn, fylke("30").til
('Viken', 2023)
>>> fylke("21") is None   # Svalbard has a region number but was never a county
True
"""

from __future__ import annotations

from dataclasses import dataclass

PRIVATSKOLE = "00"


@dataclass(frozen=True)
class Fylke:
    nummer: str
    navn: str
    fra: int | None  # first year in use (None: since county numbers were introduced)
    til: int | None  # last year in use (None: still in use)


_TABLE = [
    # Numbering before the 2020 reform (in use until 31.12.2019 unless stated).
    ("01", "Østfold", None, 2019),
    ("02", "Akershus", None, 2019),
    ("03", "Oslo", None, None),
    ("04", "Hedmark", None, 2019),
    ("05", "Oppland", None, 2019),
    ("06", "Buskerud", None, 2019),
    ("07", "Vestfold", None, 2019),
    ("08", "Telemark", None, 2019),
    ("09", "Aust-Agder", None, 2019),
    ("10", "Vest-Agder", None, 2019),
    ("11", "Rogaland", None, None),
    ("12", "Hordaland", None, 2019),
    ("13", "Bergen", None, 1971),  # merged into Hordaland 1 January 1972
    ("14", "Sogn og Fjordane", None, 2019),
    ("15", "Møre og Romsdal", None, None),
    ("16", "Sør-Trøndelag", None, 2017),
    ("17", "Nord-Trøndelag", None, 2017),
    ("18", "Nordland", None, None),
    ("19", "Troms", None, 2019),
    ("20", "Finnmark", None, 2019),
    # 2018: Trøndelag.
    ("50", "Trøndelag", 2018, None),
    # 2020 reform.
    ("30", "Viken", 2020, 2023),
    ("34", "Innlandet", 2020, None),
    ("38", "Vestfold og Telemark", 2020, 2023),
    ("42", "Agder", 2020, None),
    ("46", "Vestland", 2020, None),
    ("54", "Troms og Finnmark", 2020, 2023),
    # 2024 reform (Viken, Vestfold og Telemark, Troms og Finnmark divided).
    ("31", "Østfold", 2024, None),
    ("32", "Akershus", 2024, None),
    ("33", "Buskerud", 2024, None),
    ("39", "Vestfold", 2024, None),
    ("40", "Telemark", 2024, None),
    ("55", "Troms", 2024, None),
    ("56", "Finnmark", 2024, None),
]

FYLKER: dict[str, Fylke] = {nr: Fylke(nr, navn, fra, til) for nr, navn, fra, til in _TABLE}


def fylke(nummer: str) -> Fylke | None:
    """The county with this two-digit number, or None if Norway never used the number."""
    return FYLKER.get(nummer)


def gyldig_fylkesnummer(nummer: str) -> bool:
    """Ref: 003 A01. True for a county number Norway has used, or 00 (private school).

    >>> [gyldig_fylkesnummer(n) for n in ("00", "19", "56", "99", "21")]
    [True, True, True, False, False]
    """
    return nummer == PRIVATSKOLE or nummer in FYLKER
