"""Queries over derived occurrences: windows, weeks, months, categories.

Ref: 000 juli 2023 (the issue's queries: «--fra/--til, --uke N, --maaned M, --kategori K»)

Two views:
- ``for_school_year``: the whole årshjul of one school year (July Y – August Y+1, so its first
  and last months repeat the neighbouring years' entries, as the seed itself does);
- ``timeline``: dates across school years without duplicates — each årshjul contributes only
  the occurrences that start inside its own school year (1 August Y – 31 July Y+1).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from vitnemal.arshjul.derive import Datoer, derive
from vitnemal.arshjul.model import Arshjul, Hendelse, Kategori
from vitnemal.errors import InputError
from vitnemal.meldinger import kort

Overstyringer = Callable[[int], dict[str, Datoer]]


def _no_overrides(_year: int) -> dict[str, Datoer]:
    return {}


def week_window(week: int, start_year: int) -> tuple[date, date]:
    """ISO week ``week`` of school year ``start_year``: weeks 31–53 in Y, 1–30 in Y+1.

    >>> week_window(40, 2025)
    (datetime.date(2025, 9, 29), datetime.date(2025, 10, 5))
    >>> week_window(8, 2025)
    (datetime.date(2026, 2, 16), datetime.date(2026, 2, 22))
    """
    year = start_year if week >= 31 else start_year + 1
    try:
        monday = date.fromisocalendar(year, week, 1)
    except (ValueError, OverflowError):
        raise InputError(f"uke {kort(week)} finnes ikke i {kort(year)}") from None
    return monday, monday + timedelta(days=6)


def month_window(month: int, start_year: int) -> tuple[date, date]:
    """Month ``month`` of school year ``start_year``: August–December in Y, January–July in Y+1.

    >>> month_window(2, 2025)
    (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    """
    if not 1 <= month <= 12:
        raise InputError(f"ugyldig måned {kort(month)} (1–12)")
    year = start_year if month >= 8 else start_year + 1
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def parse_kategori(value: str) -> Kategori:
    try:
        return Kategori(value.strip().lower())
    except ValueError:
        valid = ", ".join(k.value for k in Kategori)
        raise InputError(f"ukjent kategori {kort(value)} (gyldige: {valid})") from None


def _order(hendelser: Iterable[Hendelse], seed_order: dict[str, int]) -> list[Hendelse]:
    return sorted(hendelser, key=lambda h: (h.start, seed_order[h.oppforing.id], h.nr or 0))


def select(hendelser: Iterable[Hendelse], fra: date | None = None, til: date | None = None,
           kategori: Kategori | None = None) -> list[Hendelse]:
    """Occurrences overlapping [fra, til] (inclusive) and of ``kategori``; unordered."""
    return [h for h in hendelser
            if (fra is None or h.slutt >= fra) and (til is None or h.start <= til)
            and (kategori is None or h.oppforing.kategori == kategori)]


def for_school_year(arshjul: Arshjul, start_year: int, overstyring: Overstyringer = _no_overrides,
                    fra: date | None = None, til: date | None = None,
                    kategori: Kategori | None = None) -> list[Hendelse]:
    """The årshjul of one school year, in date order, optionally filtered."""
    order = {o.id: i for i, o in enumerate(arshjul.oppforinger)}
    found = derive(arshjul, start_year, overstyring(start_year))
    return _order(select(found, fra, til, kategori), order)


def timeline(arshjul: Arshjul, fra: date, til: date, overstyring: Overstyringer = _no_overrides,
             kategori: Kategori | None = None) -> list[Hendelse]:
    """Occurrences in [fra, til] across school years, each taken from its own school year."""
    if til < fra:
        raise InputError(f"--til ({til.isoformat()}) er før --fra ({fra.isoformat()})")
    order = {o.id: i for i, o in enumerate(arshjul.oppforinger)}
    first = fra.year if fra.month >= 8 else fra.year - 1
    last = til.year if til.month >= 8 else til.year - 1
    found: list[Hendelse] = []
    for year in range(first - 1, last + 1):
        own_from, own_to = date(year, 8, 1), date(year + 1, 7, 31)
        found += [h for h in derive(arshjul, year, overstyring(year))
                  if own_from <= h.start <= own_to]
    return _order(select(found, fra, til, kategori), order)
