"""``vitnemal arshjul klar [--dato D] [--dager N] [--skole ORGNR] [--json]`` — the readiness
checks (``arshjul.klarsjekk``) run against the register.

Prints every check with its count and the persons concerned (name, person id and record
version; never the fødselsnummer), and the deadlines within the next N days that use it (the
årshjul's entries with a klarsjekk, and NVB's 1 July). Exit status 1 when a check that a
deadline within the window depends on is not met, else 0; 2 for usage errors.
"""

from __future__ import annotations

from datetime import date, timedelta

from vitnemal.cli.common import dump_json, parse_dato
from vitnemal.cli.registerfelles import add_felles, beskyttet, formal, start
from vitnemal.errors import InputError

#: How many persons are shown per check in the text report (--json has all).
VIS = 20


def register(arshjulsub) -> None:
    k = arshjulsub.add_parser(
        "klar", help="kjør klarsjekkene mot registeret",
        description="Kjører klarsjekkene mot registeret: antall og hvem (navn, person-id og "
        "versjon av elevmappen, aldri fødselsnummer) for hver sjekk, og fristene de neste N "
        "dagene som bruker den. Avslutter med status 1 når en sjekk med frist innen N dager "
        "ikke er oppfylt.")
    k.add_argument("--dato", type=parse_dato, metavar="ÅÅÅÅ-MM-DD",
                   help="dagens dato (standard: i dag)")
    k.add_argument("--dager", type=int, default=30, metavar="N",
                   help="frister innen så mange dager teller (standard: %(default)s)")
    k.add_argument("--skole", metavar="ORGNR", help="bare elevmapper og dokumenter ved skolen")
    add_felles(k)
    k.set_defaults(func=beskyttet(run))


def run(args) -> int:
    from vitnemal.arshjul.klarsjekk import KLARSJEKKER, frister
    from vitnemal.arshjul.loader import seed_arshjul
    from vitnemal.arshjul.queries import timeline

    if args.dager < 0:
        raise InputError("--dager kan ikke være negativt")
    dato = args.dato or date.today()
    til = dato + timedelta(days=args.dager)
    fristliste = frister(timeline(seed_arshjul(), dato, til), dato, til)
    bruker = start(args)
    from vitnemal.store import klar
    from vitnemal.store.services import skoler

    skole = skoler.finn(args.skole) if args.skole else None
    resultater = klar.kjor(bruker, list(KLARSJEKKER), dato=dato, skole=skole,
                           formal=formal(args, "vitnemal arshjul klar"))
    per_sjekk = {r.navn: r for r in resultater}
    brutt = [f for f in fristliste if per_sjekk[f.klarsjekk].antall]
    if args.json:
        dump_json({"dato": dato.isoformat(), "til": til.isoformat(),
                   "frister": [{"dato": f.dato.isoformat(), "hva": f.hva, "kilde": f.kilde,
                                "klarsjekk": f.klarsjekk,
                                "oppfylt": not per_sjekk[f.klarsjekk].antall}
                               for f in fristliste],
                   "sjekker": [r.as_dict() for r in resultater]})
        return 1 if brutt else 0
    print(f"Klarsjekker {dato.isoformat()} (frister til og med {til.isoformat()})"
          + (f", skole {skole.orgnr}" if skole else "") + ":")
    for r in resultater:
        mine = [f for f in fristliste if f.klarsjekk == r.navn]
        status = "OK" if not r.antall else f"{r.antall} berørt(e)"
        print(f"\n{r.navn}: {status}")
        for f in mine:
            print(f"  frist {f.dato.isoformat()} ({f.kilde}): {f.hva}")
        for b in r.berorte[:VIS]:
            versjon = f", versjon {b.versjon}" if b.versjon is not None else ""
            print(f"  person {b.person_id}{versjon} {b.navn}: {b.detalj}")
        if r.antall > VIS:
            print(f"  … og {r.antall - VIS} til (--json viser alle)")
    if brutt:
        print(f"\nIkke klar: {len(brutt)} frist(er) innen {args.dager} dager er ikke oppfylt.")
        return 1
    print(f"\nKlar: alle frister innen {args.dager} dager er oppfylt.")
    return 0
