"""The README's command table lists every option each command has (issue 12, «Messages»), and
its limits are the loader's."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from vitnemal.cli import COMMANDS, build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _rad(kommando: str) -> str:
    [rad] = [r for r in README.splitlines() if r.startswith(f"| `vitnemal {kommando} ")
             or r.startswith(f"| `vitnemal {kommando}`")]
    return rad.split("` |")[0]


def _underparser(parser):
    grupper = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return grupper[0].choices if grupper else {}


def _kommandoer() -> dict[str, argparse.ArgumentParser]:
    """Every leaf command by its words (``nvb sjekk``): a command with subcommands has a row
    per subcommand."""
    out = {}
    todo = list(_underparser(build_parser()).items())
    while todo:
        navn, parser = todo.pop(0)
        under = _underparser(parser)
        if under:
            todo.extend((f"{navn} {u}", p) for u, p in under.items())
        else:
            out[navn] = parser
    return out


def _valg(parser) -> set[str]:
    """The options a synopsis lists: long options, and ``-o`` for «-o/--ut»-style pairs."""
    out = set()
    for a in parser._actions:
        if "-o" in a.option_strings:
            out.add("-o")
            continue
        out |= {opt for opt in a.option_strings if opt not in ("-h", "--help")
                and (opt.startswith("--") or len(a.option_strings) == 1)}
    return out


def test_hver_kommando_har_en_rad():
    assert {k.split()[0] for k in _kommandoer()} == set(COMMANDS)


@pytest.mark.parametrize("kommando", sorted(_kommandoer()))
def test_synopsen_har_alle_valg(kommando):
    i_readme = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", _rad(kommando)))
    assert i_readme == _valg(_kommandoer()[kommando])


def test_grensene_i_readme():
    from vitnemal.io.les import MAKS_BYTE, byte_tekst
    from vitnemal.io.struktur import MAKS_ALIAS, MAKS_ALIAS_NODER, MAKS_DYBDE, MAKS_SIFFER

    assert f"**{byte_tekst(MAKS_BYTE)}**" in README
    assert f"at most {MAKS_DYBDE} levels" in README and f"at most {MAKS_SIFFER} digits" in README
    noder = f"{MAKS_ALIAS_NODER:,}".replace(",", " ")
    assert f"at most {MAKS_ALIAS} (`*navn`), adding at most {noder} values" in README
