"""``vitnemal web [--demo] [--port N]`` — start the web application on this machine.

``--demo`` first builds a demo register (the embedded SQLite unless DATABASE_URL/VITNEMAL_DB
say otherwise): migrate, import eksempler/, one demo user per role, printed. Without it the
register is only migrated. Serves with Django's development server on loopback; production
runs gunicorn (README, «Webapplikasjonen»).
"""

from __future__ import annotations

from vitnemal.cli.registerfelles import beskyttet


def register(sub) -> None:
    p = sub.add_parser("web", help="start webapplikasjonen (saksbehandling i nettleseren)",
                       description="Starter webapplikasjonen på denne maskinen. Med --demo "
                       "lages først et demoregister med eksemplene og én demobruker per rolle.")
    p.add_argument("--demo", action="store_true",
                   help="importer eksempler/ og opprett demobrukere (skrives ut)")
    p.add_argument("--port", type=int, default=8000, metavar="N", help="standard: 8000")
    p.add_argument("--bare-oppsett", action="store_true",
                   help="gjør oppsettet og avslutt uten å starte tjeneren")
    p.set_defaults(func=beskyttet(run))


def run(args) -> int:
    from vitnemal.store import oppsett

    oppsett.start()
    if args.demo:
        from vitnemal.web import demo

        brukere = demo.opprett()
        print(f"demoregister: {oppsett.beskrivelse()}")
        print(f"demobrukere (passord: {demo.PASSORD}):")
        for b in brukere:
            hvor = {"A": demo.SKOLE_A["navn"], "B": demo.SKOLE_B["navn"],
                    "fylke A": f"fylke {demo.SKOLE_A['fylke'][1]}"}[b.hvor]
            print(f"  {b.navn:16} {b.rolle:14} {hvor}")
    else:
        oppsett.migrer()
    if args.bare_oppsett:
        return 0
    from django.core.management import call_command

    print(f"åpne http://127.0.0.1:{args.port}/ i nettleseren (Ctrl+C avslutter)", flush=True)
    call_command("runserver", f"127.0.0.1:{args.port}", use_reloader=False, use_threading=True)
    return 0
