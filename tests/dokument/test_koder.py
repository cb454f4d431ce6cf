"""The document as a complete, serialisable record of what was printed, with the coded facts an
NVB ¤-file needs beside the printed text (docs/nvb-format.md; 001 §2.2–2.8)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vitnemal.dokument.koder import Koder
from vitnemal.dokument.model import DOKUMENT_FORMAT, Dokument, Dokumenttype
from vitnemal.errors import InputError
from vitnemal.io import load_elevmapper
from vitnemal.model import Karakter, OrdenAdferd
from vitnemal.utskrift import Utstedelse, forbered

from .test_compose import DAG, lag

EKSEMPLER = sorted(__import__("pathlib").Path(__file__).parents[2].joinpath("eksempler").glob(
    "*.[jy]*"))


def _utskrifter():
    res = load_elevmapper(EKSEMPLER)
    assert res.ok
    return {p: forbered(m, Utstedelse.fra_elevmappe(m, dato=DAG)) for p, m in res.mapper}


UTSKRIFTER = _utskrifter()


@pytest.mark.parametrize("navn", sorted(UTSKRIFTER), ids=lambda p: p.rsplit("/", 1)[-1])
def test_as_dict_er_json_og_gir_det_samme_dokumentet_tilbake(navn):
    d = UTSKRIFTER[navn].dokument
    data = json.loads(json.dumps(d.as_dict(), ensure_ascii=False))
    assert data["versjon"] == DOKUMENT_FORMAT
    assert Dokument.from_dict(data) == d


@settings(max_examples=60, deadline=None)
@given(st.from_type(Dokument))
def test_rundtur_for_ethvert_dokument(d):
    """Property: ``from_dict(as_dict(d)) == d`` through JSON, for any document."""
    assert Dokument.from_dict(json.loads(json.dumps(d.as_dict()))) == d


def test_ukjent_format_avvises():
    data = UTSKRIFTER[sorted(UTSKRIFTER)[0]].dokument.as_dict()
    with pytest.raises(InputError, match="dokumentformat"):
        Dokument.from_dict({**data, "versjon": "0"})
    with pytest.raises(InputError, match="kan ikke leses"):
        Dokument.from_dict({**data, "koder": {"orgnr": 5}})


def _koder(navn: str) -> tuple[Dokument, Koder]:
    [u] = [u for p, u in UTSKRIFTER.items() if p.endswith(navn)]
    return u.dokument, u.dokument.koder


def test_vitnemal_koder_som_nvb_trenger():
    d, k = _koder("01-studiespesialisering-realfag.json")
    assert (k.orgnr, k.skolenummer, k.lopenummer, k.nummer_ar) == ("974544482", "03012", 123, 2026)
    assert d.dokumentnummer == f"V{k.orgnr}{k.nummer_ar}{k.lopenummer:05d}"
    assert (k.avgangsar, k.studiekompetanse, k.dispensasjon) == (2026, True, "")
    assert (k.orden, k.adferd) == (OrdenAdferd.G, OrdenAdferd.G)
    assert k.sum_omfang == int(d.sum_omfang)
    assert [(p.kode, p.niva.value, p.pastand, p.utdanningsprogram, p.ar) for p in k.programomrader] \
        == [("STSSA1----", "vg1", "B", "ST", 2024), ("STREA2----", "vg2", "B", "ST", 2025),
            ("STREA3----", "vg3", "B", "ST", 2026)]
    # the coded rows are the printed rows, in print order
    assert [f.fagkode for f in k.fag] == [r.fagkode for g in d.grupper for r in g.rader]
    assert all(f.vurdering.value == "standpunkt" for f in k.fag)  # no halvår row on a vitnemål
    eng = next(f for f in k.fag if f.fagkode == "ENG1007")
    assert (eng.standpunkt, eng.eksamen, eng.eksamensform.value, eng.halvar, eng.ar,
            eng.fagstatus, eng.omfang) == (Karakter.K5, Karakter.K5, "M", "V", 2024, "E", 140)
    assert [m.kode for m in k.merknader] == ["VMM06"] and d.forstegangsvitnemal


def test_kompetansebevis_pastand_og_fravaer_som_koder():
    d, k = _koder("09-kompetansebevis-vg1-ikke-bestatt.json")
    assert d.type is Dokumenttype.KOMPETANSEBEVIS and k.avgangsar is None
    assert [(p.kode, p.pastand) for p in k.programomrader] == [("STSSA1----", "")]
    assert [(f.ar, f.dager, f.timer) for f in k.fravaer] == [(1, 19, 41)]
    halvar = [f for f in k.fag if f.vurdering.value == "halvar"]
    assert halvar and all(f.fagmerknad.kode == "FAM33" for f in halvar)
    assert next(f for f in k.fag if f.fagkode == "NAT1007").fagmerknad.kode == "FAM51"


def test_dispensasjon_og_merknadsparametre():
    vmm = [{"kode": "VMM17", "parametre": ["Dispensasjon 01.02.2026, sak 2026/01234"]}]
    k = forbered(lag(vitnemalsmerknader=vmm), Utstedelse(dato=DAG, lopenummer=7)).dokument.koder
    assert k.dispensasjon == "D"
    assert [(m.kode, m.parametre) for m in k.merknader] == [
        ("VMM17", ("Dispensasjon 01.02.2026, sak 2026/01234",))]
    upf = next(f for f in k.fag if f.fagkode == "UPF9001")
    assert (upf.fagmerknad.kode, upf.fagmerknad.parametre) == ("FAM13", ("AA6010",))


def test_nummeret_i_kodene_er_nummeret_som_skrives_ut():
    """001 §2.11: a same-number duplicate carries the original's serial and year."""
    m = lag(utsteder={"utstedt": "2025-06-19"})
    dup = forbered(m, Utstedelse.fra_elevmappe(m, dato=date(2027, 3, 2), duplikat=True)).dokument
    assert (dup.koder.lopenummer, dup.koder.nummer_ar, dup.koder.dato) == (
        7, 2025, date(2027, 3, 2))
    assert dup.dokumentnummer == "V974544482202500007"
