"""``vitnemal db migrate|status|bruker|backup|restore`` — create or upgrade the register's
schema, show where it is, add users, back it up and restore it (the databases' own tools,
``store.sikkerhetskopi``)."""

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
    k = dsub.add_parser("backup", help="ta sikkerhetskopi av registeret til en fil")
    k.add_argument("fil", metavar="FIL")
    k.add_argument("--json", action="store_true")
    k.set_defaults(func=beskyttet(backup))
    r = dsub.add_parser("restore", help="erstatt registerets innhold med en sikkerhetskopi")
    r.add_argument("fil", metavar="FIL")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=beskyttet(restore))


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


def backup(args) -> int:
    from pathlib import Path

    from vitnemal.io.skriv import klargjor_fil
    from vitnemal.store import oppsett, sikkerhetskopi

    oppsett.krev_skjema()
    fil = klargjor_fil(args.fil)
    tmp = fil.with_name(f".{fil.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        metode = sikkerhetskopi.backup(tmp)
        Path(tmp).replace(fil)
    finally:
        tmp.unlink(missing_ok=True)
    if args.json:
        dump_json({"database": oppsett.beskrivelse(), "fil": str(fil), "metode": metode})
    else:
        print(f"sikkerhetskopi av {oppsett.beskrivelse()} skrevet til {fil} ({metode})")
    return 0


def restore(args) -> int:
    from pathlib import Path

    from vitnemal.store import oppsett, sikkerhetskopi

    oppsett.start()
    fil = oppsett.sqlite_fil()
    if fil is not None:
        fil.parent.mkdir(parents=True, exist_ok=True)
    metode = sikkerhetskopi.restore(Path(args.fil))
    oppsett.krev_skjema()
    if args.json:
        dump_json({"database": oppsett.beskrivelse(), "fil": args.fil, "metode": metode})
    else:
        print(f"{oppsett.beskrivelse()} gjenopprettet fra {args.fil} ({metode})")
    return 0
