"""Check bench: one document per record from decision to checked document, beside the rule engine.

    .venv/bin/python bench/sjekk.py [--antall 5000] [--runder 3] [--seed 1]

Records are made from the bundled samples (``eksempler/``, the refused one included): each
record takes a sample and draws new grades for its numeric grades (2–6; 1 % get 1 and 0.5 %
IV), a new name and a new løpenummer, so the mix holds vitnemål, kompetansebevis and documents
with FEIL. They are validated with pydantic (not timed). Then, in one process and
in the same run:

- ``utskrift``: the issuing service for one document (decision, composition with the issuance
  facts, every check of the catalogue) — ``vitnemal.utskrift.forbered``;
- ``regelmotor``: the fullførtkode rule engine (``vitnemal.rules.beregn``) on the same
  records, for scale.

Prints records per second for each (best and median of ``--runder`` rounds), their ratio, the
share of each document type and of refused documents, peak memory and the load average. The
machine is shared: read the best round as the speed and quote ratios. Synthetic people only
(VIGO fictive fødselsnummer).
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import os
import random
import resource
import statistics
import time
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

from vitnemal.io.load import validate_data
from vitnemal.rules import beregn

ROOT = Path(__file__).resolve().parents[1]
DATO = date(2026, 6, 20)
FNR = ["42059199202", "55049199119", "41010899103", "52110798204"]


def maler() -> list[dict]:
    """The bundled sample records that load (the broken one in med-feil does not)."""
    ut = []
    for p in sorted((ROOT / "eksempler").rglob("*")):
        if p.suffix not in (".json", ".yaml") or "med-feil" in p.parts:
            continue
        tekst = p.read_text(encoding="utf-8")
        ut.append(json.loads(tekst) if p.suffix == ".json" else yaml.safe_load(tekst))
    return ut


def _karakter(rng: random.Random, gammel):
    if not (isinstance(gammel, int) or (isinstance(gammel, str) and gammel.isdigit())):
        return gammel  # IV, F, B, D …: kept as the sample has it
    r = rng.random()
    if r < 0.005:
        return "IV"
    if r < 0.015:
        return 1
    return rng.choice((2, 3, 3, 4, 4, 4, 5, 5, 6))


def lag_post(rng: random.Random, mal: dict, i: int) -> dict:
    d = copy.deepcopy(mal)
    d["person"]["navn"] = f"Bench Elev {i}"
    d["person"]["fodselsnummer"] = FNR[i % len(FNR)]
    d["utsteder"]["lopenummer"] = 1 + i % 99999
    for f in d.get("fag", []):
        for felt in ("standpunkt", "eksamen"):
            if f.get(felt) is not None:
                ny = _karakter(rng, f[felt])
                if ny == "IV" and felt == "eksamen":
                    ny = 1
                f[felt] = ny
    return d


def _forbered():
    """The issuing service, whichever signature this version of the code has."""
    import inspect

    from vitnemal import utskrift

    params = inspect.signature(utskrift.forbered).parameters
    if "utstedelse" in params:  # the issuance a plain file gets (as ``vitnemal lag``)
        return lambda m: utskrift.forbered(m, utskrift.Utstedelse.fra_elevmappe(m, dato=DATO))
    return lambda m: utskrift.forbered(m, today=DATO)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--antall", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runder", type=int, default=3)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    ms = maler()
    mapper = []
    while len(mapper) < args.antall:
        m, problemer = validate_data(lag_post(rng, rng.choice(ms), len(mapper)), "bench")
        if not problemer:
            mapper.append(m)
    forbered = _forbered()
    for m in mapper[:50]:  # warm the caches (kodeverk, rule sets, check catalogue)
        forbered(m)
        beregn(m)
    gc.collect()
    t_utskrift, t_motor = [], []
    typer: Counter = Counter()
    nektet = 0
    for _ in range(args.runder):
        t0 = time.perf_counter()
        res = [forbered(m) for m in mapper]
        t_utskrift.append(time.perf_counter() - t0)
        typer = Counter(r.rapport.dokumenttype.value if hasattr(r, "rapport")
                        else r.dokument.type.value for r in res)
        nektet = sum(1 for r in res if r.nektet)
        del res
        gc.collect()
        t0 = time.perf_counter()
        res = [beregn(m) for m in mapper]
        t_motor.append(time.perf_counter() - t0)
        del res
        gc.collect()
    n = len(mapper)
    best_u, best_m = n / min(t_utskrift), n / min(t_motor)
    print(f"poster: {n} (fra {len(ms)} eksempler)  runder: {args.runder}")
    print(f"utskrift.forbered:  {best_u:9.0f} poster/s  (best; median "
          f"{n / statistics.median(t_utskrift):.0f})  beslutning + dokument + alle sjekker")
    print(f"regelmotor (beregn): {best_m:8.0f} poster/s  (best; median "
          f"{n / statistics.median(t_motor):.0f})")
    print(f"forhold regelmotor/utskrift: {best_m / best_u:.1f}")
    print("dokumenttyper: " + ", ".join(f"{k} {v / n:.0%}" for k, v in sorted(typer.items()))
          + f"; nektet (FEIL): {nektet / n:.0%}")
    print(f"toppminne (ru_maxrss): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print("lastsnitt (1/5/15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
