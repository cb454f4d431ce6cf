"""Issue 16 in real headless Chromium: on the edit page, «Legg til fagrad» and «Legg til
vitnemålsmerknad» work by HTMX (the form swapped in place, no page load, focus on the new
row's first field), the re-check follows the new row at once, and saving makes a version with
it; a refused value is shown beside its field, and Enter in a field saves. axe-core on the
edit page with new rows open and with the messages: no serious or critical violation."""

from __future__ import annotations

from .test_e2e import (  # noqa: F401  (fixtures)
    _axe,
    _logg_inn,
    _ny_side,
    _tab_til,
    _tekst,
    nettleser,
    pytestmark,
    tjener,
)


def _fokus(page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.name || ''")


def test_legg_til_rader_med_htmx_og_tastatur(tjener, nettleser):  # noqa: F811 (fixtures)
    url, _logg = tjener
    csp_brudd: list[str] = []
    ctx, page = _ny_side(nettleser, csp_brudd)
    sider: list = []
    _logg_inn(page, url, "saksbehandler")
    page.goto(url + "/sok/?navn=Feilsen")
    page.locator("a", has_text="Mari Demo Feilsen").first.click()
    page.wait_for_url("**/person/*/")
    person_url = page.url
    page.goto(person_url + "endre/")
    page.evaluate("() => { window.sammeSide = true; }")  # gone if the page reloads

    _tab_til(page, _tekst("Legg til fagrad"))
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && "
                           "/^fag-\\d+-fagkode$/.test(document.activeElement.name)")
    assert page.evaluate("() => window.sammeSide === true"), "siden ble lastet på nytt"
    ny = _fokus(page).removesuffix("-fagkode")
    page.keyboard.type("REA3038")
    page.fill(f"[name={ny}-fagnavn]", "Biologi 2")
    page.select_option(f"[name={ny}-fagtype]", "VP")
    page.select_option(f"[name={ny}-trinn]", "vg3")
    page.fill(f"[name={ny}-termin]", "V2026")
    page.fill(f"[name={ny}-omfang]", "140")
    page.fill(f"[name={ny}-standpunkt]", "5")
    page.fill(f"[name={ny}-eksamen]", "D")
    page.keyboard.press("Tab")  # change → HTMX re-check: D only in the standpunkt column
    page.wait_for_function("() => document.querySelector('#funn').textContent"
                           ".includes('REA3038')")
    _axe(page, sider)

    _tab_til(page, _tekst("Legg til vitnemålsmerknad"))
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && "
                           "/^vmm-\\d+-kode$/.test(document.activeElement.name)")
    assert page.evaluate("() => window.sammeSide === true")
    assert page.input_value(f"[name={ny}-fagkode]") == "REA3038"  # the new fag row is kept
    vmm = _fokus(page).removesuffix("-kode")
    page.keyboard.type("VMM06")
    _axe(page, sider)

    page.fill(f"[name={ny}-omfang]", "mange")  # refused: the message beside the field
    page.fill("#id_arsak", "nytt fag")
    page.locator("button", has_text="Lagre ny versjon").last.click()
    page.wait_for_selector(f"#id_{ny}-omfang_error")
    assert "skal være et heltall" in page.text_content(f"#id_{ny}-omfang_error")
    assert page.get_attribute(f"[name={ny}-omfang]", "aria-invalid") == "true"
    _axe(page, sider)
    page.fill(f"[name={ny}-omfang]", "140")
    page.fill(f"[name={ny}-eksamen]", "4")
    page.keyboard.press("Enter")  # Enter in a field saves (the first submit button)
    page.wait_for_url(person_url)
    assert "REA3038 lagt til" in page.content() and "Biologi 2" in page.content()
    assert vmm.startswith("vmm-")
    ctx.close()
    brudd = [(u, v) for u, v in sider if v]
    assert not brudd, brudd
    assert not csp_brudd, csp_brudd
