"""``vitnemal nvb eksport`` and ``vitnemal nvb import``: the register's side of the ¤-files.

``eksport`` writes every document issued and every annulment made that NVB has not had yet as
one ¤-file and records the delivery; ``--test`` writes a T-numbered test file that is not
recorded. ``import`` brings documents issued by another system into the register.
Exit status: 0 done (also: nothing new to deliver), 1 refused, 2 usage or unreadable input.
"""

from __future__ import annotations

import sys
from pathlib import Path

from vitnemal.cli.common import add_testdata_argument, dump_json, parse_dato
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

    i = nvbsub.add_parser(
        "import", help="ta inn dokumenter utstedt i et annet system fra en ¤-fil",
        description="Tar inn dokumentene i ¤-filen som utstedte dokumenter i registeret (for et "
        "fylke som flytter til vitnemal): alt eller ingenting, alle problemer på én gang. "
        "Nummerserien flyttes forbi hvert importert nummer. Dokumentene regnes som levert til "
        "NVB (av det andre systemet) med mindre --ikke-levert er gitt.")
    i.add_argument("fil", metavar="FIL", help="¤-filen")
    i.add_argument("--skole", required=True, metavar="ORGNR",
                   help="skolen som utstedte dokumentene")
    i.add_argument("--ikke-levert", action="store_true",
                   help="dokumentene er ikke levert til NVB; neste eksport tar dem med")
    add_testdata_argument(i)
    add_felles(i)
    i.set_defaults(func=beskyttet(run_import))


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
        print(f"  {_filkontroll(r.tekst, r.fil)}")
    if r.fiktive:
        print(f"\nIkke levert — fiktivt fødselsnummer fra VIGO (003 A01), {len(r.fiktive)} "
              "dokument(er); følg opp når personen har fått fødselsnummer eller D-nummer:",
              file=sys.stdout)
        for f in r.fiktive:
            print(f"  person {f['person']} {f['navn']}: {f['dokument']}")
    return 0



def _filkontroll(tekst: str, fil: str) -> str:
    """The file checks on what was written, as NVB's engine would run them first (synthetic
    test numbers accepted: a test register has them)."""
    from vitnemal.nvb import kontroller, les

    k = kontroller(les(tekst.encode("utf-8")), testdata=True, retningslinjer=False)
    feil = [d.dok.vgdoknr for d in k.dokumenter if d.har_feil]
    if not feil:
        return "filkontroll: ingen dokumenter med FEIL"
    vis = ", ".join(feil[:5]) + (f" og {len(feil) - 5} til" if len(feil) > 5 else "")
    return (f"filkontroll: {len(feil)} dokument(er) med FEIL som NVB ikke tar inn ({vis}); "
            f"se «vitnemal nvb sjekk {fil}»")


def run_import(args) -> int:
    from vitnemal.errors import InputError
    from vitnemal.nvb import les

    sti = Path(args.fil)
    if not sti.is_file():
        raise InputError(f"{args.fil} finnes ikke eller er ikke en fil")
    data = sti.read_bytes()
    bruker = start(args)
    from vitnemal.store.services import nvb_import, skoler

    lesing = les(data)
    if not lesing.lest:
        raise InputError(f"{args.fil} kan ikke leses som en ¤-fil: " + "; ".join(
            p.finding.melding for p in lesing.problemer[:5]))
    try:
        r = nvb_import.importer(bruker, lesing, skoler.finn(args.skole), filnavn=str(
            sti.resolve()), data=data, testdata=args.testdata, levert=not args.ikke_levert,
            formal=formal(args, "vitnemal nvb import"))
    except nvb_import.NvbImportFeil as feil:
        if args.json:
            dump_json({"importert": False, "problemer": feil.problemer})
        else:
            print(f"{args.fil}: {feil}:", file=sys.stderr)
            for p in feil.problemer:
                print(f"  {p}", file=sys.stderr)
        return 1
    if args.json:
        dump_json({"importert": True, **r.as_dict()})
        return 0
    print(f"Importert {len(r.dokumenter)} dokument(er) og {len(r.annulleringer)} "
          f"annullering(er) fra {args.fil}.")
    for d in r.dokumenter:
        print(f"  {d['nummer']}: person {d['person']}" + (" (ny)" if d["ny_person"] else ""))
    for serie, neste in r.serier.items():
        print(f"  neste løpenummer for {serie.replace(':', ' i ')}: {neste}")
    if r.levering_id:
        print(f"  registrert som levert til NVB (leveranse {r.levering_id})")
    return 0
