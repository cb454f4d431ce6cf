"""Helpers of the register commands: Django started lazily, the acting user, the purpose of
a read, the fødselsnummer from stdin, JSON output.

Only the register commands import Django, and only when they run (``start``), so the other
commands stay as fast as before.
"""

from __future__ import annotations

import functools
import getpass
import os
import sys

from vitnemal.config.logg import masker
from vitnemal.errors import InputError, VitnemalError


def beskyttet(fn):
    """A register command whose database errors become a Norwegian message (exit 2) with
    no fødselsnummer in it, never a traceback."""

    @functools.wraps(fn)
    def run(args):
        try:
            return fn(args)
        except VitnemalError:
            raise
        except Exception as exc:
            if "django.db" not in sys.modules:
                raise
            from django.db import Error

            if not isinstance(exc, Error):
                raise
            forste = (str(exc).strip().splitlines() or [""])[0]
            raise VitnemalError(f"databasefeil ({type(exc).__name__}): "
                                f"{masker(forste)}") from None
    return run


def add_felles(p, *, json: bool = True) -> None:
    p.add_argument("--bruker", metavar="NAVN",
                   help="brukeren som handler (standard: VITNEMAL_BRUKER, ellers "
                   "innloggingsnavnet); alt føres i hendelsesloggen med dette navnet")
    p.add_argument("--grunn", metavar="TEKST", default="",
                   help="hvorfor (føres i hendelsesloggen sammen med hvem, hva og når)")
    if json:
        p.add_argument("--json", action="store_true", help="skriv resultatet som JSON")


def brukernavn(args) -> str:
    navn = getattr(args, "bruker", None) or os.environ.get("VITNEMAL_BRUKER")
    if navn:
        return navn
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        raise InputError("finner ikke brukernavnet; oppgi --bruker eller VITNEMAL_BRUKER") from None


def start(args, *, skjema: bool = True):
    """Start Django, check the schema and return the acting user."""
    from vitnemal.store import oppsett

    if skjema:
        oppsett.krev_skjema()
    else:
        oppsett.start()
    from vitnemal.store.services import brukere

    return brukere.finn(brukernavn(args))


def formal(args, standard: str) -> str:
    return args.grunn or standard


def les_fodselsnummer() -> str:
    """A fødselsnummer from stdin (never from the command line: shell history, process list)."""
    if sys.stdin is None or sys.stdin.isatty():
        print("fødselsnummer (vises ikke i historikken): ", end="", file=sys.stderr, flush=True)
    linje = sys.stdin.readline() if sys.stdin else ""
    fnr = "".join(linje.split())
    if not fnr:
        raise InputError("fikk ikke noe fødselsnummer på standard inn")
    return fnr


def parse_ar(value: str) -> int:
    if not (value.isdigit() and len(value) == 4):
        raise InputError(f"ugyldig år {value!r}; skriv fire sifre, f.eks. 2026")
    return int(value)


def parse_id(value: str) -> int:
    if not value.isdigit():
        raise InputError(f"ugyldig person-id {value!r}; registerets id er et tall (se "
                         "«vitnemal import» eller «vitnemal register finn»)")
    return int(value)
