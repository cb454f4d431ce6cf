"""Ref: 001 §5.1, §5.2, §5.4, §5.5 — pass rules for one fag row."""

from __future__ import annotations

import pytest

from vitnemal.model.elevmappe import Fag, uten_kontroll
from vitnemal.model.enums import Karakter, Vurdering
from vitnemal.rules.bestatt import FagVurdering, Utfall, vurder_fag


def fag(standpunkt=None, eksamen=None, **kw) -> Fag:
    data = {"fagkode": "NOR1260", "fagnavn": "Norsk", "fagtype": "FF", "trinn": "vg3",
            "termin": "V2026", "standpunkt": standpunkt, "eksamen": eksamen}
    if eksamen is not None and "eksamensform" not in kw:
        data["eksamensform"] = "S"
    data.update(kw)
    return Fag(**data)


@pytest.mark.parametrize(
    ("sp", "eks", "kw", "utfall", "ref"),
    [
        (4, None, {}, Utfall.BESTATT, "001 §5.1"),
        (2, 6, {}, Utfall.BESTATT, "001 §5.1"),
        (1, None, {}, Utfall.IKKE_BESTATT, "001 §5.1"),
        (1, 2, {}, Utfall.BESTATT, "001 §5.1"),
        (1, 1, {}, Utfall.IKKE_BESTATT, "001 §5.5"),
        (1, 4, {"tverrfaglig": True}, Utfall.IKKE_BESTATT, "001 §5.5"),
        (5, 1, {}, Utfall.IKKE_BESTATT, "001 §5.5"),
        (None, "IB", {}, Utfall.IKKE_BESTATT, "001 §5.5"),
        ("IB", None, {}, Utfall.IKKE_BESTATT, "001 §5.2"),
        ("IV", None, {}, Utfall.MANGLER_VURDERING, "001 §5.4"),
        ("IV", 4, {}, Utfall.MANGLER_VURDERING, "001 §5.4"),
        (4, "IM", {}, Utfall.MANGLER_VURDERING, "001 §6.3"),
        ("F", None, {"fagmerknad": {"kode": "FAM02"}}, Utfall.BESTATT, "001 §5.2"),
        (None, "GK", {"fagmerknad": {"kode": "FAM18"}}, Utfall.BESTATT, "001 §5.2"),
        (None, "BM", {}, Utfall.BESTATT, "001 §5.2"),
        ("D", None, {}, Utfall.BESTATT, "001 §5.2"),
        (None, None, {"fagmerknad": {"kode": "FAM12"}}, Utfall.INGEN_KARAKTER, "001 §5.7"),
        (None, 3, {"privatist": True}, Utfall.BESTATT, "001 §5.1"),
        (None, 1, {"privatist": True}, Utfall.IKKE_BESTATT, "001 §5.5"),
    ],
)
def test_vurder_fag(sp, eks, kw, utfall, ref):
    v = vurder_fag(fag(sp, eks, **kw))
    assert isinstance(v, FagVurdering)
    assert (v.utfall, v.ref) == (utfall, ref)
    assert v.fagkode == "NOR1260" and "NOR1260" in v.grunn


def test_halvar_1_is_failed_and_named():
    v = vurder_fag(fag(1, None, vurdering="halvar"))
    assert v.utfall is Utfall.IKKE_BESTATT
    assert "halvårsvurdering 1" in v.grunn


def test_vo_is_iop():
    f = uten_kontroll(Fag, fagkode="MAT1019", standpunkt=Karakter.VO, eksamen=None,
                      tverrfaglig=False, vurdering=Vurdering.STANDPUNKT, fagmerknad=None)
    v = vurder_fag(f)
    assert v.utfall is Utfall.IOP and v.ref == "004 iop"


def test_grunn_names_grades():
    v = vurder_fag(fag(1, 3))
    assert "standpunkt 1" in v.grunn and "eksamen 3" in v.grunn
