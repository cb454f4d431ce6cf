"""Combination checks over the parts of a broken elevmappe that did validate.

Pydantic runs a model's combination checks only when every field of it validated, so a wrong
type in one field would hide, say, a halvårsvurdering with an exam grade in the same row or VO
without ``person.iop`` until the first error is fixed. ``kryssjekk(data)`` validates the raw
record field by field (each fag row, programme area line, remark, fravær row and
``person.iop`` on its own) and runs the checks of ``model.kombinasjoner`` over what validated.
It only reads; callers merge its problems with pydantic's and drop duplicates.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from vitnemal.model import kombinasjoner
from vitnemal.model.elevmappe import (
    ENKELTFELT,
    Fag,
    Fravaer,
    MerknadRef,
    Person,
    Programomrade,
    komprimerte_koder,
    modellfelter,
    uten_kontroll,
)
from vitnemal.model.kombinasjoner import Funn, Rad


def felter(model: type, raw: Mapping, context: dict | None = None) -> dict[str, Any]:
    """The fields of ``raw`` that validate on their own (with their field validators), plus the
    defaults of fields ``raw`` leaves out; fields that fail are absent from the result."""
    ctx = {**(context or {}), ENKELTFELT: True}
    validator = model.__pydantic_validator__
    out: dict[str, Any] = {}
    for name, info in modellfelter(model).items():
        if name in raw:
            try:
                probe = validator.validate_assignment(uten_kontroll(model), name, raw[name],
                                                      context=ctx)
            except ValidationError:
                continue
            out[name] = getattr(probe, name)
        elif not info.is_required():
            out[name] = info.get_default(call_default_factory=True)
    return out


def _rader(model: type, data: Mapping, key: str, context: dict) -> tuple[list[Rad], bool]:
    """Rows of the list ``data[key]`` as (index, validated fields); False when not a list."""
    rows = data.get(key, [])
    if not isinstance(rows, list):
        return [], False
    return [(i, felter(model, r, context)) for i, r in enumerate(rows) if isinstance(r, Mapping)], True


def _iop(data: Mapping, context: dict) -> bool | None:
    person = data.get("person")
    if not isinstance(person, Mapping):
        return None
    return felter(Person, person, context).get("iop")


def kryssjekk(data: Mapping, context: dict | None = None) -> list[Funn]:
    """Combination problems of a raw record (locations from its root), over what validated."""
    from vitnemal.kodeverk import load

    kv = load()
    ctx = dict(context or {})
    ut: list[Funn] = []

    linjer, linjer_liste = _rader(Programomrade, data, "programomrader", ctx)
    for i, p in linjer:
        ut += [(("programomrader", i, *loc), m) for loc, m in
               kombinasjoner.programomrade_kombinasjoner(p, kv.spesielle_programomradekoder)]
    fag, _ = _rader(Fag, data, "fag", ctx)
    for i, f in fag:
        ut += [(("fag", i, *loc), m) for loc, m in kombinasjoner.fag_kombinasjoner(f)]
    merknader, _ = _rader(MerknadRef, data, "vitnemalsmerknader", ctx)
    ut += [(("vitnemalsmerknader", *loc), m) for loc, m in
           kombinasjoner.merknad_problemer(merknader, kv.vitnemalsmerknader)]
    fravaer, _ = _rader(Fravaer, data, "fravaer", ctx)
    ut += [(("fravaer", *loc), m) for loc, m in kombinasjoner.fravaer_problemer(fravaer)]

    rows = data.get("programomrader", [])
    linjer_kjent = linjer_liste and len(linjer) == len(rows) and all(
        "kode" in p and "niva" in p for _, p in linjer)
    ut += kombinasjoner.mappe_kombinasjoner(
        _iop(data, ctx), linjer, fag, linjer_kjent=linjer_kjent,
        iop_fagkoder=kv.iop_fagkoder, komprimerte=komprimerte_koder())
    return ut
