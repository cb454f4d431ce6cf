"""``vitnemal valider FIL...`` — check that elevmapper are well-formed, reporting every problem.

Exit status 0 when every file is a valid elevmappe; 1 when a file was read but is not a valid
elevmappe (its problems are this command's findings); 2 when a file could not be read or parsed
at all (missing, not a regular file, over the size limit, not UTF-8, bad JSON/YAML, nested too
deep …) or no file was found.
"""

from __future__ import annotations

from vitnemal.cli.common import (
    FUNN,
    INNDATA,
    OK,
    add_files_argument,
    add_testdata_argument,
    dump_json,
    problemer_per_fil,
)
from vitnemal.io import load_elevmapper


def register(sub) -> None:
    p = sub.add_parser(
        "valider",
        help="kontroller at elevmapper er gyldige (format, koder, identifikatorer)",
        description="Leser elevmapper (JSON eller YAML) og rapporterer alle feil på én gang: "
        "fil, sti i filen, post, felt og årsak.",
    )
    add_files_argument(p)
    add_testdata_argument(p)
    p.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    result = load_elevmapper(args.filer, testdata=args.testdata)
    files = result.filer
    feil = problemer_per_fil(result.problemer)
    if args.json:
        dump_json({
            "filer": [{"fil": f, "gyldig": f not in feil, "lesbar": f not in result.ulesbare}
                      for f in files],
            "problemer": [p.as_dict() for p in result.problemer],
        })
    else:
        for f in files:
            if f not in feil:
                print(f"{f}: gyldig")
        for f, mine in feil.items():
            print(f"{f}: {len(mine)} feil"
                  + (" (filen kan ikke leses)" if f in result.ulesbare else ""))
            for p in mine:
                where = p.sti + (f" ({p.post})" if p.post else "")
                print(f"  {where}: {p.melding}")
        if not files:
            print("fant ingen elevmapper")
    if result.ulesbare or not files:
        return INNDATA
    return FUNN if feil else OK
