"""Backup and restore of the register with the databases' own tools (issue 17): SQLite's online
backup API (a consistent copy while others write), PostgreSQL's ``pg_dump -Fc`` and
``pg_restore``. The PostgreSQL tools are looked up on ``PATH``, then in
``VITNEMAL_PG_BIN`` and Debian's ``/usr/lib/postgresql/*/bin`` (newest first); the password,
if any, goes to them in ``PGPASSWORD``, never on a command line."""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection, connections

from vitnemal.errors import VitnemalError


def _pg_verktoy(navn: str) -> str:
    steder = [os.environ.get("VITNEMAL_PG_BIN", "")]
    steder += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                     key=lambda s: int(Path(s).parent.name) if Path(s).parent.name.isdigit()
                     else 0, reverse=True)
    funnet = shutil.which(navn) or next(
        (str(Path(s) / navn) for s in steder if s and (Path(s) / navn).exists()), None)
    if not funnet:
        raise VitnemalError(f"finner ikke {navn}; installer PostgreSQL-klienten eller sett "
                            "VITNEMAL_PG_BIN")
    return funnet


def _pg_args() -> tuple[list[str], dict]:
    s = connection.settings_dict
    args = ["--host", s.get("HOST") or "localhost", "--port", str(s.get("PORT") or 5432),
            "--username", s.get("USER") or "postgres", "--no-password"]
    env = {**os.environ}
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = s["PASSWORD"]
    return args, env


def _kjor(cmd: list[str], env: dict) -> None:
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        siste = (p.stderr.strip().splitlines() or ["(ingen melding)"])[-1]
        raise VitnemalError(f"{Path(cmd[0]).name} feilet: {siste}")


def _sqlite_kopi(kilde: sqlite3.Connection, mal: str | Path) -> None:
    """Copy the database ``kilde`` into the file ``mal`` with the online backup API."""
    ut = sqlite3.connect(mal, timeout=60)
    try:
        with ut:
            kilde.backup(ut)
    finally:
        ut.close()
        kilde.close()


def backup(fil: Path) -> str:
    """Write a backup of the register to ``fil``; returns the method used."""
    if connection.vendor == "sqlite":
        _sqlite_kopi(sqlite3.connect(connection.settings_dict["NAME"], timeout=60), fil)
        return "SQLite online backup"
    args, env = _pg_args()
    _kjor([_pg_verktoy("pg_dump"), "--format=custom", "--file", str(fil), *args,
           connection.settings_dict["NAME"]], env)
    return "pg_dump -Fc"


def restore(fil: Path) -> str:
    """Replace the register's contents with the backup ``fil``; returns the method used."""
    if not fil.is_file():
        raise VitnemalError(f"{fil}: finnes ikke eller er ikke en fil")
    connections.close_all()
    if connection.vendor == "sqlite":
        kilde = sqlite3.connect(f"file:{fil}?mode=ro", uri=True)
        try:
            register = kilde.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                     "name = 'store_utstedtdokument'").fetchone()
        except sqlite3.DatabaseError:
            register = None
        if register is None:  # checked before the register is touched
            kilde.close()
            raise VitnemalError(f"{fil}: ikke en SQLite-sikkerhetskopi av registeret")
        _sqlite_kopi(kilde, connection.settings_dict["NAME"])
        return "SQLite online backup"
    args, env = _pg_args()
    _kjor([_pg_verktoy("pg_restore"), "--clean", "--if-exists", "--no-owner",
           "--single-transaction", "--exit-on-error", *args, "--dbname",
           connection.settings_dict["NAME"], str(fil)], env)
    return "pg_restore"
