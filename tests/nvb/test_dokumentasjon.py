"""docs/nvb.md is generated from the specs and the catalogue; every spec is well-formed."""

from __future__ import annotations

from vitnemal.nvb import dokumentasjon
from vitnemal.nvb.kontroll import katalog
from vitnemal.nvb.poster import KLASSER
from vitnemal.nvb.spek import INNDATA
from vitnemal.nvb.spek_resultat import RESULTAT


def test_dokumentasjonen_er_generert():
    assert dokumentasjon.STI.read_text(encoding="utf-8") == dokumentasjon.markdown(), (
        "docs/nvb.md is stale: run python -m vitnemal.nvb.dokumentasjon > docs/nvb.md")


def test_hver_sjekk_og_hvert_felt_star_i_dokumentasjonen():
    tekst = dokumentasjon.markdown()
    for s in katalog():
        assert f"`{s.id}`" in tekst
    for p in (*INNDATA.values(), *RESULTAT.values()):
        for f in p.felt:
            assert f"| {f.nr} | " in tekst


def test_spekkene_henger_sammen():
    """Field numbers in order per record type, no skipped number except the format's own
    (V3, V8, V19, V21, F11), unique attribute names, a class per record type."""
    hull = {"V": {3, 8, 19, 21}, "F": {11}}
    for kode, p in {**INNDATA, **RESULTAT}.items():
        numre = [int(f.nr[1:]) for f in p.felt]
        assert all(f.nr[0] == kode for f in p.felt)
        assert numre == sorted(numre) and numre[0] == 1
        assert set(range(1, numre[-1] + 1)) - set(numre) == hull.get(kode, set()), kode
        assert len(set(p.attrs)) == len(p.attrs)
        assert KLASSER[kode]._fields == p.attrs
    assert len(INNDATA["V"].felt) == 22 and len(INNDATA["F"].felt) == 16  # the sample's counts


def test_kontrollenes_referanser_og_docstrings():
    """Every check's docstring starts with its reference (house rule)."""
    for s in katalog():
        assert (s.funksjon.__doc__ or "").startswith("Ref: "), s.id
