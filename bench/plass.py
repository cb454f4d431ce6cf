"""Benchmark: what the fit check and the renderer's guard cost, beside rendering itself.

    .venv/bin/python bench/plass.py [--n 300] [--seed 2026] [--runder 3]

The same generated documents as ``pdf.py`` (``pdf_dokumenter.py``, not timed). Timed in CPU
time of this process (``time.process_time``, less sensitive than the wall clock to other load
on a shared machine), best of ``--runder`` rounds, the text-width cache emptied before each:

- ``vitnemal.pdf.kontroll.passer(dok)`` (the fit check ``vitnemal lag`` runs before printing),
- ``vitnemal.pdf.vakt.tekst`` over every text the layout places (the guard inside the renderer:
  glyphs and printable area),
- ``vitnemal.pdf.render.render(dok)`` (in memory; the guard included).

Prints ms per document and the two shares of a render, and the number of findings (the
generated documents all fit, so 0 is expected). Asserts nothing about timing.
"""

from __future__ import annotations

import argparse
import time

from pdf_dokumenter import lag_dokumenter

from vitnemal.pdf import fonts, vakt
from vitnemal.pdf.kontroll import passer
from vitnemal.pdf.layout import layout
from vitnemal.pdf.render import render


def _best(runder: int, arbeid) -> float:
    tider = []
    for _ in range(runder):
        fonts.width.cache_clear()
        vakt.mangler.cache_clear()
        t = time.process_time()
        arbeid()
        tider.append(time.process_time() - t)
    return min(tider)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--runder", type=int, default=3)
    a = ap.parse_args()
    docs = lag_dokumenter(a.n, a.seed)
    fonts.register()
    tekster = [op for d in docs for s in layout(d) for op in s.ops if op[0] == "T"]
    funn = sum(len(passer(d)) for d in docs)

    def vakten():
        for _, x, y, font, size, s in tekster:
            vakt.tekst(x, y, font, size, s)

    t_passer = _best(a.runder, lambda: [passer(d) for d in docs]) / a.n * 1000
    t_vakt = _best(a.runder, vakten) / a.n * 1000
    t_render = _best(a.runder, lambda: [render(d) for d in docs]) / a.n * 1000
    print(f"documents: {a.n} (seed {a.seed}), texts placed: {len(tekster)}, findings: {funn}")
    print(f"render (guard included):  {t_render:6.2f} ms CPU/document")
    print(f"fit check (passer):       {t_passer:6.3f} ms CPU/document  "
          f"({t_passer / t_render * 100:.1f} % of a render)")
    print(f"guard (vakt.tekst):       {t_vakt:6.3f} ms CPU/document  "
          f"({t_vakt / t_render * 100:.1f} % of a render)")


if __name__ == "__main__":
    main()
