"""``vitnemal skole registrer|liste|neste-nummer`` — issuers and their number series."""

from __future__ import annotations

from vitnemal.cli.common import dump_json
from vitnemal.cli.registerfelles import add_felles, beskyttet, formal, parse_ar, start
from vitnemal.errors import InputError


def register(sub) -> None:
    p = sub.add_parser("skole", help="skoler og fylkeskommuner som utsteder dokumenter",
                       description="Utstedere i registeret (001 §2.8): navn, sted, to "
                       "underskrivere, og neste løpenummer for en nummerserie.")
    ssub = p.add_subparsers(dest="skole_kommando", metavar="KOMMANDO", required=True)
    r = ssub.add_parser("registrer", help="registrer eller endre en skole")
    r.add_argument("--orgnr", required=True, help="organisasjonsnummer (9 sifre)")
    r.add_argument("--navn", required=True, help="skolens eller fylkeskommunens navn slik det "
                   "skrives ut")
    r.add_argument("--sted", required=True, help="stedet i «sted og dato»")
    r.add_argument("--underskriver", action="append", required=True, metavar="NAVN",
                   help="to ganger: rektor (eller den rektor gir myndighet) og den andre")
    r.add_argument("--skolenummer", default="", help="VIGO skolenummer (5 sifre)")
    r.add_argument("--fylke", metavar="NR:NAVN", help="fylkesnummer og navn, f.eks. 03:Oslo")
    r.add_argument("--utenlandsk", action="store_true",
                   help="godkjent norsk skole i utlandet med utenlandsk nummer (001 §2.8)")
    r.add_argument("--fylkeskommune", action="store_true",
                   help="utstederen er fylkeskommunen selv")
    add_felles(r)
    r.set_defaults(func=beskyttet(registrer))
    liste = ssub.add_parser("liste", help="vis skolene i registeret")
    add_felles(liste)
    liste.set_defaults(func=beskyttet(vis_liste))
    n = ssub.add_parser("neste-nummer",
                        help="sett neste løpenummer (fylke som flytter fra et annet system)")
    n.add_argument("orgnr")
    n.add_argument("--ar", required=True, type=parse_ar, help="utstedelsesår")
    n.add_argument("--neste", required=True, type=int, help="neste løpenummer (1–99999)")
    add_felles(n)
    n.set_defaults(func=beskyttet(neste_nummer))


def registrer(args) -> int:
    bruker = start(args)
    from vitnemal.store.services import skoler

    if len(args.underskriver) != 2:
        raise InputError("oppgi --underskriver nøyaktig to ganger (001 §2.8)")
    fylke = None
    if args.fylke:
        nr, _, navn = args.fylke.partition(":")
        if not (len(nr) == 2 and nr.isdigit() and navn.strip()):
            raise InputError("--fylke skrives NR:NAVN, f.eks. 03:Oslo")
        fylke = (nr, navn.strip())
    skole, ny = skoler.registrer(
        bruker, orgnr=args.orgnr, navn=args.navn, sted=args.sted,
        underskrivere=tuple(args.underskriver), skolenummer=args.skolenummer, fylke=fylke,
        utenlandsk=args.utenlandsk, er_fylkeskommune=args.fylkeskommune,
        formal=formal(args, "vitnemal skole registrer"))
    if args.json:
        dump_json({"orgnr": skole.orgnr, "navn": skole.navn, "ny": ny})
    else:
        print(f"skole {skole.orgnr} {skole.navn} {'registrert' if ny else 'oppdatert'}")
    return 0


def vis_liste(args) -> int:
    start(args)
    from vitnemal.store.models import Skole

    skoler = list(Skole.objects.select_related("fylke").order_by("orgnr"))
    if args.json:
        dump_json([{"orgnr": s.orgnr, "navn": s.navn, "sted": s.sted,
                    "skolenummer": s.skolenummer, "fylke": s.fylke.navn if s.fylke else "",
                    "underskrivere": [s.underskriver_1, s.underskriver_2]} for s in skoler])
    else:
        for s in skoler:
            print(f"{s.orgnr}  {s.navn}, {s.sted}  ({s.underskriver_1}; {s.underskriver_2})")
    return 0


def neste_nummer(args) -> int:
    bruker = start(args)
    from vitnemal.store.services import skoler

    skole = skoler.finn(args.orgnr)
    forrige = skoler.sett_neste_nummer(bruker, skole, args.ar, args.neste,
                                       formal=formal(args, "vitnemal skole neste-nummer"))
    if args.json:
        dump_json({"orgnr": skole.orgnr, "ar": args.ar, "neste": args.neste,
                   "forrige_siste": forrige})
    else:
        print(f"neste løpenummer for {skole.orgnr} i {args.ar} er {args.neste:05d}")
    return 0
