"""Helpers shared by the CLI commands: reading elevmapper, printing problems, JSON output."""

from __future__ import annotations

import json
import sys
from datetime import date

from vitnemal.errors import InputError
from vitnemal.io import LoadResult, load_elevmapper


def add_files_argument(parser, *, nargs: str = "+") -> None:
    parser.add_argument("filer", nargs=nargs, metavar="FIL",
                        help="elevmappe i JSON eller YAML (en mappe betyr alle filene i den)")


def add_testdata_argument(parser) -> None:
    parser.add_argument("--testdata", action="store_true",
                        help="godta syntetiske testfødselsnummer (Tenor/NAV)")


def parse_dato(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"ugyldig dato {value!r}; skriv åååå-mm-dd") from None


def print_problems(result: LoadResult, stream=None) -> None:
    stream = stream or sys.stderr
    for problem in result.problemer:
        print(str(problem), file=stream)


def load_or_fail(args) -> LoadResult:
    """Load all files; when any has problems, print every problem and raise (exit 2)."""
    result = load_elevmapper(args.filer, testdata=getattr(args, "testdata", False))
    if not result.mapper and not result.problemer:
        raise InputError("fant ingen elevmapper (.json, .yaml eller .yml) i " + ", ".join(args.filer))
    if result.problemer:
        print_problems(result)
        files = len({p.fil for p in result.problemer})
        raise InputError(f"{len(result.problemer)} feil i {files} fil(er); ingenting er gjort")
    return result


def dump_json(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
