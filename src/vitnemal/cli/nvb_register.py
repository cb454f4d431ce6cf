"""``vitnemal nvb eksport`` and ``vitnemal nvb import``: the register's side of the ¤-files.

``eksport`` writes every document issued and every annulment made that NVB has not had yet as
one ¤-file and records the delivery; ``--test`` writes a T-numbered test file that is not
recorded. ``import`` brings documents issued by another system into the register.
Exit status: 0 done (also: nothing new to deliver), 1 refused, 2 usage or unreadable input.
"""

from __future__ import annotations

import sys

from vitnemal.cli.common import dump_json, parse_dato
from vitnemal.cli.registerfelles import add_felles, beskyttet, formal, start


def register(nvbsub) -> None:
    e = nvbsub.add_parser(
        "eksport", help="lag leveransefil (¤-fil) til NVB fra registeret",
        description="Skriver alle dokumenter som er utstedt, og alle annulleringer som er gjort, "
        "og som ikke er levert til NVB før: ¤A per organisasjonsnummer, ¤V ¤P ¤F ¤M per "
        "dokument og ¤D per annullering. Leveransen registreres (hva, når, fil, SHA-256), så "
        "neste eksport bare tar med det nye. Dokumenter for personer med fiktivt "
        "fødselsnummer fra VIGO leveres ikke, men listes for oppfølging (003 A01).")
    e.add_argument("--skole", metavar="ORGNR", help="bare dokumenter fra denne skolen")
    e.add_argument("--fra", type=parse_dato, metavar="DATO",
                   help="bare dokumenter utstedt / annulleringer gjort fra og med denne datoen")
    e.add_argument("--til", type=parse_dato, metavar="DATO",
                   help="… til og med denne datoen")
    e.add_argument("--test", action="store_true",
                   help="lag en testfil (dokumentnumre med T) som ikke registreres som levert")
    e.add_argument("-o", "--fil", required=True, metavar="FIL", help="¤-filen som skrives")
    add_felles(e)
    e.set_defaults(func=beskyttet(run_eksport))


def run_eksport(args) -> int:
    bruker = start(args)
    from vitnemal.cli.nvb import naa
    from vitnemal.store.services import nvb, skoler

    skole = skoler.finn(args.skole) if args.skole else None
    r = nvb.eksporter(bruker, sti=args.fil, tidspunkt=naa(), skole=skole, fra=args.fra,
                      til=args.til, test=args.test, formal=formal(args, "vitnemal nvb eksport"))
    if args.json:
        dump_json(r.as_dict())
        return 0
    if r.tom:
        print("Ingen nye dokumenter eller annulleringer å levere; ingen fil er skrevet.")
    else:
        hva = "Testfil (registreres ikke som levert)" if r.test else f"Leveranse {r.levering_id}"
        print(f"{hva}: {r.fil}\n  {len(r.dokumenter)} dokument(er), {len(r.annulleringer)} "
              f"annullering(er), SHA-256 {r.sha256}")
    if r.fiktive:
        print(f"\nIkke levert — fiktivt fødselsnummer fra VIGO (003 A01), {len(r.fiktive)} "
              "dokument(er); følg opp når personen har fått fødselsnummer eller D-nummer:",
              file=sys.stdout)
        for f in r.fiktive:
            print(f"  person {f['person']} {f['navn']}: {f['dokument']}")
    return 0

