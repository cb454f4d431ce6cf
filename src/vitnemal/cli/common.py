"""Helpers shared by the CLI commands: reading elevmapper, printing problems, JSON output,
dates on the command line and the exit status.

Exit status, the same for every command (README): ``OK`` 0 — done, nothing to report;
``FUNN`` 1 — findings or refused (a FEIL, an invalid elevmappe or fødselsnummer, a document
not printed); ``INNDATA`` 2 — unreadable input or wrong use (a file that cannot be read or
parsed, broken elevmapper for the commands that need valid ones, a bad option, an output path
that cannot be written). When several apply, the highest wins.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date

from vitnemal.errors import InputError
from vitnemal.io import LoadResult, load_elevmapper
from vitnemal.io.load import Problem
from vitnemal.meldinger import antall, kort

OK, FUNN, INNDATA = 0, 1, 2

_MAANEDER = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
             "september", "oktober", "november", "desember")

_DATOFORM = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def add_files_argument(parser, *, nargs: str = "+") -> None:
    parser.add_argument("filer", nargs=nargs, metavar="FIL",
                        help="elevmappe i JSON eller YAML (en mappe betyr alle filene i den)")


def add_testdata_argument(parser) -> None:
    parser.add_argument("--testdata", action="store_true",
                        help="godta syntetiske testfødselsnummer (Tenor/NAV)")


def parse_dato(value: str) -> date:
    """A date option (``type=`` of argparse, which names the option in its message).

    >>> parse_dato("2026-06-19")
    datetime.date(2026, 6, 19)
    >>> parse_dato("2026-13-01")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: ugyldig dato «2026-13-01»: måned 13 finnes ikke (skriv ÅÅÅÅ-MM-DD)
    >>> parse_dato("2026-02-30")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: ugyldig dato «2026-02-30»: februar 2026 har ikke dag 30 (skriv ÅÅÅÅ-MM-DD)
    """
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        pass
    grunn = ""
    if m := _DATOFORM.match(value):
        ar, maaned, dag = (int(g) for g in m.groups())
        if not 1 <= maaned <= 12:
            grunn = f": måned {maaned} finnes ikke"
        elif ar >= 1:
            grunn = f": {_MAANEDER[maaned - 1]} {ar} har ikke dag {dag}"
    raise argparse.ArgumentTypeError(
        f"ugyldig dato {kort(value.strip())}{grunn} (skriv ÅÅÅÅ-MM-DD)")


def print_problems(result: LoadResult, stream=None) -> None:
    stream = stream or sys.stderr
    for problem in result.problemer:
        print(str(problem), file=stream)


def oppsummer(result: LoadResult) -> str:
    """«3 feil i 2 filer»."""
    files = len({p.fil for p in result.problemer})
    return f"{len(result.problemer)} feil i {antall(files, 'fil', 'filer')}"


def les_inn(args, *, vis_problemer: bool = True) -> LoadResult:
    """Load all files; print every problem and a summary (stderr) unless the caller reports
    them itself (``--json``: stdout is JSON and stderr stays empty). The files that loaded
    are still worked on: one bad file never hides the report on the good ones (exit status
    ``INNDATA``)."""
    result = load_elevmapper(args.filer, testdata=getattr(args, "testdata", False))
    if not result.mapper and not result.problemer:
        raise InputError("fant ingen elevmapper (.json, .yaml eller .yml) i "
                         + ", ".join(args.filer))
    if vis_problemer and result.problemer:
        print_problems(result)
        print(f"feil: {oppsummer(result)}; de andre filene er behandlet" if result.mapper
              else f"feil: {oppsummer(result)}; ingenting er gjort", file=sys.stderr)
    return result


def status(result: LoadResult, funn: bool = False) -> int:
    """The exit status: ``INNDATA`` when a file had problems, else ``FUNN`` or ``OK``."""
    return INNDATA if result.problemer else FUNN if funn else OK


def problemer_per_fil(problemer: list[Problem]) -> dict[str, list[Problem]]:
    """Problems grouped by file, in the order the files were read."""
    ut: dict[str, list[Problem]] = {}
    for p in problemer:
        ut.setdefault(p.fil, []).append(p)
    return ut


def i_rekkefolge(result: LoadResult, gode: dict[str, object]) -> list[tuple[str, object, list]]:
    """Every file read, in order: (file, its result from ``gode`` or None, its problems)."""
    feil = problemer_per_fil(result.problemer)
    return [(f, gode.get(f), feil.get(f, [])) for f in result.filer]


def load_or_fail(args) -> LoadResult:
    """Load all files; when any has problems, print every problem and raise (exit 2)."""
    result = load_elevmapper(args.filer, testdata=getattr(args, "testdata", False))
    if not result.mapper and not result.problemer:
        raise InputError("fant ingen elevmapper (.json, .yaml eller .yml) i "
                         + ", ".join(args.filer))
    if result.problemer:
        print_problems(result)
        raise InputError(f"{oppsummer(result)}; ingenting er gjort")
    return result


def dump_json(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
