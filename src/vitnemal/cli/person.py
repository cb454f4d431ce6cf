"""``vitnemal person nytt-fnr ID --arsak …`` — a new fødselsnummer for a person (read from
stdin, never from the command line)."""

from __future__ import annotations

from vitnemal.cli.common import dump_json
from vitnemal.cli.registerfelles import (
    add_felles,
    beskyttet,
    formal,
    les_fodselsnummer,
    parse_id,
    start,
)


def register(sub) -> None:
    p = sub.add_parser("person", help="personer i registeret: nytt fødselsnummer")
    psub = p.add_subparsers(dest="person_kommando", metavar="KOMMANDO", required=True)
    n = psub.add_parser("nytt-fnr", help="registrer nytt fødselsnummer (fra standard inn)",
                        description="D-nummer erstattet av fødselsnummer, fiktivt erstattet av "
                        "ekte (003 A01), nytt nummer etter bytte av juridisk kjønn (001 §2.12) "
                        "eller retting. Det gamle nummeret blir stående i historikken, og "
                        "elevmappen får en ny versjon.")
    n.add_argument("id", type=parse_id)
    n.add_argument("--arsak", required=True, choices=["d-til-f", "fiktivt", "kjonn", "retting"])
    n.add_argument("--merknad", default="")
    add_felles(n)
    n.set_defaults(func=beskyttet(nytt_fnr))


def nytt_fnr(args) -> int:
    bruker = start(args)
    from vitnemal.store import selectors
    from vitnemal.store.services import personer

    grunn = formal(args, "vitnemal person nytt-fnr")
    p = selectors.person(bruker, args.id, formal=grunn)
    personer.nytt_fodselsnummer(bruker, p, les_fodselsnummer(), arsak=args.arsak,
                                merknad=args.merknad, formal=grunn)
    if args.json:
        dump_json({"person": p.pk, "endret": True, "arsak": args.arsak})
    else:
        print(f"person {p.pk} har fått nytt fødselsnummer ({args.arsak})")
        if args.arsak == "kjonn":
            print("nytt dokument (001 §2.12): vitnemal utsted --nytt-fnr NUMMER")
    return 0
