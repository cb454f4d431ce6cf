"""Support for the register tests: a fresh database per use (SQLite file, or a PostgreSQL
database on the server ``VITNEMAL_TEST_PG`` names), synthetic records, direct SQL checks.

``VITNEMAL_TEST_PG`` is an admin URL such as ``postgresql://postgres@127.0.0.1:54314/postgres``;
each test session and each multi-process test creates and drops its own database there.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import random
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EKSEMPLER = ROOT / "eksempler"
PG = os.environ.get("VITNEMAL_TEST_PG", "")
VENDOR = "postgresql" if PG else "sqlite"
ORGNR = "974544482"
SKOLE = ["--orgnr", ORGNR, "--navn", "Nordlys videregående skole", "--sted", "Oslo",
         "--underskriver", "Rektor Randi Rektorsen", "--underskriver", "Per Avdeling"]


def _pg_url(dbname: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    u = urlsplit(PG)
    return urlunsplit((u.scheme, u.netloc, "/" + dbname, u.query, u.fragment))


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(sql)


@contextlib.contextmanager
def ny_database(tmp: Path):
    """Environment variables for a fresh, empty register database (dropped afterwards)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "VITNEMAL_DB")}
    env["XDG_DATA_HOME"] = str(tmp / "xdg")
    if PG:
        navn = f"vitnemal_test_{uuid.uuid4().hex[:12]}"
        _pg_admin(f"CREATE DATABASE {navn}")
        env["DATABASE_URL"] = _pg_url(navn)
        try:
            yield env
        finally:
            _pg_admin(f"DROP DATABASE IF EXISTS {navn} WITH (FORCE)")
    else:
        env["VITNEMAL_DB"] = str(tmp / f"register-{uuid.uuid4().hex[:8]}.sqlite3")
        yield env


def sql(env: dict, query: str, params: tuple = ()) -> list[tuple]:
    """Run ``query`` on the register of ``env`` outside Django (checks of multi-process runs)."""
    if "DATABASE_URL" in env:
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as conn:
            return conn.execute(query.replace("?", "%s"), params).fetchall()
    conn = sqlite3.connect(env["VITNEMAL_DB"], timeout=60)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def cli(env: dict, *args: str, input: str | None = None, timeout: float = 600,
        check: bool = True) -> subprocess.CompletedProcess:
    p = subprocess.run([sys.executable, "-m", "vitnemal", *args], env=env, input=input,
                       capture_output=True, text=True, timeout=timeout)
    if check and p.returncode not in (0, 1):
        raise AssertionError(f"vitnemal {' '.join(args)} → {p.returncode}\n{p.stderr[-3000:]}")
    return p


def fiktivt_fnr(i: int) -> str:
    """A distinct VIGO fictive fødselsnummer (003 A01: day + 40, «9x», gender digit, county);
    ``i`` < 8 * 365 * 10 … enough for the tests and the bench."""
    dag = 41 + i % 28
    mnd = 1 + (i // 28) % 12
    ar = 5 + (i // (28 * 12)) % 5
    nr = 99 - (i // (28 * 12 * 5)) % 10
    kjonn = i % 10
    return f"{dag:02d}{mnd:02d}{ar:02d}{nr:02d}{kjonn}03"


def mapper(antall: int, *, seed: int = 1) -> list[dict]:
    """``antall`` synthetic records that can be issued: the bundled samples without FEIL,
    each with its own name and fictive fødselsnummer."""
    maler = []
    for p in sorted(EKSEMPLER.glob("*.json")):
        maler.append(json.loads(p.read_text(encoding="utf-8")))
    rng = random.Random(seed)
    ut = []
    for i in range(antall):
        m = copy.deepcopy(maler[i % len(maler)])
        m["person"]["fodselsnummer"] = fiktivt_fnr(i)
        m["person"]["navn"] = f"Testperson {i} {rng.choice(['Ås', 'Øye', 'Bø', 'Lie'])}"
        ut.append(m)
    return ut


def skriv_mapper(mappe: Path, data: list[dict]) -> Path:
    mappe.mkdir(parents=True, exist_ok=True)
    for i, m in enumerate(data):
        (mappe / f"elev-{i:05d}.json").write_text(json.dumps(m, ensure_ascii=False),
                                                  encoding="utf-8")
    return mappe


def klargjor(env: dict, tmp: Path, antall: int) -> list[int]:
    """Migrate, register the school, import ``antall`` records; returns the person ids."""
    cli(env, "db", "migrate", "--bruker", "testbruker")
    cli(env, "skole", "registrer", *SKOLE, "--bruker", "testbruker")
    kat = skriv_mapper(tmp / "mapper", mapper(antall))
    p = cli(env, "import", str(kat), "--skole", ORGNR, "--bruker", "testbruker", "--json")
    return [m["person"] for m in json.loads(p.stdout)["mapper"]]
