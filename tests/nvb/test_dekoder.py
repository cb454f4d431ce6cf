"""The fast reading functions (``dekoder``) agree with the formats' readers field by field:
whatever the fast path accepts, the reference path reads to the same values without a
problem; whatever it refuses, the reference path reads (and reports)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vitnemal.nvb.dekoder import UNNTAK, lag_dekoder
from vitnemal.nvb.funn import Funnliste
from vitnemal.nvb.lesfelt import Linjeleser
from vitnemal.nvb.spek import INNDATA
from vitnemal.nvb.spek_resultat import RESULTAT

SPEKKER = {**INNDATA, **RESULTAT}
_BITER = st.sampled_from(["", " ", "\t", "0", "7", "12", "2026", "20260619", "20261399",
                          "235959", "20260619120000", "V974544482202600001", "NOR1267",
                          "FF", "A", "ÆØÅ", "\\n", "x\\y", "-1", "١٢", "01234", "123456789",
                          "abcdefghijk", "²"])
_FELT = st.lists(_BITER, min_size=1, max_size=3).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(SPEKKER)), st.data(), st.booleans())
def test_rask_og_grundig_vei_gir_samme_verdier(kode, data, trim):
    spek = SPEKKER[kode]
    felt = data.draw(st.lists(_FELT, min_size=len(spek.felt), max_size=len(spek.felt)))
    if not trim:
        felt = [x.strip(" \t") for x in felt]
    leser = Linjeleser(Funnliste())
    grundig = leser._ett_og_ett(spek, 1, felt, frozenset(), None)
    try:
        rask = lag_dekoder(spek, trim=trim)(felt)
    except UNNTAK:
        return
    assert rask == grundig
    assert leser.problemer == []


def test_en_rask_funksjon_per_posttype_og_feil_antall_felt():
    les = lag_dekoder(INNDATA["P"])
    try:
        les(["V1"] * 8)
    except ValueError:
        pass
    else:  # pragma: no cover
        raise AssertionError("eight fields for ¤P must not be read")
