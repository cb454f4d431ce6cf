"""``vitnemal helse`` — the register's health (issue 17): database and schema, live workers,
batches waiting (``store.drift.helse``, also the web's health endpoint)."""

from __future__ import annotations

import sys

from vitnemal.cli.common import dump_json
from vitnemal.cli.registerfelles import beskyttet


def register(sub) -> None:
    p = sub.add_parser("helse", help="vis om registeret og arbeiderne er friske",
                       description="Sjekker at databasen svarer og skjemaet er oppdatert, og "
                       "viser arbeiderne med ferskt hjerteslag og batcher som venter. Avslutter "
                       "med status 1 når noe er galt.")
    p.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    p.set_defaults(func=beskyttet(run))


def run(args) -> int:
    from vitnemal.store import oppsett

    oppsett.start()
    from vitnemal.store import drift

    h = drift.helse()
    if args.json:
        dump_json(h)
    else:
        print(f"status: {h['status']} ({h['database']})")
        for nokkel in ("feil", "advarsel"):
            if nokkel in h:
                print(f"{nokkel}: {h[nokkel]}")
        if "arbeidere" in h:
            print(f"arbeidere: {len(h['arbeidere'])}; aktive batcher: {h['aktive_batcher']}; "
                  f"deler som venter: {h['ventende_deler']}")
            for a in h["arbeidere"]:
                print(f"  {a['ident']} (sist sett {a['sist_sett']})")
    if h["status"] != "ok":
        print(f"registeret er ikke friskt: {h.get('feil') or h.get('advarsel')}",
              file=sys.stderr)
    return 0 if h["status"] == "ok" else 1
