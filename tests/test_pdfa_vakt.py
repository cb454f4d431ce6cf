"""The PDF/A-2b check on every PDF the suite writes (tests/conftest.py, ``PdfaVakt``) catches a
broken PDF: a small test session is run with the plugin, whose tests write or render good and
broken PDFs, and only the broken ones fail. Ref: 001 §2.1 (the archival PDF, issue 12)."""

from __future__ import annotations

import io

import pikepdf
import pytest

from vitnemal.pdf.render import render

pytest_plugins = ["pytester"]

INDRE = '''
from pathlib import Path

import pytest

GOD = Path({god!r}).read_bytes()
ODELAGT = Path({odelagt!r}).read_bytes()


def test_god_fil(tmp_path):
    (tmp_path / "god.pdf").write_bytes(GOD)


def test_odelagt_fil(tmp_path):
    (tmp_path / "ut").mkdir()
    (tmp_path / "ut" / "odelagt.pdf").write_bytes(ODELAGT)


def test_ikke_en_pdf(tmp_path):
    (tmp_path / "gammel.pdf").write_bytes(b"ikke en PDF")


@pytest.mark.pdfa_unntak
def test_odelagt_med_vilje(tmp_path):
    (tmp_path / "med-vilje.pdf").write_bytes(ODELAGT)


def test_odelagt_i_minnet(monkeypatch):
    from vitnemal.pdf import pdfa
    from vitnemal.pdf.render import render

    from tests_dok import dokument

    monkeypatch.setattr(pdfa, "prepare", lambda c, **_: None)  # no XMP, no OutputIntent
    assert render(dokument()).startswith(b"%PDF-")


def test_god_i_minnet():
    from vitnemal.pdf.render import render

    from tests_dok import dokument

    render(dokument())
'''

DOK = '''
from datetime import date

from vitnemal.io import load_elevmapper
from vitnemal.utskrift import Utstedelse, forbered


def dokument():
    m = load_elevmapper([{fil!r}]).mapper[0][1]
    return forbered(m, Utstedelse.fra_elevmappe(m, dato=date(2026, 6, 20))).dokument
'''


def _odelagt(data: bytes) -> bytes:
    """A copy without its OutputIntent (ISO 19005-2 6.2.3)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        del pdf.Root["/OutputIntents"]
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def test_vakten_fanger_odelagt_pdf(pytester, request, eksempler):
    """Written broken PDFs (also in a subfolder) and a broken PDF rendered in memory fail
    their test at teardown with the validator's findings; good PDFs, a file that is no PDF
    and a test marked ``pdfa_unntak`` pass."""
    from datetime import date

    from vitnemal.io import load_elevmapper
    from vitnemal.utskrift import Utstedelse, forbered

    mappe = load_elevmapper([eksempler / "01-studiespesialisering-realfag.json"]).mapper[0][1]
    dok = forbered(mappe, Utstedelse.fra_elevmappe(mappe, dato=date(2026, 6, 20))).dokument
    god = render(dok, invariant=True)
    (pytester.path / "god.bin").write_bytes(god)
    (pytester.path / "odelagt.bin").write_bytes(_odelagt(god))
    pytester.makepyfile(
        test_indre=INDRE.format(god=str(pytester.path / "god.bin"),
                                odelagt=str(pytester.path / "odelagt.bin")),
        tests_dok=DOK.format(fil=str(eksempler / "01-studiespesialisering-realfag.json")))
    pytester.syspathinsert()
    vakt = request.config.pluginmanager.get_plugin("pdfa-vakt")
    if vakt is None:
        pytest.skip("the PDF/A check is switched off (-p no:pdfa-vakt)")
    try:
        result = pytester.runpytest_inprocess(
            "-p", "no:cacheprovider", f"--basetemp={pytester.path / 'tmp'}",
            plugins=[type(vakt)()])
    finally:  # what the inner session wrote and rendered is its plugin's business
        for p in pytester.path.rglob("*.pdf"):
            p.unlink()
        vakt.nye.clear()
    result.assert_outcomes(passed=6, errors=2)
    feil = result.stdout.str()
    assert "ERROR at teardown of test_odelagt_fil" in feil
    assert "ERROR at teardown of test_odelagt_i_minnet" in feil
    assert "odelagt.pdf: not PDF/A-2b" in feil and "render_sider(…): not PDF/A-2b" in feil
    assert "med-vilje.pdf" not in feil and "gammel.pdf" not in feil
