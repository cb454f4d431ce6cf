"""Benchmark: parse and file-control a national ¤-file (default 50,000 documents).

    .venv/bin/python bench/nvb.py [--antall 50000] [--runder 3] [--seed 1] [--behold FIL]

A child process generates a realistic file (``nvb_dokumenter.generer``: ~70 % vitnemål with
16–26 subjects, ~30 % kompetansebevis, ~400 schools, 2 % documents with a mistake) and writes
it with ``vitnemal.nvb.skriv`` (the writer's documents/s is printed too). This process then,
``--runder`` times: parses the file (``les``), runs the file control (``kontroller``,
testdata on: the people are Tenor test numbers) — the file checks and, per document, the
core's ``Dokument`` made from its records and the guideline's catalogue (``sjekk_dokument``),
split over the cores from 2,000 documents (``nvb.kontroll._Arbeid``) — and writes the result
file, with the cyclic collector paused for the three as the CLI does (``vitnemal.nvb.minne``).
It prints documents/s for each step and for parse + control (best and median of the rounds;
wall clock, and CPU time of this process and its workers, which other load on the machine
disturbs less: with N free cores the wall clock approaches CPU/N for the control), the ratio
to the issue's target for the whole check (≥ 2,500 documents/s), the peak memory of this
process (``ru_maxrss``; the generator ran in the child, so it is not counted) and the load
average. The machine is shared: read the best round as the code's speed and the median as
what a busy machine gives.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

MAAL = 2_500  # documents/s, issue 15, for the whole check (file checks + diploma rules)


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the control's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _kjerner() -> int:
    from vitnemal.nvb.kontroll import _kjerner as k

    return k()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def lag(sti: str, antall: int, seed: int) -> None:
    """Child: generate and write the file; print the writer's figures as JSON."""
    sys.path.insert(0, str(Path(__file__).parent))
    from nvb_dokumenter import generer

    from vitnemal.nvb import skriv

    fil = generer(antall, seed)
    t0 = time.perf_counter()
    tekst = skriv(fil)
    t1 = time.perf_counter()
    Path(sti).write_text(tekst, encoding="utf-8", newline="\n")
    print(json.dumps({"skriv_s": t1 - t0, "linjer": tekst.count("\n"),
                      "byte": len(tekst.encode("utf-8"))}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--antall", type=int, default=50_000)
    ap.add_argument("--runder", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--behold", metavar="FIL", help="keep the generated ¤-file here")
    ap.add_argument("--fil", metavar="FIL",
                    help="check this ¤-file instead of generating one (--antall is its count)")
    ap.add_argument("--lag", metavar="FIL", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.lag:
        lag(args.lag, args.antall, args.seed)
        return 0

    from vitnemal.nvb import kontroller, les, resultat
    from vitnemal.nvb.minne import uten_syklisk_gc

    with tempfile.TemporaryDirectory() as tmp:
        sti = args.fil or args.behold or os.path.join(tmp, "nvb.txt")
        if not args.fil:
            t = time.perf_counter()
            ut = subprocess.run([sys.executable, __file__, "--lag", sti, "--antall",
                                 str(args.antall), "--seed", str(args.seed)],
                                check=True, capture_output=True, text=True)
            laget = json.loads(ut.stdout)
            print(f"generated {args.antall:,} documents, {laget['linjer']:,} lines, "
                  f"{laget['byte'] / 1e6:.1f} MB in {time.perf_counter() - t:.1f} s (child)")
            print(f"writer (skriv): {args.antall / laget['skriv_s']:,.0f} documents/s "
                  f"({laget['skriv_s']:.2f} s)")
        rss0 = _rss_mb()
        lese, kontroll, resultatfil, hele, cpu = [], [], [], [], []
        funn = None
        for _ in range(args.runder):
            gc.collect()
            with uten_syklisk_gc():  # as `vitnemal nvb sjekk` runs them
                c0, t0 = _cpu(), time.perf_counter()
                lesing = les(sti)
                t1 = time.perf_counter()
                r = kontroller(lesing, testdata=True)
                t2, c2 = time.perf_counter(), _cpu()
                resultat.skriv_resultat(r, tidspunkt=datetime(2026, 6, 26, 12),
                                        kjoretid=t2 - t0)
                t3 = time.perf_counter()
            lese.append(t1 - t0)
            kontroll.append(t2 - t1)
            resultatfil.append(t3 - t2)
            hele.append(t2 - t0)
            cpu.append(c2 - c0)
            funn = (len(r.dokumenter), sum(1 for d in r.dokumenter if d.har_feil),
                    {a.value: n for a, n in r.antall.items()}, len(lesing.problemer))
            del lesing, r
        n = args.antall

        def vis(navn, tider):
            print(f"{navn:<22} best {n / min(tider):>9,.0f} documents/s   median "
                  f"{n / statistics.median(tider):>9,.0f} documents/s   "
                  f"({min(tider):.2f} s best)")

        print(f"rounds: {args.runder}; checked {funn[0]:,} documents, {funn[1]:,} with FEIL; "
              f"findings {funn[2]}; parser problems {funn[3]}")
        vis("parse (les)", lese)
        vis("control (file+guide)", kontroll)
        vis("parse + control", hele)
        vis("result file", resultatfil)
        vis("parse+control CPU all", cpu)
        print(f"(CPU of this process and its workers; {_kjerner()} core(s) available to "
              "split the control over)")
        print(f"parse + control vs the issue's target for the whole check ({MAAL:,}/s): "
              f"{n / min(hele) / MAAL:.1f}× (best), {n / statistics.median(hele) / MAAL:.1f}× "
              "(median)")
        print(f"peak memory (ru_maxrss): {_rss_mb():.0f} MB (before parsing: {rss0:.0f} MB)")
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
              f"({os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
