"""The register's commands: Norwegian messages, --json, exit codes, nothing half-done, no
fødselsnummer on the command line or in messages; commands without a register never import
Django."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from vitnemal.cli import main

from . import stotte

DATO = ["--dato", "2026-06-19"]


@pytest.fixture
def cli(db, monkeypatch, capsys, tmp_path):
    """``vitnemal …`` in this process, on the test database, as the user «saksbehandler»."""
    from vitnemal.store.services import brukere

    brukere.opprett("saksbehandler")
    monkeypatch.setenv("VITNEMAL_BRUKER", "saksbehandler")

    def kjor(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            import io

            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        rc = main(list(args))
        out, err = capsys.readouterr()
        return rc, out, err

    assert kjor("skole", "registrer", *stotte.SKOLE)[0] == 0
    return kjor


def test_hele_livslopet_fra_kommandolinjen(cli, tmp_path):
    kat = stotte.skriv_mapper(tmp_path / "inn", stotte.mapper(3))
    rc, out, _ = cli("import", str(kat), "--skole", stotte.ORGNR, "--json")
    assert rc == 0
    ider = [m["person"] for m in json.loads(out)["mapper"]]
    rc, out, _ = cli("utsted", "--person", str(ider[0]), *DATO, "--json")
    assert rc == 0
    nr = json.loads(out)["dokumenter"][0]["nummer"]
    assert nr == f"V{stotte.ORGNR}202600001"
    rc, out, err = cli("utsted", "--skole", stotte.ORGNR, *DATO, "--jobber", "1")
    assert rc == 0 and out.count("utstedt person") == 2 and "[2/2]" in err
    rc, out, _ = cli("register", "liste", "--json")
    assert rc == 0 and len(json.loads(out)) == 3
    rc, out, _ = cli("register", "vis", nr)
    assert rc == 0 and "status: gyldig" in out and "VITNEMÅL" in out
    pdf = tmp_path / "ut.pdf"
    assert cli("register", "pdf", nr, "-o", str(pdf))[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    rc, out, _ = cli("duplikat", nr, "--dato", "2026-09-01", "--json")
    assert rc == 0 and json.loads(out)["nytt_nummer"] is False
    rc, out, _ = cli("annuller", nr, "--arsak", "KLA", "--dato", "2026-10-01")
    assert rc == 0 and "annullert 2026-10-01 (KLA)" in out
    rc, out, _ = cli("register", "liste", "--person", str(ider[0]))
    assert out.count("annullert 2026-10-01 (KLA)") == 2  # the duplicate shares the number
    rc, out, _ = cli("register", "verifiser", "--json")
    assert rc == 0 and json.loads(out) == {"kontrollert": 4, "avvik": []}


def test_fodselsnummer_fra_standard_inn(cli, tmp_path):
    kat = stotte.skriv_mapper(tmp_path / "inn", stotte.mapper(1))
    cli("import", str(kat), "--skole", stotte.ORGNR)
    rc, out, _ = cli("register", "finn", "--json", stdin=stotte.fiktivt_fnr(0) + "\n")
    assert rc == 0 and json.loads(out)["person"] > 0
    rc, out, err = cli("utsted", "--fnr-stdin", *DATO, stdin=stotte.fiktivt_fnr(0) + "\n")
    assert rc == 0 and "utstedt person" in out
    assert stotte.fiktivt_fnr(0) not in out + err
    rc, _, err = cli("register", "finn", stdin="41010599103\n")
    assert rc == 2 and "ingen person" in err and "41010599103" not in err


def test_nektet_dokument_gir_status_1_og_funnene(cli):
    rc, out, _ = cli("import", str(stotte.EKSEMPLER / "nektes"), "--skole", stotte.ORGNR,
                     "--json")
    pid = json.loads(out)["mapper"][0]["person"]
    rc, out, _ = cli("utsted", "--person", str(pid), *DATO)
    assert rc == 1 and "NEKTET" in out and "MATEMATIKK-T-P (001 §4.5)" in out


def test_import_med_feil_lagrer_ingenting_og_lister_alt(cli, tmp_path):
    kat = stotte.skriv_mapper(tmp_path / "inn", stotte.mapper(2))
    (kat / "odelagt.json").write_text('{"versjon": "1", "person": {}}', encoding="utf-8")
    (kat / "kopi.json").write_text((kat / "elev-00000.json").read_text(encoding="utf-8"),
                                   encoding="utf-8")
    rc, _, err = cli("import", str(kat), str(stotte.EKSEMPLER / "med-feil"), "--skole",
                     stotte.ORGNR)
    assert rc == 2 and "ingenting er importert" in err
    assert "odelagt.json" in err and "01-mange-feil.json" in err
    assert "samme person som i" in err  # the register's problem, in the same run
    rc, out, _ = cli("register", "liste", "--json")
    from vitnemal.store.models import Person

    assert Person.objects.count() == 0


def test_ukjent_skole_og_bruker(cli, tmp_path, monkeypatch):
    rc, _, err = cli("import", str(stotte.EKSEMPLER), "--skole", "971045698")
    assert rc == 2 and "skolen 971045698 finnes ikke" in err
    monkeypatch.setenv("VITNEMAL_BRUKER", "ukjent")
    rc, _, err = cli("register", "liste")
    assert rc == 2 and "brukeren ukjent finnes ikke" in err


def test_neste_nummer_og_ny_skole_fra_kommandolinjen(cli, tmp_path):
    rc, out, _ = cli("skole", "neste-nummer", stotte.ORGNR, "--ar", "2026", "--neste", "500")
    assert rc == 0 and "00500" in out
    rc, _, err = cli("skole", "neste-nummer", stotte.ORGNR, "--ar", "2026", "--neste", "5")
    assert rc == 2 and "fremover" in err
    rc, _, err = cli("skole", "registrer", "--orgnr", "123456789", "--navn", "X", "--sted", "Y",
                     "--underskriver", "A", "--underskriver", "B")
    assert rc == 2 and "ugyldig organisasjonsnummer" in err


def _uten_register(tmp_path) -> dict:
    env = {k: v for k, v in __import__("os").environ.items()
           if k not in ("DATABASE_URL", "VITNEMAL_DB")}
    env["VITNEMAL_DB"] = str(tmp_path / "finnes-ikke" / "register.sqlite3")
    return env


def test_manglende_register_sies_tydelig_og_ingen_fil_lages(tmp_path):
    env = _uten_register(tmp_path)
    for args in (["register", "liste"], ["utsted", "--skole", stotte.ORGNR],
                 ["import", str(stotte.EKSEMPLER), "--skole", stotte.ORGNR]):
        p = stotte.cli(env, *args, check=False)
        assert p.returncode == 2, p.stderr
        assert "registeret finnes ikke" in p.stderr and "vitnemal db migrate" in p.stderr
        assert "Traceback" not in p.stderr
    assert not (tmp_path / "finnes-ikke").exists()


def test_utdatert_skjema_sies_tydelig(tmp_path):
    import sqlite3

    env = _uten_register(tmp_path)
    (tmp_path / "finnes-ikke").mkdir()
    sqlite3.connect(env["VITNEMAL_DB"]).close()  # an empty database: no tables
    p = stotte.cli(env, "register", "liste", check=False)
    assert p.returncode == 2 and "utdatert" in p.stderr and "db migrate" in p.stderr


def test_kommandoer_uten_register_importerer_ikke_django():
    fil = str(stotte.EKSEMPLER / "01-studiespesialisering-realfag.json")
    kode = ("import sys; from vitnemal.cli import main; "
            f"rc = main(['valider', {fil!r}]); print(rc, 'django' in sys.modules)")
    p = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True)
    assert p.stdout.strip().splitlines()[-1] == "0 False", p.stdout + p.stderr


def test_makemigrations_er_ren(register_db):
    from django.core.management import call_command

    call_command("makemigrations", "store", "--check", "--dry-run", verbosity=0)
