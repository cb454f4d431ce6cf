"""The loader: a Grep-style replacement directory, and one InputError for all problems."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from vitnemal.errors import InputError
from vitnemal.kodeverk import load
from vitnemal.kodeverk.loader import DATA_DIR, TABLES


@pytest.fixture
def copy_dir(tmp_path: Path) -> Path:
    target = tmp_path / "kodeverk"
    shutil.copytree(DATA_DIR, target)
    return target


def _write(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_replacement_directory_is_loaded(copy_dir):
    """A Grep export written in the same format replaces the bundled tables."""
    _write(copy_dir / "eksamensformer.yaml", [
        {"kode": "S", "tekster": {"nb": "Skriftlig eksamen"}, "ref": "Grep 2026",
         "gyldig_fra": "2026-08-01"},
        {"kode": "TS", "tekster": {"nb": "Tverrfaglig skriftlig eksamen"}, "ref": "Grep 2026"},
    ])
    kv = load(copy_dir)
    assert set(kv.eksamensformer) == {"S", "TS"}
    assert kv.eksamensformer["S"].gyldig_fra.isoformat() == "2026-08-01"
    assert kv.eksamensformer["TS"].tekst("nn") == "Tverrfaglig skriftlig eksamen"  # falls back to nb
    assert set(load().eksamensformer) == {"S", "M", "MP", "P"}  # bundled one unchanged
    assert kv is not load()


def test_broken_directory_lists_every_problem(copy_dir):
    _write(copy_dir / "fagmerknader.yaml", [
        {"kode": "FAM01", "tekster": {"nb": "Fritatt fra opplæring"}, "ref": "001 §3.1",
         "vitnemal": "ja"},
        {"kode": "FAM02", "tekster": {"nn": "Fritatt"}, "ref": "001 §3.1"},
        {"kode": "FAM01", "tekster": {"nb": "Dobbel"}, "ref": "001 §3.1"},
        {"kode": "FAM16", "tekster": {"nb": "Bestått fag <åååå>"}, "ref": "001 §3.1"},
        {"kode": "FAM15", "tekster": {"nb": "Bestått fag utland"}, "ref": "001 §3.5",
         "utgatt": "2016-12-31", "gyldig_til": "2016-12-31", "erstattet_av": "FAM99"},
        {"tekster": {"nb": "Uten kode"}, "farge": "rød"},
        "bare tekst",
    ])
    (copy_dir / "orden_adferd.yaml").write_text("- kode: G\n  tekster: [", encoding="utf-8")
    (copy_dir / "iop_fagkoder.yaml").unlink()
    _write(copy_dir / "dokumentrett.yaml", {"elev": "ja"})
    _write(copy_dir / "vurderingsuttrykk.yaml", [
        {"kode": "1", "tekster": {"nb": "en"}, "ref": "001 §5.1", "tall": "en",
         "gyldig_fra": "2023-13-01"},
    ])

    with pytest.raises(InputError) as exc:
        load(copy_dir)
    msg = str(exc.value)
    expected = [
        "fagmerknader.yaml: oppføring 1 (FAM01), feltet «vitnemal»: skal være true eller false",
        "fagmerknader.yaml: oppføring 2 (FAM02), feltet «tekster»: mangler bokmålstekst (nb)",
        "fagmerknader.yaml: oppføring 3 (FAM01), feltet «kode»: koden FAM01 finnes flere ganger",
        "fagmerknader.yaml: oppføring 4 (FAM16), feltet «parametre»",
        "fagmerknader.yaml: oppføring FAM15, feltet «erstattet_av»: ukjent kode FAM99",
        "fagmerknader.yaml: oppføring 6, feltet «farge»: ukjent felt",
        "fagmerknader.yaml: oppføring 6, feltet «kode»: mangler",
        "fagmerknader.yaml: oppføring 6, feltet «ref»: mangler",
        "fagmerknader.yaml: oppføring 7: skal være en oppføring",
        "orden_adferd.yaml:2: filen er ikke gyldig YAML: ",
        "iop_fagkoder.yaml: filen mangler",
        "dokumentrett.yaml: filen skal inneholde en liste",
        "vurderingsuttrykk.yaml: oppføring 1 (1), feltet «tall»: skal være et heltall",
        "vurderingsuttrykk.yaml: oppføring 1 (1), feltet «gyldig_fra»: skal være en dato",
    ]
    for line in expected:
        assert line in msg, line
    assert msg.startswith(f"Kodeverket i {copy_dir} har {msg.count(chr(10) + '  - ')} feil")


def test_translation_placeholders_must_match(copy_dir):
    _write(copy_dir / "fagmerknader.yaml", [
        {"kode": "FAM16", "tekster": {"nb": "Bestått fag <åååå>", "en": "Subject passed"},
         "ref": "001 §3.1", "parametre": ["åååå"]},
    ])
    with pytest.raises(InputError, match="en-teksten har ikke de samme plassholderne"):
        load(copy_dir)


def test_missing_directory(tmp_path):
    with pytest.raises(InputError, match="finner ikke katalogen"):
        load(tmp_path / "finnes-ikke")


def test_every_table_has_a_bundled_file():
    assert sorted(p.stem for p in DATA_DIR.glob("*.yaml")) == sorted(TABLES)
