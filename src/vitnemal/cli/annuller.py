"""``vitnemal annuller NUMMER --arsak KODE`` — annul an issued document (NVB ¤D)."""

from __future__ import annotations

from datetime import date

from vitnemal.cli.common import dump_json, parse_dato
from vitnemal.cli.registerfelles import add_felles, beskyttet, formal, start


def register(sub) -> None:
    p = sub.add_parser("annuller", help="annuller et utstedt dokument",
                       description="Annullerer dokumentet med NVBs årsakskoder: KLA (klage), "
                       "FEI (feil), NVB, ANN (annet). Dokumentet blir stående i registeret, "
                       "merket annullert.")
    p.add_argument("nummer")
    p.add_argument("--arsak", required=True, choices=["KLA", "FEI", "NVB", "ANN"])
    p.add_argument("--dato", type=parse_dato, metavar="ÅÅÅÅ-MM-DD",
                   help="annulleringsdato (standard: i dag)")
    p.add_argument("--saksbehandler", default="", help="standard: brukeren")
    p.add_argument("--tekst", default="", help="fritekst")
    p.add_argument("--erstattet-av", metavar="NUMMER", help="dokumentet som erstatter det")
    add_felles(p)
    p.set_defaults(func=beskyttet(run))


def run(args) -> int:
    bruker = start(args)
    from vitnemal.store import selectors
    from vitnemal.store.services import annullering

    grunn = formal(args, "vitnemal annuller")
    dok = selectors.dokument(bruker, args.nummer, formal=grunn)
    ny = selectors.dokument(bruker, args.erstattet_av, formal=grunn) if args.erstattet_av else None
    a = annullering.annuller(bruker, dok, arsak=args.arsak, dato=args.dato or date.today(),
                             saksbehandler=args.saksbehandler, fritekst=args.tekst,
                             erstattet_av=ny, formal=grunn)
    if args.json:
        dump_json({"annullert": dok.nummer, "arsak": a.arsak, "dato": a.dato.isoformat(),
                   "erstattet_av": ny.nummer if ny else ""})
    else:
        print(f"{dok.nummer} annullert {a.dato.isoformat()} ({a.arsak})"
              + (f", erstattet av {ny.nummer}" if ny else ""))
    return 0
