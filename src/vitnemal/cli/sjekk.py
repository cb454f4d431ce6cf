"""``vitnemal sjekk FIL... [--json]`` — check elevmapper against Udir's guideline (001).

Prints the document type and every finding grouped by severity; exit status 1 when any file has
a FEIL (such a document must not be issued), 2 when any file is unreadable or no valid
elevmappe — the other files are still checked and reported. With ``--json`` every file is an
entry of the list, an unreadable one with its ``problemer``, so stdout is always JSON.
"""

from __future__ import annotations

from datetime import date

from vitnemal.cli.common import (
    add_files_argument,
    add_testdata_argument,
    dump_json,
    i_rekkefolge,
    les_inn,
    status,
)
from vitnemal.cli.vis import add_dokument_arguments, dokumenttype
from vitnemal.findings import Alvorlighet
from vitnemal.meldinger import begrens
from vitnemal.sjekk import sjekk

_OVERSKRIFT = {Alvorlighet.FEIL: "Feil", Alvorlighet.VARSEL: "Varsler",
               Alvorlighet.TIPS: "Tips", Alvorlighet.INFO: "Informasjon"}


def register(sub) -> None:
    p = sub.add_parser("sjekk", help="kontroller elevmapper mot Udirs retningslinjer",
                       description="Avgjør dokumenttypen og kontrollerer elevmappen mot "
                       "retningslinjene for føring av vitnemål og kompetansebevis. Avslutter med "
                       "status 1 når det finnes FEIL.")
    add_files_argument(p)
    add_testdata_argument(p)
    add_dokument_arguments(p)
    p.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    p.set_defaults(func=run)


def _kortet(rapport: dict) -> dict:
    """A report whose finding texts are bounded (``meldinger.begrens``): a finding may quote a
    value from the input, such as a remark's parameter."""
    for f in rapport["funn"]:
        f["melding"] = begrens(f["melding"])
    return rapport


def run(args) -> int:
    result = les_inn(args, vis_problemer=not args.json)
    today = args.dato or date.today()
    rapporter = [(path, sjekk(m, today=today, dokumenttype=dokumenttype(args),
                              testdata=args.testdata)) for path, m in result.mapper]
    if args.json:
        dump_json([{"fil": p, **_kortet(r.as_dict()), "problemer": []} if r else
                   {"fil": p, "dokumenttype": None, "kan_utstedes": False, "funn": [],
                    "problemer": [x.as_dict() for x in feil]}
                   for p, r, feil in i_rekkefolge(result, dict(rapporter))])
    else:
        for n, (path, r) in enumerate(rapporter):
            typ = r.as_dict()["dokumenttype"].replace("vitnemal", "vitnemål")
            utstedes = "kan utstedes" if r.kan_utstedes else "kan IKKE utstedes"
            print(("\n" if n else "") + f"{path}: {typ}, {utstedes}")
            for alv in Alvorlighet:
                funn = [f for f in r.funn if f.alvorlighet is alv]
                if not funn:
                    continue
                print(f"  {_OVERSKRIFT[alv]} ({len(funn)}):")
                for f in funn:
                    print(f"    {f.alvorlighet.value} {f.regel} ({f.paragraf}): "
                          f"{begrens(f.melding)}")
    return status(result, funn=any(not r.kan_utstedes for _, r in rapporter))
