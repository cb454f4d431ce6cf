"""``vitnemal fullfortkode FIL... [--skolear 2025-2026] [--json]`` — fullførtkoder with reasons (004).

For every programme area line: code, level, school year, fullførtkode, the rule and its
reference, and a Norwegian explanation naming the deciding fag and grades.
Lines of school years without a rule set are shown with «-» and the reason. Exit status: 0;
2 for a --skolear without rules, or when a file is unreadable or no valid elevmappe (every
problem is printed; the other files are still computed). With ``--json`` an unreadable file is
an entry ``{"fil", "problemer"}`` of the list.
"""

from __future__ import annotations

from vitnemal.cli.common import (
    add_files_argument,
    add_testdata_argument,
    dump_json,
    i_rekkefolge,
    les_inn,
    status,
)
from vitnemal.rules.fullfortkode import beregn
from vitnemal.rules.regelsett import skolear_start, velg_regelsett


def register(sub) -> None:
    p = sub.add_parser(
        "fullfortkode",
        help="beregn fullførtkode (B, I, M, A, H, S, L, K) per programområde, med begrunnelse",
        description="Beregner fullførtkode for hvert programområde i elevmappene etter VIGOs "
        "behandlingsregler for skoleåret (004), og forklarer hvilken regel og hvilke fag som "
        "avgjorde.",
    )
    add_files_argument(p)
    add_testdata_argument(p)
    p.add_argument("--skolear", metavar="ÅÅÅÅ-ÅÅÅÅ",
                   help="bare programområder for dette skoleåret, f.eks. 2025-2026")
    p.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.skolear:  # fail before reading files: unknown school year is a clear error
        skolear_start(args.skolear)
        velg_regelsett(args.skolear)
    result = les_inn(args, vis_problemer=not args.json)
    utdata = [(fil, mappe, beregn(mappe, skolear=args.skolear)) for fil, mappe in result.mapper]
    if args.json:
        gode = {fil: {"fil": fil, "navn": mappe.person.navn,
                      "fullfortkoder": [k.as_dict() for k in koder]}
                for fil, mappe, koder in utdata}
        dump_json([god or {"fil": fil, "problemer": [x.as_dict() for x in feil]}
                   for fil, god, feil in i_rekkefolge(result, gode)])
    else:
        for fil, mappe, koder in utdata:
            print(f"{fil}: {mappe.person.navn}")
            if not koder:
                print("  ingen programområder" + (f" for skoleåret {args.skolear}"
                                                  if args.skolear else ""))
            for k in koder:
                kode = k.kode or "-"
                print(f"  {k.programomrade} {k.niva} {k.skolear}: {kode}"
                      + (f" ({k.kodenavn})" if k.kode else ""))
                print(f"    {k.forklaring}")
                print(f"    Regel: {k.regel} ({k.ref})")
    return status(result)
