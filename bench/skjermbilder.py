"""Screenshots of the web application's main pages for the README (docs/skjermbilder/).

    python bench/skjermbilder.py [--ut docs/skjermbilder]

Starts ``vitnemal web --demo`` on a throwaway SQLite register and photographs the pages with
headless Chromium (Debian's ``chromium``, driven by Playwright; no browser download).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROT / "tests" / "web"))
import tjener  # noqa: E402

PASSORD = "demo-vitnemal-2026"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ut", default=str(ROT / "docs" / "skjermbilder"))
    args = ap.parse_args()
    ut = Path(args.ut)
    ut.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        p, url = tjener.demo(Path(tmp))
        try:
            with sync_playwright() as pw:
                b = pw.chromium.launch(executable_path=shutil.which("chromium") or
                                       "/usr/bin/chromium", args=["--no-sandbox"])
                page = b.new_page(viewport={"width": 1280, "height": 900}, locale="nb-NO")

                def bilde(navn: str) -> None:
                    page.screenshot(path=str(ut / f"{navn}.png"), full_page=True)
                    print(ut / f"{navn}.png")

                def innlogget(bruker: str):
                    side = b.new_page(viewport={"width": 1280, "height": 900}, locale="nb-NO")
                    side.goto(url + "/logg-inn/")
                    side.fill("#id_username", bruker)
                    side.fill("#id_password", PASSORD)
                    side.press("#id_password", "Enter")
                    side.wait_for_url(url + "/")
                    return side

                page.goto(url + "/logg-inn/")
                bilde("01-logg-inn")
                page.fill("#id_username", "saksbehandler")
                page.fill("#id_password", PASSORD)
                page.press("#id_password", "Enter")
                page.wait_for_url(url + "/")
                bilde("02-start")
                page.goto(url + "/sok/?navn=demo")
                bilde("03-sok")
                page.click("text=Mari Demo Feilsen")
                page.wait_for_url("**/person/*/")
                bilde("04-person-med-feil")
                person = page.url
                page.goto(person + "endre/")
                bilde("05-endre")
                page.goto(url + "/register/")
                page.goto(person)
                page.goto(url + "/sok/?navn=Solveig")
                page.click("text=Solveig")
                page.click("text=Utsted dokument")
                page.wait_for_url("**/dokument/*/")
                bilde("06-dokument")
                page.goto(url + "/register/")
                bilde("07-register")
                ctx = innlogget("revisor")
                ctx.goto(url + "/logg/")
                ctx.screenshot(path=str(ut / "08-hendelseslogg.png"), full_page=True)
                print(ut / "08-hendelseslogg.png")
                page.goto(url + "/klar/")
                bilde("09-klar-til-frist")
                fa = innlogget("fylkesadmin")
                for sti, navn in (("/nummerserier/", "10-nummerserier"),
                                  ("/admin/auth/user/add/", "11-admin-ny-bruker")):
                    fa.goto(url + sti)
                    fa.screenshot(path=str(ut / f"{navn}.png"), full_page=True)
                    print(ut / f"{navn}.png")
                b.close()
        finally:
            p.terminate()
            p.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
