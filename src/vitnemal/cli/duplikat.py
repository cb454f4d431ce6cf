"""``vitnemal duplikat NUMMER`` — a duplicate from the stored document (001 §2.11)."""

from __future__ import annotations

from datetime import date

from vitnemal.cli.common import dump_json, parse_dato
from vitnemal.cli.registerfelles import add_felles, beskyttet, formal, start


def register(sub) -> None:
    p = sub.add_parser("duplikat", help="utsted duplikat av et dokument i registeret",
                       description="Duplikat (001 §2.11): stemplet DUPLIKAT, ny dato og "
                       "underskrift, ellers identisk med det lagrede originalen. Med "
                       "--nytt-nummer får duplikatet nytt nummer; er originalen et "
                       "førstegangsvitnemål, annulleres den.")
    p.add_argument("nummer", help="originalens dokumentnummer")
    p.add_argument("--nytt-nummer", action="store_true",
                   help="nytt nummer (alternativ 3 i 001 §2.11)")
    p.add_argument("--dato", type=parse_dato, metavar="ÅÅÅÅ-MM-DD",
                   help="duplikatets dato (standard: i dag)")
    add_felles(p)
    p.set_defaults(func=beskyttet(run))


def run(args) -> int:
    bruker = start(args)
    from vitnemal.store import selectors
    from vitnemal.store.services import duplikat

    grunn = formal(args, "vitnemal duplikat")
    original = selectors.dokument(bruker, args.nummer, formal=grunn)
    rad = duplikat.utsted_duplikat(bruker, original, dato=args.dato or date.today(),
                                   nytt_nummer=args.nytt_nummer, formal=grunn)
    ref = rad.nummer if rad.tildelt else f"{rad.nummer}/{rad.pk}"
    if args.json:
        dump_json({"duplikat": ref, "nummer": rad.nummer, "id": rad.pk,
                   "original": original.nummer, "nytt_nummer": rad.tildelt})
    else:
        print(f"duplikat {ref} av {original.nummer} utstedt"
              + ("" if rad.tildelt else " (uendret nummer)"))
    return 0
