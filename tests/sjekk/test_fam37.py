"""001 §9.2, §1.5 — the FAM37 exception is decided once (``dokument.unntak``) and every unmet
condition is reported once, under its own check and paragraph."""

from __future__ import annotations

from collections import Counter

from vitnemal.dokument.model import Dokumenttype
from vitnemal.sjekk import sjekk

from .conftest import DAG, mappe_fra

FAM37 = {"kode": "FAM37"}


def _feil(inp, dokumenttype=Dokumenttype.VITNEMAL):
    r = sjekk(mappe_fra(inp), today=DAG, dokumenttype=dokumenttype)
    return [f for f in r.funn if f.alvorlighet.value == "FEIL"]


def test_fam37_pa_programfag_rapporteres_en_gang_med_9_2():
    """Regression: a FAM37 row on a programfag was reported twice for the same condition,
    once as IKKE-BESTATT-VITNEMAL labelled §5.5 and once as FAM37-FELLESFAG labelled §9.2."""
    feil = _feil({"base": "yrkes", "fag_endre": {"HSE3005": {"standpunkt": 1,
                                                             "fagmerknad": FAM37}}})
    fellesfag = [f for f in feil if "ikke fellesfag" in f.melding]
    assert [(f.regel, f.paragraf) for f in fellesfag] == [("FAM37-FELLESFAG", "001 §9.2")]
    assert not any("FAM37" in f.melding for f in feil if f.regel == "IKKE-BESTATT-VITNEMAL")
    # the fag itself is still not passed, and that is said once, by the pass rule
    [ikke] = [f for f in feil if f.regel == "IKKE-BESTATT-VITNEMAL"]
    assert ikke.fagkode == "HSE3005" and "(001 §5.1)" in ikke.melding
    assert Counter(f.regel for f in feil) == {"FAM37-FELLESFAG": 1, "IKKE-BESTATT-VITNEMAL": 1}


def test_fam37_i_tre_fag_rapporteres_bare_av_maks_to():
    """«i inntil to fellesfag»: reported by FAM37-MAKS-TO alone (DOKUMENTTYPE-GRUNNLAG repeated it
    on a vitnemål asked for)."""
    endre = {k: {"standpunkt": 1, "fagmerknad": FAM37} for k in ("ENG1008", "MAT1127", "SAK1002")}
    feil = _feil({"base": "yrkes", "fag_endre": endre})
    # the three fag are then not passed (each said once); the limit is said once
    assert Counter(f.regel for f in feil) == {"FAM37-MAKS-TO": 1, "IKKE-BESTATT-VITNEMAL": 3}
    assert [f.paragraf for f in feil if f.regel == "FAM37-MAKS-TO"] == ["001 §9.2"]


def test_fam37_pa_studiekompetanse_per_rad_og_ikke_som_dokumentgrunnlag():
    feil = _feil({"base": "studie", "fag_endre": {"MAT1021": {"standpunkt": 1,
                                                              "fagmerknad": FAM37}}})
    assert Counter(f.regel for f in feil) == {"FAM37-YRKESFAG": 1, "IKKE-BESTATT-VITNEMAL": 1}
    [y] = [f for f in feil if f.regel == "FAM37-YRKESFAG"]
    assert y.fagkode == "MAT1021" and y.sti == "$.fag[2].fagmerknad"


def test_gyldig_fam37_gir_vitnemal_uten_funn():
    r = sjekk(mappe_fra({"base": "yrkes", "fag_endre": {"ENG1008": {"standpunkt": 1,
                                                                    "fagmerknad": FAM37}}}),
              today=DAG)
    assert r.dokumenttype is Dokumenttype.VITNEMAL and r.kan_utstedes
    assert r.beslutning.fam37_godtatt == ("ENG1008",)
