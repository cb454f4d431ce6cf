"""``vitnemal worker`` — a background worker (issue 17): runs the batches' tasks from the
register's database (django-tasks-db's ``db_worker``), records a heartbeat, and hands the
chunks of dead workers to the live ones. Start as many as the machine has cores; more machines
against the same PostgreSQL scale a county (README, «Drift»)."""

from __future__ import annotations

import sys

from vitnemal.cli.registerfelles import beskyttet


def register(sub) -> None:
    p = sub.add_parser("worker", help="start en arbeider for masseutstedelser i bakgrunnen",
                       description="Kjører batchene som «vitnemal utsted --bakgrunn» legger i "
                       "køen, med hjerteslag i registeret. Stoppes med Ctrl+C eller SIGTERM "
                       "(oppgaven som kjører, fullføres).")
    p.add_argument("--intervall", type=float, default=1.0, metavar="SEK",
                   help="sekunder mellom hver titt i en tom kø (standard 1)")
    p.add_argument("--tom", action="store_true",
                   help="avslutt når køen er tom (i stedet for å vente på mer)")
    p.add_argument("--maks-oppgaver", type=int, metavar="N",
                   help="avslutt etter N oppgaver")
    p.set_defaults(func=beskyttet(run))


def run(args) -> int:
    from vitnemal.store import oppsett

    oppsett.krev_skjema()
    from django.core.management import call_command

    from vitnemal.store import drift

    ident = drift.ny_ident()
    drift.registrer(ident)
    slag = drift.Hjerteslag(ident)
    slag.start()
    print(f"arbeider {ident} startet ({oppsett.beskrivelse()})", file=sys.stderr, flush=True)
    valg = {"worker_id": ident, "interval": args.intervall, "batch": args.tom,
            "startup_delay": False, "reload": False, "verbosity": 0}
    if args.maks_oppgaver:
        valg["max_tasks"] = args.maks_oppgaver
    try:
        call_command("db_worker", **valg)
    except SystemExit as exc:  # the worker's signal handler exits
        return int(exc.code or 0)
    finally:
        slag.stoppes.set()
        slag.join(timeout=10)
        drift.stopp(ident)
        print(f"arbeider {ident} stoppet", file=sys.stderr, flush=True)
    return 0
