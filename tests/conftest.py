"""Shared fixtures: paths to bundled samples and a minimal valid elevmappe (synthetic person)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EKSEMPLER = ROOT / "eksempler"

MINIMAL = {
    "versjon": "1",
    "person": {"navn": "Test Testesen", "fodselsnummer": "54030799203", "status": "elev"},
    "utsteder": {
        "skolenavn": "Nordlys videregående skole",
        "orgnr": "974544482",
        "sted": "Oslo",
        "underskrivere": ["Rektor Rektorsen", "Avdelingsleder Avdeling"],
        "utstedt": "2026-06-19",
        "lopenummer": 1,
    },
    "programomrader": [
        {"kode": "STSSA1----", "navn": "Studiespesialisering",
         "utdanningsprogram": "Studiespesialisering", "niva": "vg1", "skolear": "2025-2026"}
    ],
    "fag": [
        {"fagkode": "ENG1007", "fagnavn": "Engelsk", "fagtype": "FF", "omfang": 140,
         "trinn": "vg1", "termin": "V2026", "standpunkt": 5},
    ],
    "orden": "G",
    "adferd": "G",
    "fravaer": [{"ar": 1, "dager": 0, "timer": 0}],
}


@pytest.fixture
def minimal() -> dict:
    return copy.deepcopy(MINIMAL)


@pytest.fixture
def eksempler() -> Path:
    return EKSEMPLER


# --- Every PDF the tests write is PDF/A-2b (issue 12) ----------------------------------------

class PdfaVakt:
    """Plugin: every PDF a test makes is validated against PDF/A-2b (ISO 19005-2 level B)
    with pikepdf's validator (as tests/pdf/test_pdfa.py does) when the test ends; one that
    fails makes the test fail («error at teardown») with the validator's findings.

    Seen are (1) every PDF rendered in this process: ``vitnemal.pdf.render.render_sider``,
    through which every renderer entry point goes, is wrapped for the session, also where a
    module imported it by name; (2) every ``*.pdf`` left in the test's ``tmp_path`` (files
    written by worker processes or the CLI); (3) at the end of the session every ``*.pdf``
    under the session's temporary folder (session fixtures). A file that does not start with
    ``%PDF-`` is no PDF and is left alone; a test that writes a broken PDF on purpose is
    marked ``pdfa_unntak``. Identical bytes are judged once.
    """

    MERKE = "pdfa_unntak"

    def __init__(self) -> None:
        self.dommer: dict[str, str] = {}  # sha256 → "" (approved) or the validator's summary
        self.nye: list[tuple[bytes, str]] = []
        self.sett: set[str] = set()  # files judged (or left alone) when their test ended
        self._byttet: list[tuple[object, object]] = []

    def pytest_configure(self, config) -> None:
        config.addinivalue_line("markers", f"{self.MERKE}: the test writes a PDF that is not "
                                "PDF/A-2b on purpose; the PDF/A check leaves it alone")

    def dom(self, pdfer) -> list[str]:
        """The failures among (bytes, where) pairs, one line each."""
        import hashlib
        import io

        import pikepdf.pdfa

        feil = []
        for data, hvor in pdfer:
            if not data.startswith(b"%PDF-"):
                continue
            nokkel = hashlib.sha256(data).hexdigest()
            if nokkel not in self.dommer:
                rapport = pikepdf.pdfa.validate_written(io.BytesIO(data), "2b")
                self.dommer[nokkel] = "" if rapport.verdict == "pass" else rapport.summary()
            if self.dommer[nokkel]:
                feil.append(f"{hvor}: not PDF/A-2b: {self.dommer[nokkel]}")
        return feil

    def _bytt(self) -> None:
        import sys

        import vitnemal.pdf.render as render

        original = render.render_sider

        def render_sider(*args, **kwargs):
            data, sider = original(*args, **kwargs)
            self.nye.append((data, "render_sider(…)"))
            return data, sider

        for modul in list(sys.modules.values()):
            if getattr(modul, "render_sider", None) is original:
                self._byttet.append((modul, original))
                modul.render_sider = render_sider

    def _tilbake(self) -> None:
        for modul, original in self._byttet:
            modul.render_sider = original
        self._byttet.clear()

    def pytest_sessionstart(self, session) -> None:
        self._bytt()

    def pytest_runtest_setup(self, item) -> None:
        self.nye.clear()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_teardown(self, item, nextitem):
        resultat = yield
        nye, self.nye = self.nye, []
        tmp = (getattr(item, "funcargs", None) or {}).get("tmp_path")
        stier = sorted(tmp.rglob("*.pdf")) if tmp else []
        self.sett.update(str(p) for p in stier)
        if item.get_closest_marker(self.MERKE):
            return resultat
        feil = self.dom([*nye, *((p.read_bytes(), str(p)) for p in stier)])
        if feil:
            pytest.fail("\n".join(feil), pytrace=False)
        return resultat

    def pytest_sessionfinish(self, session) -> None:
        self._tilbake()
        fabrikk = getattr(session.config, "_tmp_path_factory", None)
        rot = getattr(fabrikk, "_basetemp", None)
        if rot is None:
            return
        feil = self.dom((p.read_bytes(), str(p)) for p in sorted(rot.rglob("*.pdf"))
                        if str(p) not in self.sett)
        if feil:
            print("\n".join(["", "PDF/A-2b check at the end of the session:", *feil]))
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_configure(config) -> None:
    config.pluginmanager.register(PdfaVakt(), "pdfa-vakt")
