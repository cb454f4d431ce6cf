"""Instructions per record of the fullførtkode engine, counted by valgrind (load-independent).

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null \\
        .venv/bin/python bench/fullfortkode_instruksjoner.py [--antall 2000]

Needs valgrind (apt install valgrind; not part of CI). Builds ``--antall`` records with the mix
of ``bench/fullfortkode.py``, runs the engine once to fill its memo tables, then switches
callgrind's counting on (``callgrind_control -i on``) for one more pass over the records and
off again. Divide the «Collected» figure valgrind prints at exit by the record count; this
script prints the count and the command's answer line to look for.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fullfortkode import lag_mappe  # noqa: E402

from vitnemal.model import Elevmappe  # noqa: E402
from vitnemal.rules import beregn  # noqa: E402


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--antall", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    mapper = [Elevmappe.model_validate(lag_mappe(rng, i)) for i in range(args.antall)]
    for m in mapper:
        beregn(m)
    gc.collect()
    pid = str(os.getpid())
    subprocess.run(["callgrind_control", "-i", "on", pid], capture_output=True, check=False)
    for m in mapper:
        beregn(m)
    subprocess.run(["callgrind_control", "-i", "off", pid], capture_output=True, check=False)
    print(f"poster: {args.antall} — del valgrinds «Collected» på {args.antall}")


if __name__ == "__main__":
    main()
