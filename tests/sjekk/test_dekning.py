"""The coverage table is generated, complete and refers to real paragraphs (001, 004)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vitnemal.sjekk import dekning, katalog

ROOT = Path(__file__).parents[2]
SEED = sorted(Path("/work/shared/seeds").glob("001_*.txt"))


def _punkter():
    ps = dekning.paragrafer()
    return {f"001 §{n}" for n, _ in ps["001"]} | {f"004 {n}" for n, _ in ps["004"]}


def _referanser():
    """Paragraphs plus the one field of seed 003 (A01, fødselsnummer) a check may cite."""
    return _punkter() | {"003 A01"}


def test_committed_table_equals_generator_output():
    committed = (ROOT / "docs" / "regeldekning.md").read_text(encoding="utf-8")
    assert committed == dekning.tabell(), (
        "docs/regeldekning.md er utdatert: kjør python -m vitnemal.sjekk.dekning > docs/regeldekning.md")


def test_every_check_has_a_real_reference_and_docstring():
    punkter = _referanser()
    for s in katalog():
        assert s.ref in punkter, (s.id, s.ref)
        doc = (s.funksjon.__doc__ or "").strip()
        assert doc.startswith(f"Ref: {s.ref}"), (s.id, doc[:60])
        assert s.id == s.id.upper() and re.fullmatch(r"[A-Z0-9-]+", s.id)


def test_every_paragraph_has_rules_or_a_reason():
    kilder = dekning.kilder()
    grunner = dekning.ikke_formalisert()
    mangler = [p for p in sorted(_punkter()) if not kilder.get(p) and not grunner.get(p)]
    assert mangler == []


def test_reasons_name_real_paragraphs():
    assert set(dekning.ikke_formalisert()) <= _punkter()


def test_table_lists_every_paragraph():
    tabell = dekning.tabell()
    for p in _punkter():
        nr = p.split("§")[-1] if "§" in p else p.split()[1]
        assert f"| {nr} |" in tabell, p


@pytest.mark.skipif(not SEED, reason="seed 001 is not available")
def test_paragraph_list_matches_seed_headings():
    text = SEED[0].read_text(encoding="utf-8").split("\n15 Tidligere versjoner")[0]
    headings = set(re.findall(r"^(\d+\.\d+) \S", text, re.MULTILINE))
    assert headings == {n for n, _ in dekning.paragrafer()["001"]}


def test_refs_parser_reads_a_failing_docstring_as_nothing():
    assert dekning.refs("Ingen referanse her") == []
    assert dekning.refs("Ref: 001 §9.2, §1.5 — «…»") == ["001 §9.2", "001 §1.5"]


def test_one_paragraph_is_looked_up_exactly():
    """«§6.1» is not «§6.10»: the look-up compares whole references, not prefixes."""
    seks_1, _ = dekning.for_paragraf("001 §6.1")
    seks_10, grunn_10 = dekning.for_paragraf("001  § 6.10")
    assert "EKSAMENSFORM-MANGLER" in seks_1 and "KORONA-MERKNAD" not in seks_1
    assert "KORONA-MERKNAD" in seks_10 and "EKSAMENSFORM-MANGLER" not in seks_10
    assert "KORONA-MERKNAD" in grunn_10


def test_paragraph_lookup_from_the_command_line(capsys):
    assert dekning.main(["--paragraf", "004 VG2"]) == 0
    ut = capsys.readouterr().out
    assert ut.startswith("004 vg2\n") and "b_bestatt" in ut and "004 vg3" not in ut
    assert dekning.main(["--paragraf", "001 §99.1"]) == 2
