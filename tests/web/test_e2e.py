"""End to end in real headless Chromium (Debian's ``chromium``, driven by Playwright from PyPI;
no browser download): the README's ``vitnemal web --demo`` serves, and the main flow is done
with the keyboard only — log in, find the person, see the FEIL, fix the grade (re-checked by
HTMX at once), save, issue, download the PDF and open it. axe-core (vendored ``axe.min.js``,
from the npm package) runs on every page: no serious or critical violation (WCAG 2.1 AA)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .tjener import demo

HER = Path(__file__).parent
CHROMIUM = os.environ.get("VITNEMAL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = HER / "axe.min.js"
PASSORD = "demo-vitnemal-2026"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="chromium er ikke installert (apt-get install chromium)")


@pytest.fixture(scope="module")
def tjener(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    with open(tmp / "tjener.log", "w") as logg:
        p, url = demo(tmp, logg)
        try:
            yield url, tmp / "tjener.log"
        finally:
            p.terminate()
            p.wait(timeout=30)


@pytest.fixture(scope="module")
def nettleser():
    sync_api = pytest.importorskip("playwright.sync_api")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                               args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


def _axe(page, sider: list) -> None:
    """Run axe-core on the page; collect serious/critical violations."""
    page.wait_for_function("() => window.axe !== undefined")
    res = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
        return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
    }""")
    sider.append((page.url, res))


def _tab_til(page, js_test: str, maks: int = 300) -> None:
    """Press Tab until the focused element passes ``js_test`` (an expression over ``el``)."""
    for _ in range(maks):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({js_test}); }}"):
            return
    raise AssertionError(f"nådde ikke {js_test} med Tab")


def _tekst(t: str) -> str:
    return f"el && el.textContent.trim().startsWith({t!r})"


def _ny_side(nettleser, csp_brudd: list[str]):
    """A new context with axe-core injected (via the DevTools protocol: the page's CSP stays
    on) and downloads allowed; CSP violations reported on the console go to ``csp_brudd``."""
    ctx = nettleser.new_context(accept_downloads=True, locale="nb-NO")
    ctx.add_init_script(path=str(AXE))
    page = ctx.new_page()
    page.on("console", lambda m: csp_brudd.append(m.text)
            if "Content Security Policy" in m.text else None)
    return ctx, page


def _logg_inn(page, url: str, bruker: str) -> None:
    page.goto(url + "/logg-inn/")
    page.fill("#id_username", bruker)
    page.fill("#id_password", PASSORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(url + "/")


def _last_ned(page, lenketekst: str, fil: Path):
    """Tab to the link, press Enter, save the download to ``fil``; returns the download."""
    _tab_til(page, _tekst(lenketekst))
    with page.expect_download() as nedlasting:
        page.keyboard.press("Enter")
    nedlasting.value.save_as(fil)
    return nedlasting.value


def test_hovedflyten_med_tastatur_og_axe(tjener, nettleser, tmp_path):
    import pikepdf

    url, tjenerlogg = tjener
    csp_brudd: list[str] = []
    ctx, page = _ny_side(nettleser, csp_brudd)
    sider: list = []

    page.goto(url + "/")
    assert "/logg-inn/" in page.url
    _axe(page, sider)
    page.keyboard.type("saksbehandler")  # the user name field has autofocus
    page.keyboard.press("Tab")
    page.keyboard.type(PASSORD)
    page.keyboard.press("Enter")
    page.wait_for_url(url + "/")
    _axe(page, sider)

    _tab_til(page, _tekst("Finn person"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok/")
    _axe(page, sider)
    _tab_til(page, "el && el.id === 'id_navn'")
    page.keyboard.type("Feilsen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok/?*")
    _axe(page, sider)
    _tab_til(page, _tekst("Mari Demo Feilsen"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/person/*/")
    assert "KARAKTER-KOLONNE" in page.content() and "1 FEIL" in page.content()
    _axe(page, sider)
    person_url = page.url

    _tab_til(page, _tekst("Endre elevmappen"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/endre/")
    _axe(page, sider)
    _tab_til(page, "el && el.labels && el.labels[0] && "
                   "el.labels[0].textContent.startsWith('Eksamen, ENG1007')")
    page.keyboard.press("Control+A")
    page.keyboard.type("5")
    page.keyboard.press("Tab")  # change → HTMX posts the values and swaps in the new checks
    page.wait_for_function("() => document.querySelector('#funn h2:last-of-type')"
                           ".textContent.includes('0 FEIL')")
    _tab_til(page, "el && el.id === 'id_arsak'")
    page.keyboard.type("retting av eksamenskarakter")
    page.keyboard.press("Enter")
    page.wait_for_url(person_url)
    assert "Kontroll: 0 FEIL" in page.content()
    _axe(page, sider)

    _tab_til(page, _tekst("Utsted dokument"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/dokument/*/")
    assert "dokument utstedt" in page.content()
    _axe(page, sider)
    fil = tmp_path / "dokument.pdf"
    nedlasting = _last_ned(page, "Last ned PDF", fil)
    with pikepdf.open(fil) as pdf:
        assert len(pdf.pages) >= 1
    assert "57110997003" not in nedlasting.suggested_filename

    for sti in ("/register/", "/register/?type=V&status=gyldig"):
        page.goto(url + sti)
        _axe(page, sider)
    ctx.close()

    ctx, page = _ny_side(nettleser, csp_brudd)
    _logg_inn(page, url, "revisor")
    for sti in ("/logg/", "/logg/?bruker=saksbehandler", person_url.removeprefix(url)):
        page.goto(url + sti)
        _axe(page, sider)
    dok = page.locator("a[href^='/dokument/']").first.get_attribute("href")
    page.goto(url + dok)
    _axe(page, sider)
    ctx.close()

    ctx, page = _ny_side(nettleser, csp_brudd)  # issue 16: the county's pages
    _logg_inn(page, url, "fylkesadmin")
    _axe(page, sider)  # the start page with the county's readiness
    for sti in ("/nummerserier/", "/klar/", "/klar/?sjekk=dokumenter_uten_feil"):
        page.goto(url + sti)
        _axe(page, sider)
    ctx.close()

    brudd = [(u, v) for u, v in sider if v]
    assert not brudd, brudd
    assert len(sider) >= 12
    assert not csp_brudd, csp_brudd
    assert "57110997003" not in tjenerlogg.read_text()


def test_masseutstedelse_start_avbryt_fremdrift_og_zip(tjener, nettleser, tmp_path):
    """Issue 17 in the browser: a clerk reaches «Masseutstedelse» from the start page, starts
    a batch, starts and cancels a second one (with confirmation), watches the first one's
    progress (HTMX polling) while a real ``vitnemal worker --tom`` runs it, sees the result
    table when it ends and downloads the ZIP of its PDFs. axe-core on every batch page."""
    import re
    import subprocess
    import sys
    import zipfile

    import pikepdf

    url, tjenerlogg = tjener
    csp_brudd: list[str] = []
    ctx, page = _ny_side(nettleser, csp_brudd)
    sider: list = []
    _logg_inn(page, url, "saksbehandler")

    def start_batch() -> str:
        page.goto(url + "/")
        _tab_til(page, _tekst("Masseutstedelse"))
        page.keyboard.press("Enter")
        page.wait_for_url("**/batch/")
        _axe(page, sider)
        _tab_til(page, _tekst("Start masseutstedelse"))
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r".*/batch/\d+/$"))
        return page.url

    forste = start_batch()
    assert "Batch" in page.content() and "Ny" in page.locator("#tilstand").inner_text()
    antall = int(re.search(r"Behandlet 0 av (\d+)", page.content()).group(1))
    assert antall >= 2
    _axe(page, sider)

    andre = start_batch()
    assert andre != forste
    _tab_til(page, _tekst("Avbryt batchen"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/avbryt/")
    assert "Bekreft avbryting" in page.content()
    _axe(page, sider)
    _tab_til(page, _tekst("Bekreft avbryting"))
    page.keyboard.press("Enter")
    page.wait_for_url(andre)
    assert page.locator("#tilstand").inner_text() == "Avbrutt"
    assert f"Avbrutt: {antall}" in page.locator("#fremdrift").inner_text()
    _axe(page, sider)

    page.goto(forste)  # the clerk watches; the page polls the progress fragment
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",
                                                             "DJANGO_SETTINGS_MODULE")}
    tmp = tjenerlogg.parent
    env.update(VITNEMAL_DB=str(tmp / "demo.sqlite3"), XDG_DATA_HOME=str(tmp / "xdg"))
    with open(tmp_path / "arbeider.log", "w") as logg:
        arbeider = subprocess.Popen([sys.executable, "-m", "vitnemal", "worker", "--tom",
                                     "--intervall", "0.2"], env=env, stdout=logg,
                                    stderr=subprocess.STDOUT)
        try:
            # «Ferdig» comes by polling; the page then reloads (HX-Refresh) with the results
            page.locator("a", has_text="Last ned ZIP").wait_for(timeout=180_000)
            assert arbeider.wait(timeout=120) == 0
        finally:
            if arbeider.poll() is None:
                arbeider.terminate()
                arbeider.wait(timeout=30)
    assert page.locator("#tilstand").inner_text() == "Ferdig"
    tekst = page.locator("#fremdrift").inner_text()
    assert f"Behandlet {antall} av {antall}" in tekst
    utstedt = int(re.search(r"Utstedt: (\d+)", tekst).group(1))
    assert utstedt >= 1
    assert page.locator("table a[href^='/person/']").count() == antall
    _axe(page, sider)

    fil = tmp_path / "batch.zip"
    _last_ned(page, "Last ned ZIP", fil)
    with zipfile.ZipFile(fil) as z:
        navn = z.namelist()
        assert len(navn) == utstedt and all(n.endswith(".pdf") for n in navn)
        for n in navn:
            # order and document number (V + orgnr + year + serial), never a fødselsnummer
            assert re.fullmatch(r"\d{5}-[VK]\d{9}20\d{2}\d{5}\.pdf", n), n
            ut = tmp_path / n
            ut.write_bytes(z.read(n))
            with pikepdf.open(ut) as pdf:
                assert len(pdf.pages) >= 1
    ctx.close()

    brudd = [(u, v) for u, v in sider if v]
    assert not brudd, brudd
    assert len(sider) >= 6
    assert not csp_brudd, csp_brudd
    arbeiderlogg = (tmp_path / "arbeider.log").read_text()
    for logg_tekst in (arbeiderlogg, tjenerlogg.read_text()):
        assert "57110997003" not in logg_tekst and "58110997103" not in logg_tekst
