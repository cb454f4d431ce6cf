"""`vitnemal fnr NUMMER... [--json] [--testdata] [--dato ÅÅÅÅ-MM-DD] [--merknader]`.

One result per number: the kind, birth date, gender, county (VIGO fictive numbers) and, for
a rejected number, the reason. Exit status 0 when every number is valid, 1 otherwise.
``--dato`` is the date used to choose a century where the number does not give it; it
defaults to today's date, taken here in the CLI layer only.
"""

from __future__ import annotations

import json
from datetime import date

from vitnemal.cli.common import FUNN, OK, parse_dato
from vitnemal.ids import fodselsnummer
from vitnemal.ids.fnr_resultat import Analyse
from vitnemal.ids.fylker import fylke
from vitnemal.meldinger import begrens, navn


def register(sub) -> None:
    p = sub.add_parser(
        "fnr",
        help="kontroller og klassifiser fødselsnummer (også D-nummer og fiktive VIGO-numre)",
        description="Kontrollerer fødselsnummer og sier hva slags nummer det er: "
        "fødselsnummer, D-nummer, fiktivt nummer fra VIGO, syntetisk testnummer, eller "
        "et nummer som ikke kan brukes (H-, FH-, PAS- eller DUF-nummer).",
    )
    p.add_argument("nummer", nargs="+", metavar="NUMMER", help="11 siffer; mellomrom tillatt")
    p.add_argument("--json", action="store_true", help="ett JSON-objekt per linje")
    p.add_argument(
        "--testdata",
        action="store_true",
        help="godta syntetiske testnumre (Skatteetaten Tenor: måned + 80; NAV Dolly: måned + 40)",
    )
    p.add_argument(
        "--dato",
        type=parse_dato,
        metavar="ÅÅÅÅ-MM-DD",
        help="dato for valg av århundre der nummeret ikke angir det (standard: i dag)",
    )
    p.add_argument("--merknader", action="store_true", help="vis merknader under hvert nummer")
    p.set_defaults(func=run)


def beskriv(a: Analyse) -> str:
    """One Norwegian line for an analysis."""
    if not a.gyldig:
        return f"{navn(a.nummer, 20, skjul=False)}: avvist: {begrens(a.grunn)}"
    parts = [f"{navn(a.nummer, 20, skjul=False)}: gyldig", a.type.tekst]
    if a.fodselsdato is not None:
        parts.append(f"født {a.fodselsdato:%d.%m.%Y}")
    else:
        parts.append("fødselsår ikke fastsatt")
    if a.kjonn is not None:
        parts.append(a.kjonn)
    else:
        parts.append("kjønn går ikke fram av nummeret")
    if a.ordning == "2032":
        parts.append("lest etter 2032-ordningen")
    if a.fylkesnummer is not None:
        if a.privatskole:
            parts.append("fylkesnummer 00 (privat videregående skole)")
        else:
            f = fylke(a.fylkesnummer)
            parts.append(f"fylke {a.fylkesnummer} ({f.navn})" if f else f"fylke {a.fylkesnummer}")
    return ", ".join(parts)


def run(args) -> int:
    today = args.dato or date.today()
    results = [fodselsnummer.analyse(n, testdata=args.testdata, today=today) for n in args.nummer]
    for a in results:
        if args.json:
            print(json.dumps(a.som_dict(), ensure_ascii=False))
            continue
        print(beskriv(a))
        if args.merknader:
            for note in a.merknader:
                print(f"  - {note}")
    return OK if all(a.gyldig for a in results) else FUNN
