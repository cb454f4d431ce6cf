"""``vitnemal db backup`` / ``db restore``: a round trip into a fresh database gives back every
stored document with the same SHA-256 (SQLite online backup API; pg_dump/pg_restore with
``VITNEMAL_TEST_PG``)."""

from __future__ import annotations

import hashlib

from tests.store import stotte


def _hashes(env: dict) -> dict:
    rader = stotte.sql(env, "SELECT nummer, pdf, sha256 FROM store_utstedtdokument")
    for _, pdf, sha in rader:
        assert hashlib.sha256(bytes(pdf)).hexdigest() == sha
    return {nr: sha for nr, _, sha in rader}


def test_backup_og_restore_gir_samme_dokumenter(tmp_path):
    with stotte.ny_database(tmp_path / "a") as env:
        stotte.klargjor(env, tmp_path, 6)
        env = {**env, "VITNEMAL_BRUKER": "testbruker"}
        stotte.cli(env, "utsted", "--skole", stotte.ORGNR, "--dato", "2026-06-19",
                   "--jobber", "1")
        for_ = _hashes(env)
        assert len(for_) == 6
        kopi = tmp_path / "register.kopi"
        p = stotte.cli(env, "db", "backup", str(kopi))
        assert p.returncode == 0 and kopi.stat().st_size > 0
        with stotte.ny_database(tmp_path / "b") as ny:
            ny = {**ny, "VITNEMAL_BRUKER": "testbruker"}
            p = stotte.cli(ny, "db", "restore", str(kopi))
            assert p.returncode == 0, p.stderr
            assert _hashes(ny) == for_
            # the restored register works: status, and the next number follows the series
            assert stotte.cli(ny, "db", "status").returncode == 0
            p = stotte.cli(ny, "register", "verifiser", "--jobber", "1")
            assert p.returncode == 0, p.stderr


def test_restore_av_noe_annet_er_en_feil(tmp_path):
    with stotte.ny_database(tmp_path) as env:
        stotte.cli(env, "db", "migrate", "--bruker", "testbruker")
        tull = tmp_path / "tull.kopi"
        tull.write_bytes(b"ikke en sikkerhetskopi")
        p = stotte.cli(env, "db", "restore", str(tull), check=False)
        assert p.returncode == 2 and "feil:" in p.stderr and "Traceback" not in p.stderr
        p = stotte.cli(env, "db", "restore", str(tmp_path / "mangler"), check=False)
        assert p.returncode == 2 and "finnes ikke" in p.stderr
