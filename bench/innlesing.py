"""Benchmark: reading hostile input at the loader's limits (issue 12).

    .venv/bin/python bench/innlesing.py [--runder 3]

Writes, into a temporary folder, files at or just past each limit of ``vitnemal.io`` — an
elevmappe of almost 1 MB in YAML and in JSON (thousands of fag rows), a «billion laughs» YAML
file, nesting and integers far past the limits, a file over the size limit — and times
``load_elevmappe`` on each (read, parse, validate or refuse), best and median of the rounds,
beside the largest bundled sample (``eksempler/10-lang-to-sider.json``) as the yardstick.
Peak memory is the process's (resource.getrusage ru_maxrss). The machine is shared: quote
medians and the ratios, not single figures. Synthetic data only.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from vitnemal.io.les import MAKS_BYTE
from vitnemal.io.load import load_elevmappe

ROOT = Path(__file__).resolve().parents[1]
PROVE = ROOT / "eksempler" / "10-lang-to-sider.json"


def _stor_post(fmt: str) -> str:
    """The sample with fag rows repeated until the file is just under the limit."""
    data = json.loads(PROVE.read_text(encoding="utf-8"))
    rader = data["fag"]
    ut = ""
    n = len(rader)
    while True:
        data["fag"] = [copy.deepcopy(r) for r in (rader * (n // len(rader) + 1))[:n]]  # no aliases
        tekst = json.dumps(data, ensure_ascii=False) if fmt == "json" else yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False)
        if len(tekst.encode("utf-8")) > MAKS_BYTE:
            return ut
        ut, n = tekst, int(n * 1.3) + 1


def _bombe() -> str:
    linjer = ['a0: &a0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    linjer += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(linjer) + "\norden: *a9\n"


def filer(mappe: Path) -> dict[str, Path]:
    innhold = {
        "prøve (10 kB, yardstick).json": PROVE.read_text(encoding="utf-8"),
        "nesten 1 MB.yaml": _stor_post("yaml"),
        "nesten 1 MB.json": _stor_post("json"),
        "over grensen.json": '{"x": "' + "a" * MAKS_BYTE + '"}',
        "billion laughs.yaml": _bombe(),
        "nestet 100 000.json": "[" * 100_000 + "]" * 100_000,
        "nestet 100 000.yaml": "[" * 100_000 + "]" * 100_000,
        "tall 500 000 siffer.json": '{"a": ' + "9" * 500_000 + "}",
    }
    ut = {}
    for navn, tekst in innhold.items():
        f = mappe / navn
        f.write_text(tekst, encoding="utf-8")
        ut[navn] = f
    return ut


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runder", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        alle = filer(Path(d))
        grunn = None
        print(f"{'fil':<30} {'kB':>7} {'best s':>8} {'median s':>9} {'× prøve':>8}  utfall")
        for navn, f in alle.items():
            tider = []
            for _ in range(args.runder):
                t = time.perf_counter()
                mappe, problemer = load_elevmappe(f)
                tider.append(time.perf_counter() - t)
            median = statistics.median(tider)
            grunn = grunn or median
            utfall = "gyldig" if mappe else problemer[0].melding[:60]
            print(f"{navn:<30} {os.path.getsize(f) / 1000:>7.0f} {min(tider):>8.3f} "
                  f"{median:>9.3f} {median / grunn:>8.0f}  {utfall}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
