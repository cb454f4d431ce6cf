"""Where the register is: DATABASE_URL, VITNEMAL_DB, or the per-user SQLite file; SQLite in
WAL mode, synchronous FULL, BEGIN IMMEDIATE with a busy timeout."""

from __future__ import annotations

import pytest

from vitnemal.config import settings
from vitnemal.errors import InputError

from . import stotte


@pytest.fixture
def miljo(monkeypatch, tmp_path):
    for k in ("DATABASE_URL", "VITNEMAL_DB", "VITNEMAL_DB_TIMEOUT"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return monkeypatch


def test_standard_er_sqlite_i_brukerens_datamappe(miljo, tmp_path):
    db = settings.database()
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == str(tmp_path / "data" / "vitnemal" / "register.sqlite3")
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert db["OPTIONS"]["timeout"] == 60
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert "synchronous=FULL" in db["OPTIONS"]["init_command"]


def test_vitnemal_db_og_database_url(miljo, tmp_path):
    miljo.setenv("VITNEMAL_DB", str(tmp_path / "x.sqlite3"))
    assert settings.database()["NAME"] == str(tmp_path / "x.sqlite3")
    miljo.setenv("DATABASE_URL", "postgresql://bruker:hemmelig@db.example:5433/register")
    db = settings.database()
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == ("db.example", 5433, "register",
                                                                 "bruker")
    miljo.setenv("DATABASE_URL", "mysql://x@y/z")
    with pytest.raises(InputError, match="PostgreSQL eller SQLite"):
        settings.database()


def test_sqlite_kjorer_wal_og_full_synkronisering(register_db):
    if stotte.VENDOR != "sqlite":
        pytest.skip("SQLite-innstillinger")
    from django.db import connection

    with connection.cursor() as c:
        c.execute("PRAGMA journal_mode")
        assert c.fetchone()[0] == "wal"
        c.execute("PRAGMA synchronous")
        assert c.fetchone()[0] == 2  # FULL
    assert connection.transaction_mode == "IMMEDIATE"


def test_beskrivelse_viser_ikke_passord(register_db):
    from vitnemal.store import oppsett

    tekst = oppsett.beskrivelse()
    assert tekst.startswith(("SQLite ", "PostgreSQL ")) and "@" not in tekst
