"""``vitnemal import FIL|MAPPE... --skole ORGNR`` — store elevmapper in the register as new
versions: all or nothing, every problem at once."""

from __future__ import annotations

import sys

from vitnemal.cli.common import add_files_argument, add_testdata_argument, dump_json
from vitnemal.cli.registerfelles import add_felles, beskyttet, formal, start
from vitnemal.errors import InputError
from vitnemal.io import load_elevmapper


def register(sub) -> None:
    p = sub.add_parser("import", help="importer elevmapper til registeret",
                       description="Leser elevmappene og lagrer hver som en ny versjon av "
                       "personens elevmappe for skolen. Alt eller ingenting: ved ett problem "
                       "lagres ingenting, og alle problemene listes. En uendret elevmappe gir "
                       "ingen ny versjon.")
    add_files_argument(p)
    p.add_argument("--skole", required=True, metavar="ORGNR", help="skolen som utsteder")
    add_testdata_argument(p)
    add_felles(p)
    p.set_defaults(func=beskyttet(run))


def run(args) -> int:
    bruker = start(args)
    from vitnemal.store.services import importering, skoler

    skole = skoler.finn(args.skole)
    result = load_elevmapper(args.filer, testdata=args.testdata)
    problemer = [str(p) for p in result.problemer]
    if not result.mapper and not problemer:
        raise InputError("fant ingen elevmapper (.json, .yaml eller .yml) i " + ", ".join(args.filer))
    problemer += importering.problemer(result.mapper)  # every problem of the run at once
    if not problemer:
        try:
            ut = importering.importer(bruker, result.mapper, skole, testdata=args.testdata,
                                      formal=formal(args, "vitnemal import"))
        except importering.ImportFeil as exc:
            problemer = exc.problemer
    if problemer:
        if args.json:
            dump_json({"importert": False, "problemer": problemer})
        else:
            for p in problemer:
                print(p, file=sys.stderr)
        print(f"feil: {len(problemer)} problem(er); ingenting er importert", file=sys.stderr)
        return 2
    if args.json:
        dump_json({"importert": True, "mapper": [
            {"fil": i.fil, "person": i.person_id, "versjon": i.versjon,
             "ny_versjon": i.ny_versjon, "ny_person": i.ny_person,
             "merknader": list(i.merknader)} for i in ut]})
        return 0
    for i in ut:
        hva = ("ny person, versjon 1" if i.ny_person else
               f"ny versjon {i.versjon}" if i.ny_versjon else f"uendret (versjon {i.versjon})")
        print(f"{i.fil}: person {i.person_id}: {hva}")
        for m in i.merknader:
            print(f"    merk: {m}")
    nye = sum(i.ny_versjon for i in ut)
    print(f"{len(ut)} elevmappe(r) lest, {nye} ny(e) versjon(er) lagret")
    return 0
