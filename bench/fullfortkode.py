"""Benchmark: fullførtkoder for N generated elevmapper (default 200,000), realistic mix.

    .venv/bin/python bench/fullfortkode.py [--antall 200000] [--seed 1] [--runder 3]

Records are generated as JSON-like dicts (not timed), validated with pydantic
(``Elevmappe.model_validate``, timed separately) and then given to ``rules.beregn`` (the rule
engine, timed). Streams in chunks, so peak memory is that of one chunk plus the interpreter.
Every programme area line lies in the newest school year that has a rule set (2025–2026 today),
so every line is really computed: no line gets the cheap «no rule set»
answer. A record with vg1, vg2 and vg3 lines therefore has all three in that year — denser
than a real pupil, whose earlier years would have no rule set.
After validating a chunk, ``gc.collect()`` runs untimed, so that collecting the garbage
pydantic leaves (about 100 objects per record) is not billed to the engine; collections the
engine's own allocations trigger are timed, and the time spent in them is printed.
Prints records per second for the engine alone (with ``--runder R`` the engine loop runs R
times over each chunk; best and median of the rounds) and for validation + engine, the share
of lines per fullførtkode, peak memory (resource.getrusage ru_maxrss) and the load average.
The machine is a shared VM: single rounds vary by ±30 %, so use ``--runder 3`` or more and read
the best round as the engine's speed and the median as what a busy machine gives.
Synthetic people only (VIGO fictive fødselsnummer).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import time
from collections import Counter

from vitnemal.model import Elevmappe
from vitnemal.rules import alle_regelsett, beregn

FNR = ["42059199202", "55049199119", "41010899103", "52110798204"]
UTSTEDER = {"skolenavn": "Bench vgs", "orgnr": "974544482", "sted": "Oslo",
            "underskrivere": ["Rektor", "Avdelingsleder"]}
SF = {  # studieforberedende: (kode, niva) -> fag (fagkode, fagtype, halvår?)
    "vg1": ("STSSA1----", [("NOR1260", "FF", True), ("KRO1017", "FF", True),
                           ("FSP6037", "FF", True), ("ENG1007", "FF", False),
                           ("MAT1021", "FF", False), ("NAT1007", "FF", False),
                           ("GEO1003", "FF", False), ("SAK1001", "FF", False)]),
    "vg2": ("STREA2----", [("NOR1264", "FF", True), ("KRO1018", "FF", True),
                           ("HIS1009", "FF", True), ("FSP6038", "FF", True),
                           ("MAT1023", "FF", False), ("REA3056", "PF", False),
                           ("REA3058", "PF", False), ("REA3060", "PF", False)]),
    "vg3": ("STREA3----", [("NOR1267", "FF", False), ("NOR1268", "FF", False),
                           ("NOR1269", "FF", False), ("HIS1010", "FF", False),
                           ("KRO1019", "FF", False), ("REA3057", "PF", False),
                           ("REA3059", "PF", False), ("REA3061", "PF", False),
                           ("REA3062", "PF", False)]),
}
YF = {
    "vg1": ("HSHSF1----", [("KRO1017", "FF", True), ("ENG1008", "FF", False),
                           ("MAT1127", "FF", False), ("NAT1008", "FF", False),
                           ("HSF1006", "PF", False), ("HSF1007", "PF", False),
                           ("HSF1008", "PF", False), ("YFF4106", "YF", False)]),
    "vg2": ("HSHEA2----", [("KRO1018", "FF", True), ("NOR1206", "FF", False),
                           ("SAK1002", "FF", False), ("HEA2005", "PF", False),
                           ("HEA2006", "PF", False), ("HEA2007", "PF", False),
                           ("YFF4209", "YF", False)]),
    "vg3": ("HSHSE3----", [("HSE3001", "PF", False), ("HSE3002", "PF", False),
                           ("HSE3003", "PF", False), ("NOR1206", "FF", False)]),
}
SKOLEAR = alle_regelsett()[-1].navn  # the newest school year with rules (not an example)
TERMIN = f"V{SKOLEAR[5:]}"
SEKS = ["NOR1271", "ENG1009", "MAT1019", "NAT1007", "HIS1011", "SAK1001"]


def _karakter(rng: random.Random) -> object:
    r = rng.random()
    if r < 0.01:
        return "IV"
    if r < 0.03:
        return 1
    return rng.choice((2, 3, 3, 4, 4, 4, 5, 5, 6))


def _linje_fag(rng, niva, fagliste, termin, *, privatist=False) -> list[dict]:
    rader = []
    for kode, fagtype, halvar in fagliste:
        rad = {"fagkode": kode, "fagnavn": kode, "fagtype": fagtype, "trinn": niva,
               "termin": termin}
        if privatist:
            rad.update(privatist=True, eksamen=_karakter(rng), eksamensform="S")
        elif halvar:
            rad.update(vurdering="halvar", standpunkt=_karakter(rng))
        else:
            rad["standpunkt"] = _karakter(rng)
            if rng.random() < 0.2:
                rad.update(eksamen=rng.choice((1, 2, 3, 4, 5, "IM")), eksamensform="S")
        if rng.random() < 0.02 and not privatist:
            rad.update(standpunkt="F", fagmerknad={"kode": "FAM02"})
            rad.pop("eksamen", None), rad.pop("eksamensform", None)
        rader.append(rad)
    return rader


def lag_mappe(rng: random.Random, i: int) -> dict:
    """One synthetic record: a mix of pupils in vg1–vg3 (one or three lines), yrkesfag and
    studieforberedende, IOP, privatister with 6-pack, voksne, lærlinger, deltid, over two years."""
    person = {"navn": f"Bench Elev {i}", "fodselsnummer": FNR[i % 4], "status": "elev"}
    linjer, fag = [], []
    r = rng.random()
    if r < 0.08:  # privatist, 6-pack
        person["status"] = "privatist"
        linjer.append({"kode": "PBPBY4----", "navn": "Fag for studiekompetanse", "niva": "vg3",
                       "skolear": SKOLEAR, "hele_programomradet": rng.random() < 0.7})
        fag = _linje_fag(rng, "vg3", [(k, "FF", False) for k in rng.sample(SEKS, rng.randint(4, 6))],
                         TERMIN, privatist=True)
    elif r < 0.12:  # lærling / lærekandidat
        person["status"] = rng.choice(("laerling", "laerekandidat"))
        linjer.append({"kode": "HSHEA3----", "navn": "Helsearbeiderfaget", "niva": "vg3",
                       "skolear": SKOLEAR, "laretid_fullfort": True,
                       "fagprove_avlagt": rng.random() < 0.8})
        fag = [{"fagkode": "HEA3103", "fagnavn": "Fagprøve", "fagtype": "PF", "trinn": "vg3",
                "termin": TERMIN, "eksamen": rng.choice(("B", "B", "BM", "IB"))}]
    else:
        prog = SF if rng.random() < 0.55 else YF
        tre_linjer = rng.random() < 0.35
        nivaer = ["vg1", "vg2", "vg3"] if tre_linjer else [rng.choice(("vg1", "vg2", "vg3"))]
        for niva in nivaer:  # all in SKOLEAR: every line has a rule set
            kode, fagliste = prog[niva]
            linje = {"kode": kode, "navn": kode, "niva": niva, "skolear": SKOLEAR}
            if rng.random() < 0.04:
                linje[rng.choice(("deltid", "sluttet"))] = True
            linjer.append(linje)
            fag += _linje_fag(rng, niva, fagliste, TERMIN)
        if rng.random() < 0.05:  # IOP
            person["iop"] = True
            fag[-1].update(standpunkt="VO", fagmerknad={"kode": "FAM05"})
            fag[-1].pop("eksamen", None), fag[-1].pop("eksamensform", None)
    return {"person": person, "utsteder": UTSTEDER, "programomrader": linjer, "fag": fag}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--antall", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=5_000)
    ap.add_argument("--runder", type=int, default=1,
                    help="run the engine loop this many times over each chunk (best, median)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    t_val = 0.0
    t_runder = [0.0] * args.runder
    t_gc = [0.0, 0.0, False]  # time in collections during engine rounds; start; timing on?

    def _gc_tid(fase: str, _info: dict) -> None:
        if t_gc[2]:
            if fase == "start":
                t_gc[1] = time.perf_counter()
            else:
                t_gc[0] += time.perf_counter() - t_gc[1]

    gc.callbacks.append(_gc_tid)
    koder: Counter = Counter()
    linjer = fag = 0
    done = 0
    while done < args.antall:
        n = min(args.chunk, args.antall - done)
        raw = [lag_mappe(rng, done + k) for k in range(n)]
        t0 = time.perf_counter()
        mapper = [Elevmappe.model_validate(d) for d in raw]
        t_val += time.perf_counter() - t0
        del raw
        gc.collect()  # the garbage of validation, untimed (see the module docstring)
        resultater = None
        for r in range(args.runder):
            resultater = None  # the previous round's results are freed here, untimed
            t_gc[2] = True
            t1 = time.perf_counter()
            resultater = [beregn(m) for m in mapper]
            t_runder[r] += time.perf_counter() - t1
            t_gc[2] = False
        koder.update(fk.kode or "-" for res in resultater for fk in res)
        del resultater
        linjer += sum(len(m.programomrader) for m in mapper)
        fag += sum(len(m.fag) for m in mapper)
        done += n
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t_reg = min(t_runder)
    print(f"poster: {done}  programområdelinjer: {linjer}  fagrader: {fag}")
    if args.runder > 1:
        print(f"regelmotor alene:        {done / t_reg:10.0f} poster/s  (best av {args.runder} "
              f"runder; median {done / statistics.median(t_runder):.0f} poster/s)")
    else:
        print(f"regelmotor alene:        {done / t_reg:10.0f} poster/s  ({t_reg:.1f} s)")
    print(f"herav søppeltømming:     {t_gc[0] / sum(t_runder):10.1%} av regelmotorens tid")
    print(f"pydantic-validering:     {done / t_val:10.0f} poster/s  ({t_val:.1f} s)")
    print(f"validering + regelmotor: {done / (t_val + t_reg):10.0f} poster/s")
    print(f"toppminne (ru_maxrss):   {peak_mb:10.0f} MB")
    print("andel linjer per fullførtkode: " + ", ".join(
        f"{k} {v / linjer:.1%}" for k, v in sorted(koder.items())))
    print(f"linjer uten regelsett («-»): {koder.get('-', 0)}")
    print("lastsnitt (1/5/15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
