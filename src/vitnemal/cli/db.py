"""``vitnemal db migrate|status|bruker`` — create or upgrade the register's schema, show
where it is, add users."""

from __future__ import annotations

from vitnemal.cli.common import dump_json
from vitnemal.cli.registerfelles import beskyttet, brukernavn


def register(sub) -> None:
    p = sub.add_parser("db", help="opprett eller oppgrader registeret",
                       description="Registerets database: «migrate» oppretter eller oppgraderer "
                       "skjemaet (SQLite-filen lages ved første bruk; PostgreSQL via "
                       "DATABASE_URL), «status» viser hvor registeret er, «bruker» legger til en "
                       "bruker.")
    dsub = p.add_subparsers(dest="db_kommando", metavar="KOMMANDO", required=True)
    m = dsub.add_parser("migrate", help="opprett eller oppgrader skjemaet")
    m.add_argument("--bruker", metavar="NAVN",
                   help="bruker som opprettes med tilgang til registeret (standard: "
                   "VITNEMAL_BRUKER, ellers innloggingsnavnet)")
    m.add_argument("--json", action="store_true")
    m.set_defaults(func=beskyttet(migrate))
    s = dsub.add_parser("status", help="vis hvor registeret er og om skjemaet er oppdatert")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=beskyttet(status))
    b = dsub.add_parser("bruker", help="legg til en bruker med tilgang til registeret")
    b.add_argument("navn")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=beskyttet(bruker))


def migrate(args) -> int:
    from vitnemal.store import oppsett

    brukte = oppsett.migrer()
    from vitnemal.store.services import brukere

    navn = brukernavn(args)
    _, ny = brukere.opprett(navn)
    if args.json:
        dump_json({"database": oppsett.beskrivelse(), "migreringer": brukte, "bruker": navn,
                   "ny_bruker": ny})
        return 0
    print(f"registeret: {oppsett.beskrivelse()}")
    print(f"{len(brukte)} migrering(er) kjørt" if brukte else "skjemaet er oppdatert")
    if ny:
        print(f"bruker {navn} opprettet med tilgang til registeret")
    return 0


def status(args) -> int:
    from vitnemal.store import oppsett

    oppsett.krev_skjema()
    if args.json:
        dump_json({"database": oppsett.beskrivelse(), "oppdatert": True})
    else:
        print(f"registeret: {oppsett.beskrivelse()}; skjemaet er oppdatert")
    return 0


def bruker(args) -> int:
    from vitnemal.cli.registerfelles import start

    aktor = start(args)
    from vitnemal.store import tilgang
    from vitnemal.store.services import brukere

    tilgang.krev(aktor, "forvalte")
    _, ny = brukere.opprett(args.navn, av=aktor)
    if args.json:
        dump_json({"bruker": args.navn, "ny": ny})
    else:
        print(f"bruker {args.navn} {'opprettet' if ny else 'finnes allerede'}")
    return 0
