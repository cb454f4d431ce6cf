"""001 §1.2: VMM06 does not make a førstegangsvitnemål where the conditions are not met."""

from __future__ import annotations

import json

from vitnemal.dokument.beslutning import beslutt
from vitnemal.io.load import validate_data
from vitnemal.sjekk import sjekk

from .test_compose import DAG


def _mappe(eksempler, pabygging: bool):
    data = json.loads((eksempler / "01-studiespesialisering-realfag.json").read_text("utf-8"))
    if pabygging:
        data["programomrader"].append({"kode": "PBPBY4----", "niva": "vg4", "skolear": "2026-2027",
                                       "navn": "Påbygging til generell studiekompetanse"})
    m, problems = validate_data(data, "test")
    assert not problems
    return m


def test_vmm06_med_vg4_pabygging_gir_ikke_forstegangsvitnemal(eksempler):
    """«Det samme gjelder elever som tar vg4 påbygging»: the decision and the checks agree."""
    assert beslutt(_mappe(eksempler, False)).forstegangsvitnemal
    m = _mappe(eksempler, True)
    assert not beslutt(m).forstegangsvitnemal
    r = sjekk(m, today=DAG)
    assert "FORSTEGANG-VILKAR" in {f.regel for f in r.funn}
    info = next(f for f in r.funn if f.regel == "DOKUMENTTYPE")
    assert "vilkårene for førstegangsvitnemål er ikke oppfylt" in info.melding
