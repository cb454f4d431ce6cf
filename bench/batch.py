"""Benchmark: a background batch (issue 17) with 1 and 2 ``vitnemal worker`` processes, against
the register's CLI masseutstedelse (``vitnemal utsted --skole``, bench/register.py) in the same
run.

    .venv/bin/python bench/batch.py [--antall 10000] [--pg postgresql://…/postgres]
                                     [--bare sqlite|postgresql] [--arbeidere 1,2]

Generates ``--antall`` issuable records (tests/store/stotte.py) and imports them once per
database, untimed; every run starts from a copy of that register (SQLite: the file;
PostgreSQL: ``CREATE DATABASE … TEMPLATE``). Timed, wall clock:

1. ``vitnemal utsted --skole ORGNR`` — the CLI masseutstedelse over all cores (chunks of 200
   in one transaction, PDFs rendered ahead with predicted numbers);
2. per worker count: ``vitnemal utsted --skole ORGNR --bakgrunn`` (enqueue), then N
   ``vitnemal worker --tom`` processes until all have exited (the queue is empty) — one
   person per transaction through ``utstedelse.utsted``.

Prints documents/s of each, the ratio batch/CLI, and the CPU seconds per document of the
workers (user+sys of the worker processes, start-up included; the CLI's from its phase
timers: check + PDF + database). The machine is shared: quote the ratios and the CPU per
document. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
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


def kjor(env: dict, *args: str) -> subprocess.CompletedProcess:
    p = subprocess.run([sys.executable, "-m", "vitnemal", *args], env=env,
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"vitnemal {' '.join(args[:3])} … feilet ({p.returncode}):\n"
                         f"{p.stderr[-2000:]}")
    return p


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


class Register:
    """A register with the records imported, copied afresh for every run."""

    def __init__(self, kind: str, tmp: Path, pg: str, kat: Path):
        self.kind, self.tmp, self.pg = kind, tmp, pg
        self.base = {k: v for k, v in os.environ.items()
                     if k not in ("DATABASE_URL", "VITNEMAL_DB")}
        self.base["VITNEMAL_BRUKER"] = "bench"
        self.kopier: list[str] = []
        self.mal = self._ny()
        env = self._env(self.mal)
        kjor(env, "db", "migrate")
        kjor(env, "skole", "registrer", *stotte.SKOLE)
        kjor(env, "import", str(kat), "--skole", stotte.ORGNR, "--json")

    def _url(self, navn: str) -> str:
        u = urlsplit(self.pg)
        return urlunsplit((u.scheme, u.netloc, "/" + navn, u.query, u.fragment))

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.pg, autocommit=True) as c:
            c.execute(sql)

    def _ny(self, mal: str | None = None) -> str:
        navn = f"vitnemal_bench_{uuid.uuid4().hex[:8]}"
        if self.kind == "sqlite":
            fil = self.tmp / f"{navn}.sqlite3"
            if mal:
                shutil.copyfile(mal, fil)
            return str(fil)
        self._admin(f"CREATE DATABASE {navn}" + (f" TEMPLATE {mal}" if mal else ""))
        self.kopier.append(navn)
        return navn

    def _env(self, navn: str) -> dict:
        if self.kind == "sqlite":
            return {**self.base, "VITNEMAL_DB": navn}
        return {**self.base, "DATABASE_URL": self._url(navn)}

    def kopi(self) -> dict:
        return self._env(self._ny(self.mal))

    def rydd(self) -> None:
        for navn in self.kopier:
            self._admin(f"DROP DATABASE IF EXISTS {navn} WITH (FORCE)")


def cli_masse(reg: Register, n: int) -> dict:
    env = reg.kopi()
    t0 = time.perf_counter()
    p = kjor(env, "utsted", "--skole", stotte.ORGNR, "--dato", DATO, "--json")
    sek = time.perf_counter() - t0
    res = json.loads(p.stdout)
    if res["utstedt"] != n:
        raise SystemExit(f"{reg.kind}: CLI utstedte ikke alle {n}")
    # CPU from the command's own phase timers (its forkserver workers are not our children)
    cpu = sum(res["tider"][k] for k in ("sjekk", "pdf", "database"))
    return {"sekunder": sek, "dok_per_s": n / sek, "cpu_ms_per_dok": 1000 * cpu / n}


def bakgrunn(reg: Register, n: int, arbeidere: int) -> dict:
    env = reg.kopi()
    t0 = time.perf_counter()
    b = json.loads(kjor(env, "utsted", "--skole", stotte.ORGNR, "--dato", DATO, "--bakgrunn",
                        "--json").stdout)["id"]
    c0 = _cpu()
    prosesser = [subprocess.Popen([sys.executable, "-m", "vitnemal", "worker", "--tom"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for _ in range(arbeidere)]
    for p in prosesser:
        p.wait()
    sek, cpu = time.perf_counter() - t0, _cpu() - c0
    f = json.loads(kjor(env, "batch", "vis", str(b), "--json").stdout)
    if (f["tilstand"], f["utstedt"]) != ("ferdig", n):
        raise SystemExit(f"{reg.kind}: batch {b} {f['tilstand']}, {f['utstedt']} av {n}")
    return {"arbeidere": arbeidere, "sekunder": sek, "dok_per_s": n / sek,
            "cpu_ms_per_dok": 1000 * cpu / n}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--antall", type=int, default=10_000)
    ap.add_argument("--pg", default=os.environ.get("VITNEMAL_TEST_PG", ""),
                    help="admin URL of a PostgreSQL server (databases are created and dropped)")
    ap.add_argument("--bare", choices=["sqlite", "postgresql"])
    ap.add_argument("--arbeidere", default="1,2", help="worker counts to run, comma-separated")
    a = ap.parse_args(argv)
    kinds = [a.bare] if a.bare else ["sqlite"] + (["postgresql"] if a.pg else [])
    antall_arbeidere = [int(x) for x in a.arbeidere.split(",")]
    ut = {"antall": a.antall, "kjerner": os.cpu_count(), "databaser": []}
    with tempfile.TemporaryDirectory(prefix="vitnemal-bench-batch-") as d:
        tmp = Path(d)
        kat = stotte.skriv_mapper(tmp / "mapper", stotte.mapper(a.antall))
        print(f"{a.antall} elevmapper, {os.cpu_count()} kjerner, last {os.getloadavg()[0]:.1f}")
        for kind in kinds:
            reg = Register(kind, tmp, a.pg, kat)
            try:
                cli = cli_masse(reg, a.antall)
                print(f"{kind:10s} CLI masseutstedelse: {cli['dok_per_s']:6.1f} dok/s "
                      f"({cli['sekunder']:.0f} s, CPU {cli['cpu_ms_per_dok']:.1f} ms/dok)",
                      flush=True)
                rader = []
                for n in antall_arbeidere:
                    r = bakgrunn(reg, a.antall, n)
                    r["forhold_til_cli"] = r["dok_per_s"] / cli["dok_per_s"]
                    rader.append(r)
                    print(f"{kind:10s} batch, {n} arbeider(e): {r['dok_per_s']:6.1f} dok/s "
                          f"({r['sekunder']:.0f} s, CPU {r['cpu_ms_per_dok']:.1f} ms/dok), "
                          f"{r['forhold_til_cli']:.2f} × CLI; last {os.getloadavg()[0]:.1f}",
                          flush=True)
                ut["databaser"].append({"database": kind, "cli": cli, "batch": rader})
            finally:
                reg.rydd()
    print(json.dumps(ut))


if __name__ == "__main__":
    main()
