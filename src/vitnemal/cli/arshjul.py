"""`vitnemal arshjul` — VIGO's annual calendar of deadlines and deliveries (seed 000).

Lists entries in date order with all fields (default: the next 30 days from --dato/today),
filters by --fra/--til, --uke, --maaned and --kategori, prints JSON with --json, writes an
RFC 5545 calendar with --ics, and lists the readiness checks with --klarsjekker.
Only this layer reads the clock (``date.today()``); everything below gets ``today`` passed in.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from vitnemal.arshjul import ics
from vitnemal.arshjul.klarsjekk import KLARSJEKKER, NVB_SJEKKER
from vitnemal.arshjul.loader import school_year_of, school_year_start, seed_arshjul
from vitnemal.arshjul.model import UKEDAGER, Hendelse, Kategori
from vitnemal.arshjul.overstyring import default_file, file_school_year, load_overstyring
from vitnemal.arshjul.queries import (
    for_school_year,
    month_window,
    parse_kategori,
    timeline,
    week_window,
)
from vitnemal.cli.common import OK, parse_dato
from vitnemal.errors import InputError
from vitnemal.meldinger import antall


def register(sub) -> None:
    p = sub.add_parser("arshjul", help="VIGOs årshjul: frister og leveranser (000)",
                       description="VIGO Opplæring sitt årshjul: frister og dataleveranser.")
    p.add_argument("--skolear", metavar="ÅÅÅÅ-ÅÅÅÅ",
                   help="skoleår, f.eks. 2025-2026 (uten: hele tidslinjen)")
    p.add_argument("--fra", type=parse_dato, metavar="ÅÅÅÅ-MM-DD", help="fra og med dato")
    p.add_argument("--til", type=parse_dato, metavar="ÅÅÅÅ-MM-DD", help="til og med dato")
    p.add_argument("--uke", type=int, metavar="N",
                   help="ISO-uke i skoleåret (31–53 høst, 1–30 vår)")
    p.add_argument("--maaned", type=int, metavar="M", help="måned 1–12 i skoleåret")
    p.add_argument("--kategori", metavar="KATEGORI",
                   help="kategori: " + ", ".join(k.value for k in Kategori))
    p.add_argument("--json", action="store_true", help="skriv JSON")
    p.add_argument("--ics", metavar="FIL", help="skriv kalenderfil (RFC 5545)")
    p.add_argument("--overstyring", metavar="FIL", help="overstyringsfil for et skoleår")
    p.add_argument("--dato", type=parse_dato, metavar="ÅÅÅÅ-MM-DD",
                   help="dagens dato (standard: i dag)")
    p.add_argument("--klarsjekker", action="store_true",
                   help="vis oppføringer med klarsjekk og sjekkregisteret")
    p.set_defaults(func=run)
    from vitnemal.cli import arshjul_klar

    arshjul_klar.register(p.add_subparsers(dest="arshjul_kommando", metavar="KOMMANDO"))


def _overrides(args, arshjul):
    extra = Path(args.overstyring) if args.overstyring else None
    extra_year = file_school_year(extra) if extra else None
    cache: dict[int, dict] = {}

    def lookup(year: int):
        if year not in cache:
            skolear = f"{year}-{year + 1}"
            path = extra if skolear == extra_year else default_file(skolear)
            cache[year] = load_overstyring(path, arshjul, skolear) if path else {}
        return cache[year]

    if extra:  # validate the given file up front, even if no date of it is shown
        lookup(school_year_start(extra_year))
    return lookup


# The school years the årshjul is shown for: derived dates, holidays and the weeks of a school
# year must stay inside the calendar Python can count (years 1–9999) with room to spare.
FORSTE_AR, SISTE_AR = 1900, 2998


def _innenfor(args, today: date) -> None:
    """Every date and school year asked for lies in the range the årshjul can be derived for."""
    forste, siste = date(FORSTE_AR, 8, 1), date(SISTE_AR + 1, 7, 31)
    for navn, dag in (("--dato", today), ("--fra", args.fra), ("--til", args.til)):
        if dag is not None and not forste <= dag <= siste:
            raise InputError(f"{navn} {dag.isoformat()} er utenfor det årshjulet kan vises for "
                             f"({forste.isoformat()}–{siste.isoformat()})")
    if args.skolear and not FORSTE_AR <= school_year_start(args.skolear) <= SISTE_AR:
        raise InputError(f"--skolear {args.skolear} er utenfor det årshjulet kan vises for "
                         f"({FORSTE_AR}-{FORSTE_AR + 1} til {SISTE_AR}-{SISTE_AR + 1})")


def _select(args, today: date) -> tuple[list[Hendelse], str]:
    _innenfor(args, today)
    arshjul = seed_arshjul()
    overrides = _overrides(args, arshjul)
    kategori = parse_kategori(args.kategori) if args.kategori else None
    windows = [bool(args.fra or args.til), args.uke is not None, args.maaned is not None]
    if sum(windows) > 1:
        raise InputError("bruk bare én av --fra/--til, --uke og --maaned")
    year = school_year_start(args.skolear) if args.skolear else None
    if args.overstyring and year is not None:
        fil_ar = file_school_year(Path(args.overstyring))
        if school_year_start(fil_ar) != year:
            raise InputError(f"{args.overstyring}: overstyringsfilen gjelder skoleåret {fil_ar}, "
                             f"men --skolear er {args.skolear}; ingenting er brukt")
    base_year = year if year is not None else school_year_start(school_year_of(today))
    fra = til = None
    if args.fra or args.til:
        if not (args.fra and args.til):
            raise InputError("--fra og --til må brukes sammen")
        fra, til = args.fra, args.til
    elif args.uke is not None:
        fra, til = week_window(args.uke, base_year)
    elif args.maaned is not None:
        fra, til = month_window(args.maaned, base_year)
    if year is not None or args.ics and fra is None:
        year = base_year
        return (for_school_year(arshjul, year, overrides, fra, til, kategori),
                f"Årshjul VIGO Opplæring {year}-{year + 1}")
    if fra is None:
        fra, til = today, today + timedelta(days=30)
    return (timeline(arshjul, fra, til, overrides, kategori),
            f"Årshjul VIGO Opplæring {fra.isoformat()}–{til.isoformat()}")


def as_dict(h: Hendelse) -> dict:
    o = h.oppforing
    return {
        "uid": h.uid, "id": o.id, "skolear": h.skolear, "start": h.start.isoformat(),
        "slutt": h.slutt.isoformat(), "art": o.art.value, "dato_tekst": o.dato_tekst,
        "fra": o.fra, "hva": h.hva, "til": o.til, "kommentar": h.kommentar,
        "kategori": o.kategori.value, "kategorinavn": o.kategori.navn,
        "rapportkoder": list(o.rapportkoder),
        "referanser": [r.id for r in o.referanser], "folger": o.folger,
        "klarsjekk": o.klarsjekk,
        "klarsjekk_status": KLARSJEKKER[o.klarsjekk].status if o.klarsjekk else None,
        "flagg": [str(f) for f in h.flagg], "overstyrt": h.overstyrt,
        "flyttet_med": h.flyttet_med, "gjentakelse": h.nr, "ref": o.ref, "linje": o.linje,
    }


def _when(h: Hendelse) -> str:
    day = f"{h.start.isoformat()} {UKEDAGER[h.start.weekday()][:3]}"
    if h.slutt != h.start:
        day += f" – {h.slutt.isoformat()} {UKEDAGER[h.slutt.weekday()][:3]}"
    return day


def format_text(hendelser: list[Hendelse]) -> str:
    out = []
    for h in hendelser:
        o = h.oppforing
        out.append(f"{_when(h)}  [{o.kategori.value}]  {o.id}")
        if o.dato_tekst:
            out.append(f"  Når:        {o.dato_tekst}" + (f" (gang {h.nr})" if h.nr else ""))
        for label, value in (("Fra", o.fra), ("Hva", h.hva), ("Til", o.til),
                             ("Kommentar", h.kommentar)):
            if value:
                out.append(f"  {label + ':':<11} {value}")
        if o.rapportkoder:
            out.append(f"  Rapporter:  {', '.join(o.rapportkoder)}")
        if o.referanser:
            out.append(f"  Se:         {', '.join(r.id for r in o.referanser)}")
        if o.klarsjekk:
            out.append(f"  Klarsjekk:  {o.klarsjekk} ({KLARSJEKKER[o.klarsjekk].status})")
        for f in h.flagg:
            out.append(f"  OBS:        {f}")
        if h.overstyrt:
            out.append("  Overstyrt:  ja")
        if h.flyttet_med:
            out.append(f"  Flyttet med: {h.flyttet_med}")
        out.append(f"  Kilde:      {o.ref}, linje {o.linje}")
        out.append("")
    return "\n".join(out) if out else "Ingen oppføringer i utvalget."


def format_klarsjekker() -> str:
    out = ["Klarsjekker (kjøres mot registeret med «vitnemal arshjul klar»):"]
    users: dict[str, list[str]] = {}
    for o in seed_arshjul().oppforinger:
        if o.klarsjekk:
            users.setdefault(o.klarsjekk, []).append(o.id)
    for check in KLARSJEKKER.values():
        out.append(f"- {check.navn} ({check.status}): {check.beskrivelse}")
        for oid in users.get(check.navn, []):
            out.append(f"    {oid}")
        if check.navn in NVB_SJEKKER:
            out.append("    NVB: dokumentene synlige i Nasjonal vitnemålsdatabase 1. juli")
    return "\n".join(out)


def run(args) -> int:
    """Exit status 0; 2 for a bad option, override file or ``--ics`` path (nothing written)."""
    today = args.dato or date.today()
    if args.klarsjekker:
        print(format_klarsjekker())
        return OK
    hendelser, navn = _select(args, today)
    if args.ics:
        stamp = datetime.combine(today, datetime.min.time(), tzinfo=UTC)
        count = ics.write_ics(Path(args.ics), hendelser, stamp, navn)
        print(f"Skrev {antall(count, 'hendelse', 'hendelser')} til {args.ics}", file=sys.stderr)
        return OK
    if args.json:
        print(json.dumps([as_dict(h) for h in hendelser], ensure_ascii=False, indent=2))
    else:
        print(format_text(hendelser))
    return OK
