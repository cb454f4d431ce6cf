"""Benchmark: masseutstedelse from the register, end to end, against ``vitnemal lag`` on the
same records without a register.

    .venv/bin/python bench/register.py [--antall 10000] [--pg postgresql://…/postgres]
                                        [--bare sqlite|postgresql] [--jobber 0]

Generates ``--antall`` issuable records (the bundled samples without FEIL, each with its own
name and VIGO fictive fødselsnummer; tests/store/stotte.py) into a temporary folder, untimed.
Then, timed as whole commands (wall clock, all cores):

1. ``vitnemal lag DIR -o OUT`` — check, compose and render every record to a PDF file, no
   register (the baseline);
2. per database (a fresh SQLite file; a fresh PostgreSQL database on the server ``--pg`` or
   ``VITNEMAL_TEST_PG`` names, when given): ``db migrate``, ``skole registrer`` and
   ``import`` (timed on their own), then ``utsted --skole`` — check, number, PDF and store
   every document, one transaction per chunk of 200.

Prints documents/s of each, the ratio register/lag, and the time per document split into
check (validation + rules + compose + serialisation, in the workers, plus any recomposition
inside the transaction when a predicted number missed), PDF (rendering and hashing, in the
workers, plus any rendering inside the transaction) and database (the coordinator's
transactions: allocation, inserts of documents, PDFs and events, commit). Check and PDF are summed over
the worker processes, so with two workers they add up to about twice the wall time. The
machine is shared: quote the ratio, and medians of repeated runs. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "store"))  # the record generator of the tests
import stotte  # noqa: E402

DATO = "2026-06-19"


def kjor(env: dict, *args: str) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "vitnemal", *args], env=env,
                       capture_output=True, text=True)
    sek = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"vitnemal {' '.join(args[:3])} … feilet ({p.returncode}):\n"
                         f"{p.stderr[-2000:]}")
    return sek, p


def database(kind: str, tmp: Path, pg: str) -> tuple[dict, str | None]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "VITNEMAL_DB")}
    env["VITNEMAL_BRUKER"] = "bench"
    if kind == "sqlite":
        env["VITNEMAL_DB"] = str(tmp / f"register-{uuid.uuid4().hex[:6]}.sqlite3")
        return env, None
    import psycopg

    navn = f"vitnemal_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {navn}")
    u = urlsplit(pg)
    env["DATABASE_URL"] = urlunsplit((u.scheme, u.netloc, "/" + navn, u.query, u.fragment))
    return env, navn


def slett(pg: str, navn: str | None) -> None:
    if navn:
        import psycopg

        with psycopg.connect(pg, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {navn} WITH (FORCE)")


def register_kjoring(kind: str, tmp: Path, kat: Path, n: int, jobber: str, pg: str) -> dict:
    env, navn = database(kind, tmp, pg)
    try:
        kjor(env, "db", "migrate")
        kjor(env, "skole", "registrer", *stotte.SKOLE)
        t_import, _ = kjor(env, "import", str(kat), "--skole", stotte.ORGNR, "--json")
        t, p = kjor(env, "utsted", "--skole", stotte.ORGNR, "--dato", DATO, "--jobber", jobber,
                    "--json")
        res = json.loads(p.stdout)
        if res["utstedt"] != n:
            raise SystemExit(f"{kind}: {res['utstedt']} av {n} utstedt")
        return {"database": kind, "sekunder": t, "dok_per_s": n / t, "import_per_s": n / t_import,
                **{f"ms_{k}": 1000 * v / n for k, v in res["tider"].items() if k != "pdf_i_las"},
                "pdf_i_las": res["tider"]["pdf_i_las"]}
    finally:
        slett(pg, navn)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--antall", type=int, default=10_000)
    ap.add_argument("--pg", default=os.environ.get("VITNEMAL_TEST_PG", ""),
                    help="admin URL of a PostgreSQL server (a database is created and dropped)")
    ap.add_argument("--bare", choices=["sqlite", "postgresql"])
    ap.add_argument("--jobber", default="0")
    a = ap.parse_args(argv)
    kinds = [a.bare] if a.bare else ["sqlite"] + (["postgresql"] if a.pg else [])
    with tempfile.TemporaryDirectory(prefix="vitnemal-bench-") as d:
        tmp = Path(d)
        mapper = stotte.mapper(a.antall)
        for i, m in enumerate(mapper):  # one number per person, or lag refuses them (001 §2.8)
            m["utsteder"]["lopenummer"] = i % 99_999 + 1
        kat = stotte.skriv_mapper(tmp / "mapper", mapper)
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "VITNEMAL_DB")}
        t_lag, _ = kjor(env, "lag", str(kat), "-o", str(tmp / "pdf"), "--dato", DATO,
                        "--jobber", a.jobber)
        lag = a.antall / t_lag
        print("kommando: python bench/register.py " + " ".join(
            x if not x.startswith("postgresql://") else "postgresql://…" for x in (argv or sys.argv[1:])))
        print(f"{a.antall} elevmapper, {os.cpu_count()} kjerner, last {os.getloadavg()[0]:.1f}")
        print(f"lag (uten register):      {lag:7.1f} dok/s  ({t_lag:.1f} s)")
        rader = []
        for kind in kinds:
            r = register_kjoring(kind, tmp, kat, a.antall, a.jobber, a.pg)
            r["forhold_til_lag"] = r["dok_per_s"] / lag
            rader.append(r)
            print(f"utsted, {kind:10s}:     {r['dok_per_s']:7.1f} dok/s  ({r['sekunder']:.1f} s), "
                  f"{r['forhold_til_lag']:.2f} × lag; per dokument: sjekk {r['ms_sjekk']:.1f} ms, "
                  f"PDF {r['ms_pdf']:.1f} ms, database {r['ms_database']:.1f} ms "
                  f"(PDF gjengitt i låsen: {r['pdf_i_las']}); import {r['import_per_s']:.0f}/s")
        print(f"last til slutt {os.getloadavg()[0]:.1f} (maskinen er delt: les forholdstallene)")
        print(json.dumps({"antall": a.antall, "lag_dok_per_s": lag, "register": rader}))


if __name__ == "__main__":
    main()
