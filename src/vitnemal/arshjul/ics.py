"""Export occurrences as an RFC 5545 calendar (``icalendar``), written atomically.

Ref: 000 juli 2023 (the issue: «one event per entry, category as CATEGORIES, the full text in
DESCRIPTION, stable UIDs so re-import updates instead of duplicating»)

All-day events (``DTSTART;VALUE=DATE``; ``DTEND`` is the day after the last day, exclusive).
The UID is ``<entry id>-<school year>@vitnemal``: the entry id comes from the seed and never
changes, so re-importing an updated file updates the events. The monthly rule becomes one
event with ``RRULE:FREQ=MONTHLY`` (one event per entry, not one per month).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event, vRecur

from vitnemal.arshjul.klarsjekk import KLARSJEKKER
from vitnemal.arshjul.model import Hendelse
from vitnemal.io.skriv import skriv_atomisk

PRODID = "-//vitnemal//arshjul VIGO Opplæring//NO"


def _description(h: Hendelse) -> str:
    o = h.oppforing
    lines = [o.tekst(h.hva, h.kommentar)]
    lines.append(f"Kategori: {o.kategori.navn}")
    if o.art.value == "gjentakende":
        lines.append(f"Gjentas: {o.regel} (påminnelse den 1. hver måned)")
    if o.klarsjekk:
        lines.append(f"Klarsjekk: {o.klarsjekk} ({KLARSJEKKER[o.klarsjekk].status})")
    lines += [f"OBS: {f}" for f in h.flagg]
    if h.overstyrt:
        lines.append("Dato overstyrt for dette skoleåret.")
    if h.flyttet_med:
        lines.append(f"Flyttet sammen med {h.flyttet_med}.")
    lines.append(f"Kilde: {o.ref}, linje {o.linje} (id {o.id})")
    return "\n".join(lines)


def build_calendar(hendelser: list[Hendelse], stamp: datetime, navn: str) -> Calendar:
    """A calendar with one VEVENT per entry; ``stamp`` is DTSTAMP (passed in, no clock)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", navn)
    seen: dict[str, list[Hendelse]] = {}
    for h in hendelser:
        seen.setdefault(f"{h.oppforing.id}-{h.skolear}", []).append(h)
    for occurrences in seen.values():
        h = occurrences[0]
        event = Event()
        event.add("uid", f"{h.oppforing.id}-{h.skolear}@vitnemal")
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        # RFC 5545 §3.8.7.4: a rescheduled event needs a higher SEQUENCE for clients to take
        # the new date on re-import. The export is stateless, so a date set by the override
        # file (or moved with its anchor) is revision 1 of the derived date (docs/decisions.md).
        event.add("sequence", 1 if any(o.overstyrt or o.flyttet_med for o in occurrences) else 0)
        event.add("dtstart", h.start)
        event.add("dtend", h.slutt + timedelta(days=1))
        if len(occurrences) > 1 or h.nr is not None:
            event.add("rrule", vRecur(freq="MONTHLY", count=len(occurrences)))
        event.add("summary", h.hva if len(h.hva) <= 120 else h.hva[:117] + "…")
        event.add("description", _description(h))
        event.add("categories", [h.oppforing.kategori.navn])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal


def write_ics(path: Path, hendelser: list[Hendelse], stamp: datetime, navn: str) -> int:
    """Write the calendar to ``path`` whole or not at all (``io.skriv``); return the event
    count. A path that cannot be written raises ``InputError`` naming it, in Norwegian."""
    data = build_calendar(hendelser, stamp, navn).to_ical()
    skriv_atomisk(path, data)
    return data.count(b"BEGIN:VEVENT")
