"""``vitnemal valider FIL...`` — check that elevmapper are well-formed, reporting every problem."""

from __future__ import annotations

from vitnemal.cli.common import add_files_argument, add_testdata_argument, dump_json
from vitnemal.io import load_elevmapper
from vitnemal.io.load import expand


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
    files = [str(p) for p in expand(args.filer)]
    result = load_elevmapper(args.filer, testdata=args.testdata)
    bad = {p.fil for p in result.problemer}
    if args.json:
        dump_json({
            "filer": [{"fil": f, "gyldig": f not in bad} for f in files],
            "problemer": [p.as_dict() for p in result.problemer],
        })
    else:
        for f in files:
            if f not in bad:
                print(f"{f}: gyldig")
        for f in files:
            if f in bad:
                mine = [p for p in result.problemer if p.fil == f]
                print(f"{f}: {len(mine)} feil")
                for p in mine:
                    where = p.sti + (f" ({p.post})" if p.post else "")
                    print(f"  {where}: {p.melding}")
        if not files:
            print("fant ingen elevmapper")
    return 1 if (bad or not files) else 0
