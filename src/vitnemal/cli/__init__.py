"""Command line: ``vitnemal <kommando> ...``.

Each subcommand lives in its own module in this package and exposes
``register(subparsers)``; the module adds its parser and sets ``func`` to a callable
``(args) -> int`` (the exit status). Adding a command is adding a module to ``COMMANDS``.

argparse's own texts (usage, help, errors) are English; ``NorskArgumentParser`` shows them in
Norwegian bokmål. argparse looks its messages up through its module-level ``_``/``ngettext``
(gettext) at call time, so the parser swaps in ``_TEKSTER`` while it builds, parses and
formats — and only then, so other argparse users in the same process are untouched. Usage
errors still exit with status 2.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys

from vitnemal import __version__
from vitnemal.errors import VitnemalError
from vitnemal.meldinger import begrens

# Order is the order shown in ``vitnemal --help``.
COMMANDS = ["valider", "fnr", "fullfortkode", "vis", "sjekk", "lag", "arshjul", "nvb",
            "db", "skole", "import", "utsted", "register", "duplikat", "annuller", "person",
            "web", "batch", "worker", "helse"]

# Every user-facing message of argparse (Python 3.11–3.14), in bokmål. Messages for
# programming errors (conflicting options, bad add_argument calls) are left in English.
_TEKSTER = {
    "usage: ": "bruk: ",
    "options": "valg",
    "positional arguments": "argumenter",
    "subcommands": "kommandoer",
    "show this help message and exit": "vis denne hjelpeteksten og avslutt",
    "show program's version number and exit": "vis versjonsnummeret og avslutt",
    "%(prog)s: error: %(message)s\n": "%(prog)s: feil: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "disse argumentene mangler: %s",
    "one of the arguments %s is required": "ett av argumentene %s må oppgis",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "unrecognized arguments: %(args)s": "ukjente argumenter: %(args)s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ugyldig verdi: %(value)r (velg blant %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "ugyldig verdi: %(value)r, mente du %(closest)r? (velg blant %(choices)s)",
    "invalid %(type)s value: %(value)r": "ugyldig %(type)s: %(value)r",
    "expected one argument": "forventet én verdi",
    "expected at most one argument": "forventet høyst én verdi",
    "expected at least one argument": "forventet minst én verdi",
    "expected %s argument": "forventet %s verdi",
    "expected %s arguments": "forventet %s verdier",
    "not allowed with argument %s": "kan ikke brukes sammen med argumentet %s",
    "ignored explicit argument %r": "tar ingen verdi, men fikk %r",
    "ambiguous option: %(option)s could match %(matches)s":
        "tvetydig valg: %(option)s kan være %(matches)s",
    "unexpected option string: %s": "uventet valg: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "ukjent kommando %(parser_name)r (velg blant %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan ikke åpne «%(filename)s»: %(error)s",
    "option '%(option)s' is deprecated": "valget «%(option)s» er foreldet",
    "argument '%(argument_name)s' is deprecated": "argumentet «%(argument_name)s» er foreldet",
    "command '%(parser_name)s' is deprecated": "kommandoen «%(parser_name)s» er foreldet",
    "default: %(default)s": "standard: %(default)s",
}

# Type names in «invalid %(type)s value» (the name of the ``type=`` callable).
_TYPENAVN = {"int": "heltall", "float": "desimaltall"}


class _Melding(str):
    """A translated format string that also puts type names into Norwegian on ``%``."""

    def __mod__(self, args):
        if isinstance(args, dict) and "type" in args:
            args = {**args, "type": _TYPENAVN.get(args["type"], f"verdi for {args['type']}")}
        return str.__mod__(self, args)


def _oversett(message: str) -> str:
    norsk = _TEKSTER.get(message)
    if norsk is None:
        return _ORIGINAL[0](message)
    return _Melding(norsk) if "%(type)s" in norsk else norsk


def _oversett_flertall(singular: str, plural: str, n: int) -> str:
    message = singular if n == 1 else plural
    return _TEKSTER.get(message) or _ORIGINAL[1](singular, plural, n)


_ORIGINAL = (argparse._, argparse.ngettext)


@contextlib.contextmanager
def norsk():
    """argparse speaks bokmål inside this block (re-entrant)."""
    saved = (argparse._, argparse.ngettext)
    argparse._, argparse.ngettext = _oversett, _oversett_flertall
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class NorskArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage, help and error texts are Norwegian (bokmål); subparsers
    are of the same class."""

    def __init__(self, *args, **kwargs):
        with norsk():
            super().__init__(*args, **kwargs)

    def add_argument(self, *args, **kwargs):
        if kwargs.get("action") == "version":
            kwargs.setdefault("help", _TEKSTER["show program's version number and exit"])
        with norsk():
            return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs):
        with norsk():
            return super().add_subparsers(**kwargs)

    def parse_args(self, *args, **kwargs):
        # formats «unrecognized arguments» itself, then calls parse_known_args
        with norsk():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args, **kwargs):
        with norsk():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with norsk():
            return super().format_usage()

    def format_help(self) -> str:
        with norsk():
            return super().format_help()

    def error(self, message: str):
        with norsk():
            super().error(message)


def build_parser() -> argparse.ArgumentParser:
    parser = NorskArgumentParser(
        prog="vitnemal",
        description="Vitnemål og kompetansebevis for videregående opplæring.",
    )
    parser.add_argument("--version", action="version", version=f"vitnemal {__version__}")
    sub = parser.add_subparsers(dest="kommando", metavar="KOMMANDO")
    for name in COMMANDS:
        module = importlib.import_module(f"vitnemal.cli.{name}")
        module.register(sub)
    return parser


def _tolerant_utskrift() -> None:
    """A character the terminal's encoding cannot show is escaped, never a crash mid-report."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _kort(exc: Exception) -> str:
    """An error's message, each line bounded (``meldinger.begrens``)."""
    return "\n".join(begrens(linje) for linje in str(exc).splitlines())


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status (README: 0 ok, 1 findings or refused,
    2 unreadable input or wrong use). ``--help`` and ``--version`` exit with 0 as argparse
    does."""
    _tolerant_utskrift()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        if exc.code:  # a usage error, already explained by argparse
            return 2
        raise
    except VitnemalError as exc:  # raised by a ``type=`` converter
        print(f"{parser.prog}: feil: {_kort(exc)}", file=sys.stderr)
        return 2
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except VitnemalError as exc:
        print(f"feil: {_kort(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``vitnemal sjekk … | head``): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
