"""Identifiers of what decided a document (the register stores them with it): the kodeverk and
the check catalogue by content, each rule set by what it reads."""

from __future__ import annotations

import shutil

from vitnemal.kodeverk import versjon
from vitnemal.kodeverk.loader import DATA_DIR
from vitnemal.rules.regelsett import alle_regelsett
from vitnemal.utskrift import versjoner


def test_versjonene_finnes_og_er_stabile():
    v = versjoner()
    assert v == versjoner()
    assert v["kodeverk"].startswith("kodeverk+") and v["sjekker"].startswith("sjekker+")
    assert set(v["regelsett"]) == {r.navn for r in alle_regelsett()}  # no example rule set


def test_kodeverkets_versjon_folger_innholdet(tmp_path):
    kopi = tmp_path / "kv"
    shutil.copytree(DATA_DIR, kopi)
    assert versjon(kopi) == versjon()  # the same files, another place
    fil = kopi / "fagtyper.yaml"
    fil.write_text(fil.read_text(encoding="utf-8") + "\n# endret\n", encoding="utf-8")
    assert versjon(kopi) != versjon()
