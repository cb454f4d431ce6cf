"""Derive the årshjul of another school year from seed 000.

Ref: 000 juli 2023 (the seed is the årshjul 2023–2024; its own month labels run from
«Juli 2023» to «August 2024», so an årshjul for school year Y spans 1 July Y – 31 August Y+1)

Rules, in the order applied:
1. Same day and month, year shifted by Y − 2023 (29 February becomes 28 February, flagged).
2. Week entries («uke 40») take ISO week N of the shifted year, Monday to Sunday.
3. The per-year override file sets new dates for named entries.
4. An entry tied to another (``folger``: its «Se …» names the entry it prepares) moves by the
   same number of days as its anchor, unless it is itself overridden.
5. The recurring rule («En gang pr. måned etter overføring fra søker til elev») expands to a
   reminder on the 1st of every month after its anchor's month, up to 31 July Y+1.
6. Dates on a Saturday, Sunday or public holiday are flagged, never moved: single dates and
   both ends of short ranges; not weeks, month-long ranges («I løpet av august») or the
   monthly reminders, whose exact day the seed does not fix.
Years 2020–2039 in the texts are read as seed-relative («skoleåret 2022-2023») and shifted too;
earlier years («fom 2009») are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from vitnemal.arshjul.helligdager import flagg_for
from vitnemal.arshjul.model import MAANEDSNAVN, Arshjul, Art, Flagg, Hendelse, Oppforing

_YEAR = re.compile(r"\b20[23]\d\b")


@dataclass(frozen=True, slots=True)
class Datoer:
    """New dates for one entry (from an override file)."""

    start: date
    slutt: date


def span(start_year: int) -> tuple[date, date]:
    """First and last day an årshjul for school year ``start_year`` may hold.

    >>> span(2025)
    (datetime.date(2025, 7, 1), datetime.date(2026, 8, 31))
    """
    return date(start_year, 7, 1), date(start_year + 1, 8, 31)


def shift_year(day: date, years: int) -> tuple[date, list[Flagg]]:
    """Same day and month ``years`` later; 29 February falls back to 28 February (flagged)."""
    try:
        return day.replace(year=day.year + years), []
    except ValueError:
        moved = day.replace(year=day.year + years, day=28)
        return moved, [Flagg(dato=moved, grunn="28. februar fordi 29. februar ikke finnes")]


def shift_text(text: str | None, years: int) -> str | None:
    """Shift seed-relative years in a text.

    >>> shift_text("skoleåret 2022-2023, fom 2009, pr 01.03.2024", 2)
    'skoleåret 2024-2025, fom 2009, pr 01.03.2026'
    """
    if text is None or years == 0:
        return text
    return _YEAR.sub(lambda m: str(int(m.group()) + years), text)


def _base_dates(o: Oppforing, years: int) -> tuple[date, date, list[Flagg]]:
    if o.art == Art.DATO:
        day, flags = shift_year(o.dato, years)
        return day, day, flags
    if o.art == Art.PERIODE:
        start, f1 = shift_year(o.start, years)
        slutt, f2 = shift_year(o.slutt, years)
        return start, slutt, f1 + f2
    # Art.UKE
    year = o.aar + years
    flags: list[Flagg] = []
    weeks = []
    for week in (o.uker[0], o.uker[-1]):
        try:
            weeks.append(date.fromisocalendar(year, week, 1))
        except ValueError:
            fallback = date.fromisocalendar(year, 52, 1)
            weeks.append(fallback)
            flags.append(Flagg(dato=fallback, grunn=f"uke {week} finnes ikke i {year}"))
    return weeks[0], weeks[1] + timedelta(days=6), flags


def _delta(oid: str, index: dict[str, Oppforing], moves: dict[str, int]) -> tuple[int, str | None]:
    """Days an entry moves because its anchor (chain) was overridden, and the anchor's id."""
    current = index[oid].folger
    while current:
        if current in moves:
            return moves[current], current
        current = index[current].folger
    return 0, None


def _monthly(first_after: date, last: date) -> list[date]:
    month = date(first_after.year, first_after.month, 1)
    days = []
    while True:
        month = (month + timedelta(days=32)).replace(day=1)
        if month > last:
            return days
        days.append(month)


def _oppdater_referanser(h: Hendelse, final: dict[str, Hendelse],
                         base: dict[str, tuple[date, date, list[Flagg]]]) -> Hendelse:
    """Ref: 000 september 2023 — a cross-reference («Se 25. september») names the date of the
    entry it points at: when that entry is overridden or moved, the text names its new date.
    References the seed itself gets wrong (``avvik``) are left as written."""
    hva, kommentar = h.hva, h.kommentar
    for r in h.oppforing.referanser:
        mal = final.get(r.id)
        if r.avvik or mal is None or mal.start == base[r.id][0]:
            continue
        ny = f"{mal.start.day}. {MAANEDSNAVN[mal.start.month - 1]}"
        hva = hva.replace(r.tekst, ny)
        kommentar = kommentar.replace(r.tekst, ny) if kommentar else kommentar
    if (hva, kommentar) == (h.hva, h.kommentar):
        return h
    return h.model_copy(update={"hva": hva, "kommentar": kommentar})


def derive(arshjul: Arshjul, start_year: int,
           overstyring: dict[str, Datoer] | None = None) -> list[Hendelse]:
    """All occurrences of the årshjul for school year ``start_year``–``start_year+1``.

    Ref: 000 juli 2023 — «same day and month; entries whose seed text ties them to another
    entry move with it»; weekend/holiday dates are flagged, not moved.
    """
    overstyring = overstyring or {}
    years = start_year - arshjul.start_year
    skolear = f"{start_year}-{start_year + 1}"
    index = arshjul.by_id()
    base: dict[str, tuple[date, date, list[Flagg]]] = {
        o.id: _base_dates(o, years) for o in arshjul.oppforinger if o.art != Art.GJENTAKENDE
    }
    moves = {oid: (d.start - base[oid][0]).days for oid, d in overstyring.items() if oid in base}
    final: dict[str, Hendelse] = {}
    for o in arshjul.oppforinger:
        if o.art == Art.GJENTAKENDE:
            continue
        start, slutt, flags = base[o.id]
        overstyrt, anchor = False, None
        if o.id in overstyring:
            start, slutt, overstyrt, flags = overstyring[o.id].start, overstyring[o.id].slutt, True, []
        else:
            delta, anchor = _delta(o.id, index, moves)
            if delta:
                start, slutt = start + timedelta(days=delta), slutt + timedelta(days=delta)
        if o.art == Art.DATO or (o.art == Art.PERIODE and (slutt - start).days < 27):
            for day in sorted({start, slutt}):
                flags = flags + flagg_for(day)
        final[o.id] = Hendelse(
            oppforing=o, skolear=skolear, start=start, slutt=slutt,
            hva=shift_text(o.hva, years), kommentar=shift_text(o.kommentar, years),
            flagg=tuple(flags), overstyrt=overstyrt, flyttet_med=anchor)
    result = [_oppdater_referanser(h, final, base) for h in final.values()]
    for o in arshjul.oppforinger:
        if o.art != Art.GJENTAKENDE:
            continue
        last, _ = shift_year(o.slutt, years)
        for nr, day in enumerate(_monthly(final[o.etter].slutt, last), start=1):
            result.append(Hendelse(
                oppforing=o, skolear=skolear, start=day, slutt=day, nr=nr,
                hva=shift_text(o.hva, years), kommentar=shift_text(o.kommentar, years)))
    return result
