"""The README's command table lists every option each command has (issue 12, «Messages»), and
its limits are the loader's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vitnemal.cli import COMMANDS, build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _rad(kommando: str) -> str:
    [rad] = [r for r in README.splitlines() if r.startswith(f"| `vitnemal {kommando} ")
             or r.startswith(f"| `vitnemal {kommando}`")]
    return rad.split("` |")[0]


def _valg(kommando: str) -> set[str]:
    sub = build_parser()._subparsers._group_actions[0].choices[kommando]
    return {opt for a in sub._actions for opt in a.option_strings
            if opt not in ("-h", "--help") and (opt.startswith("--") or len(a.option_strings) == 1
                                                or opt == "-o")} - {"--ut"}


@pytest.mark.parametrize("kommando", COMMANDS)
def test_synopsen_har_alle_valg(kommando):
    i_readme = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", _rad(kommando)))
    assert i_readme == _valg(kommando)


def test_grensene_i_readme():
    from vitnemal.io.les import MAKS_BYTE, byte_tekst
    from vitnemal.io.struktur import MAKS_ALIAS, MAKS_ALIAS_NODER, MAKS_DYBDE, MAKS_SIFFER

    assert f"**{byte_tekst(MAKS_BYTE)}**" in README
    assert f"at most {MAKS_DYBDE} levels" in README and f"at most {MAKS_SIFFER} digits" in README
    noder = f"{MAKS_ALIAS_NODER:,}".replace(",", " ")
    assert f"at most {MAKS_ALIAS} (`*navn`), adding at most {noder} values" in README
