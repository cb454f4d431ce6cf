"""Structured logs never carry a fødselsnummer (issue 17, Operations)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from vitnemal.config.logg import JsonLinjer, UtenFodselsnummer

FNR = "54030799203"  # VIGO fictive


def _logger(stream) -> logging.Logger:
    log = logging.getLogger("vitnemal.test.logg")
    log.handlers.clear()
    h = logging.StreamHandler(stream)
    h.setFormatter(JsonLinjer())
    h.addFilter(UtenFodselsnummer())
    log.addHandler(h)
    log.propagate = False
    log.setLevel(logging.INFO)
    return log


def test_fodselsnummer_maskeres_overalt(tmp_path):
    import io

    ut = io.StringIO()
    log = _logger(ut)
    log.info("person %s, nummer %s", FNR, "V974544482202600001", extra={"batch": 7,
                                                                         "hvem": f"fnr {FNR}"})
    try:
        raise ValueError(f"ugyldig {FNR}")
    except ValueError:
        log.exception("feil for %s", FNR)
    linjer = [json.loads(x) for x in ut.getvalue().splitlines()]
    assert len(linjer) == 2
    assert FNR not in ut.getvalue()
    forste, andre = linjer
    assert forste["melding"] == "person <fødselsnummer>, nummer V974544482202600001"
    assert (forste["niva"], forste["batch"], forste["hvem"]) == ("INFO", 7, "fnr <fødselsnummer>")
    assert "ValueError: ugyldig <fødselsnummer>" in andre["unntak"]


def test_tolv_og_ti_sifre_er_ikke_fodselsnummer():
    from vitnemal.config.logg import masker

    assert masker("123456789012 og 1234567890") == "123456789012 og 1234567890"
    assert masker(f"a{FNR}b") == "a<fødselsnummer>b"


def test_innstillingene_bruker_filteret():
    # read under another module name: importing ``vitnemal.config.settings`` here would fix
    # the register's database before the register fixture chooses it
    import importlib.util

    import vitnemal.config

    fil = Path(vitnemal.config.__file__).with_name("settings.py")
    spec = importlib.util.spec_from_file_location("_innstillinger_lest_i_test", fil)
    settings = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(settings)
    h = settings.LOGGING["handlers"]["stderr"]
    assert h["filters"] == ["uten_fnr"] and h["formatter"] == "json"
    assert all(lg["handlers"] == ["stderr"] for lg in settings.LOGGING["loggers"].values())
