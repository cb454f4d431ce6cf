"""Command line: ``vitnemal <kommando> ...``.

Each subcommand lives in its own module in this package and exposes
``register(subparsers)``; the module adds its parser and sets ``func`` to a callable
``(args) -> int`` (the exit status). Adding a command is adding a module to ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from vitnemal import __version__
from vitnemal.errors import VitnemalError

# Order is the order shown in ``vitnemal --help``.
COMMANDS = ["valider", "fnr", "fullfortkode", "vis", "sjekk", "lag", "arshjul"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vitnemal",
        description="Vitnemål og kompetansebevis for videregående opplæring.",
    )
    parser.add_argument("--version", action="version", version=f"vitnemal {__version__}")
    sub = parser.add_subparsers(dest="kommando", metavar="KOMMANDO")
    for name in COMMANDS:
        module = importlib.import_module(f"vitnemal.cli.{name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except VitnemalError as exc:
        print(f"feil: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
