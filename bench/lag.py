"""Benchmark: ``vitnemal lag`` over many files — time to the first PDF and to the last (issue 12).

    .venv/bin/python bench/lag.py [--antall 2000] [--jobber 0] [--runder 3] [--src DIR]

Copies the bundled samples (JSON and YAML, round robin) into ``--antall`` files in a
temporary folder and runs ``python -m vitnemal lag MAPPE -o UT`` as a real process, timing
(wall clock from start) the first «skrevet» line on stdout, the first PDF file in the output
folder and the end. ``--src DIR`` runs another checkout's ``src`` (``PYTHONPATH``), e.g. the
code before the pipeline: ``git archive main src | tar -x -C /tmp/for`` then
``--src /tmp/for/src``. Prints median and best of the rounds and the share of the run that
passed before the first PDF. Asserts nothing; the machine is shared: quote medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EKSEMPLER = ROOT / "eksempler"


def lag_inndata(mappe: Path, antall: int) -> None:
    kilder = sorted(p for p in EKSEMPLER.iterdir() if p.suffix in (".json", ".yaml"))
    for i in range(antall):
        kilde = kilder[i % len(kilder)]
        shutil.copy(kilde, mappe / f"{i:05d}{kilde.suffix}")


def en_runde(inn: Path, ut: Path, jobber: int, src: str | None) -> dict[str, float]:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    forste_pdf: list[float] = []
    ferdig = threading.Event()

    def se_etter_pdf() -> None:
        while not ferdig.is_set():
            if ut.is_dir() and any(p.suffix == ".pdf" for p in ut.iterdir()):
                forste_pdf.append(time.perf_counter())
                return
            time.sleep(0.005)

    vakt = threading.Thread(target=se_etter_pdf)
    start = time.perf_counter()
    vakt.start()
    p = subprocess.Popen([sys.executable, "-m", "vitnemal", "lag", str(inn), "-o", str(ut),
                          "--dato", "2026-06-20", "--jobber", str(jobber)],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    forste_linje = None
    linjer = 0
    for linje in p.stdout:
        if linje.startswith("skrevet "):
            linjer += 1
            if forste_linje is None:
                forste_linje = time.perf_counter()
    p.wait()
    slutt = time.perf_counter()
    ferdig.set()
    vakt.join()
    return {"første linje": (forste_linje or slutt) - start,
            "første PDF": (forste_pdf[0] if forste_pdf else slutt) - start,
            "ferdig": slutt - start, "skrevet": linjer}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--antall", type=int, default=2000)
    ap.add_argument("--jobber", type=int, default=0)
    ap.add_argument("--runder", type=int, default=3)
    ap.add_argument("--src", help="another checkout's src folder (PYTHONPATH)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="vitnemal-bench-lag-") as tmp:
        inn = Path(tmp) / "inn"
        inn.mkdir()
        lag_inndata(inn, a.antall)
        runder = []
        for _ in range(a.runder):
            ut = Path(tmp) / "ut"
            shutil.rmtree(ut, ignore_errors=True)
            runder.append(en_runde(inn, ut, a.jobber, a.src))
    print(f"vitnemal lag over {a.antall} files, --jobber {a.jobber}, {a.runder} rounds, "
          f"code: {a.src or 'this checkout'}, load average {os.getloadavg()[0]:.1f}")
    for navn in ("første linje", "første PDF", "ferdig"):
        tall = [r[navn] for r in runder]
        print(f"  {navn:13s} median {statistics.median(tall):7.2f} s   best {min(tall):7.2f} s")
    andel = statistics.median(r["første PDF"] / r["ferdig"] for r in runder)
    print(f"  first PDF after {100 * andel:.1f} % of the run; "
          f"{statistics.median(r['skrevet'] for r in runder):.0f} «skrevet» lines")


if __name__ == "__main__":
    main()
