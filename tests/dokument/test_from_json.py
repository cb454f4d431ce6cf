"""``Dokument.from_json``: the same document as ``from_dict(json.loads(...))``, any key order
(PostgreSQL's jsonb reorders keys), and another format version refused."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from vitnemal.dokument.model import Dokument
from vitnemal.errors import InputError
from vitnemal.io import load_elevmapper
from vitnemal.sjekk import sjekk

EKSEMPEL = Path(__file__).resolve().parents[2] / "eksempler" / "01-studiespesialisering-realfag.json"


@pytest.fixture(scope="module")
def dok() -> Dokument:
    [(_, m)] = load_elevmapper([EKSEMPEL]).mapper
    return sjekk(m, today=date(2026, 6, 19)).dokument


def test_samme_dokument_i_alle_nokkelrekkefolger(dok):
    data = dok.as_dict()
    bakfram = dict(reversed(list(data.items())))
    for tekst in (json.dumps(data, ensure_ascii=False), json.dumps(bakfram),
                  json.dumps(data, separators=(",", ":")).encode()):
        assert Dokument.from_json(tekst) == dok == Dokument.from_dict(json.loads(tekst))


def test_annen_formatversjon_avvises(dok):
    data = {**dok.as_dict(), "versjon": "2"}
    with pytest.raises(InputError, match="ukjent dokumentformat"):
        Dokument.from_json(json.dumps(data))
    uten = {k: v for k, v in dok.as_dict().items() if k != "versjon"}
    with pytest.raises(InputError):
        Dokument.from_json(json.dumps(uten))


def test_ugyldig_dokument_avvises():
    with pytest.raises(InputError, match="kan ikke leses"):
        Dokument.from_json('{"versjon": "1", "type": "X"}')
