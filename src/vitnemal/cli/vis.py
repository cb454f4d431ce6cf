"""``vitnemal vis FIL... [--json]`` — print what the document would say (001 chapter 2).

Exit status 0; 2 when a file is unreadable or no valid elevmappe (the others are still shown).
With ``--json`` one file gives its document; several, or any unreadable, give a list of
``{"fil", "dokument"}`` and ``{"fil", "problemer"}`` entries.
"""

from __future__ import annotations

from datetime import date

from vitnemal.cli.common import (
    add_files_argument,
    add_testdata_argument,
    dump_json,
    i_rekkefolge,
    les_inn,
    parse_dato,
    status,
)
from vitnemal.dokument.model import Dokumenttype
from vitnemal.dokument.tekstform import tekst
from vitnemal.utskrift import Utstedelse, forbered


def add_dokument_arguments(p) -> None:
    p.add_argument("--dato", type=parse_dato, metavar="ÅÅÅÅ-MM-DD",
                   help="utstedelsesdato når utsteder.utstedt mangler (standard: i dag)")
    p.add_argument("--dokumenttype", choices=["vitnemal", "kompetansebevis"],
                   help="tving dokumenttypen (standard: avgjøres av elevmappen)")


def dokumenttype(args) -> Dokumenttype | None:
    return {"vitnemal": Dokumenttype.VITNEMAL, "kompetansebevis": Dokumenttype.KOMPETANSEBEVIS,
            None: None}[getattr(args, "dokumenttype", None)]


def register(sub) -> None:
    p = sub.add_parser("vis", help="vis hva vitnemålet/kompetansebeviset inneholder",
                       description="Avgjør dokumenttypen og viser dokumentet slik det blir skrevet "
                       "ut (tekst eller JSON).")
    add_files_argument(p)
    add_testdata_argument(p)
    add_dokument_arguments(p)
    p.add_argument("--maalform", choices=["nb", "nn", "en"],
                   help="målform (standard: elevmappens)")
    p.add_argument("--json", action="store_true", help="skriv dokumentet som JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    result = les_inn(args, vis_problemer=not args.json)
    today = args.dato or date.today()
    dokumenter = []
    for path, mappe in result.mapper:
        u = Utstedelse.fra_elevmappe(mappe, dato=today, maalform=args.maalform,
                                     dokumenttype=dokumenttype(args))
        dokumenter.append((path, forbered(mappe, u, testdata=args.testdata).dokument))
    if args.json:
        if len(result.filer) == 1 and dokumenter:
            dump_json(dokumenter[0][1].as_dict())
        else:
            dump_json([{"fil": p, "dokument": d.as_dict()} if d else
                       {"fil": p, "problemer": [x.as_dict() for x in feil]}
                       for p, d, feil in i_rekkefolge(result, dict(dokumenter))])
    else:
        for n, (path, d) in enumerate(dokumenter):
            if len(result.filer) > 1:
                print(("\n" if n else "") + f"== {path}")
            print(tekst(d))
    return status(result)
