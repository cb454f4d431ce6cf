"""``vitnemal nvb eksport`` from the command line: messages, --json, exit codes."""

from __future__ import annotations

import json
from datetime import date

from .test_cli_register import cli  # noqa: F401  (the fixture)
from .test_nvb_eksport import mapper_med, tenor_fnr


def test_eksport_fra_kommandolinjen(cli, tmp_path):  # noqa: F811
    from vitnemal.store.models import Person
    from vitnemal.store.services import brukere, importering, skoler, utstedelse

    bruker = brukere.finn("saksbehandler")
    skole = skoler.finn("974544482")
    assert cli("skole", "registrer", "--orgnr", "974544482", "--navn", skole.navn, "--sted",
               "Oslo", "--underskriver", "Rektor Randi Rektorsen", "--underskriver",
               "Per Avdeling", "--skolenummer", "03012")[0] == 0
    for i in importering.importer(bruker, mapper_med([tenor_fnr(1), tenor_fnr(2)]),
                                  skoler.finn("974544482"), testdata=True):
        utstedelse.utsted(bruker, Person.objects.get(pk=i.person_id), dato=date(2026, 6, 19))
    fil = tmp_path / "nvb.txt"
    rc, out, err = cli("nvb", "eksport", "--test", "-o", str(fil))
    assert rc == 0 and "Testfil" in out and fil.read_text(encoding="utf-8").count("¤V¤T") == 2
    assert "filkontroll: ingen dokumenter med FEIL" in out
    rc, out, _ = cli("nvb", "eksport", "-o", str(fil), "--json")
    data = json.loads(out)
    assert rc == 0 and len(data["dokumenter"]) == 2 and data["levering"]
    rc, out, _ = cli("nvb", "eksport", "-o", str(tmp_path / "fra-juli.txt"), "--fra",
                     "2026-07-01")
    assert rc == 0 and "Ingen nye" in out
    rc, out, _ = cli("nvb", "eksport", "-o", str(tmp_path / "igjen.txt"))
    assert rc == 0 and "Ingen nye" in out and not (tmp_path / "igjen.txt").exists()
    rc, out, err = cli("nvb", "eksport", "--fra", "2026-07-01", "--til", "2026-06-01", "-o",
                       str(fil))
    assert rc == 2 and "--fra" in err  # usage


def test_import_fra_kommandolinjen(cli, tmp_path):  # noqa: F811
    from tests.nvb.bygg import fil, kompetansebevis, vitnemal
    from vitnemal.nvb import skriv

    assert cli("skole", "registrer", "--orgnr", "974544482", "--navn", "Nordlys vgs", "--sted",
               "Oslo", "--underskriver", "Rektor Randi Rektorsen", "--underskriver",
               "Per Avdeling", "--skolenummer", "03012")[0] == 0
    sti = tmp_path / "annet.txt"
    sti.write_text(skriv(fil(vitnemal(9), kompetansebevis(3))), encoding="utf-8")
    rc, out, err = cli("nvb", "import", str(sti), "--skole", "974544482", "--testdata")
    assert rc == 0, err
    assert "Importert 2 dokument(er)" in out and "neste løpenummer for 974544482 i 2026: 10" in out
    rc, out, err = cli("nvb", "import", str(sti), "--skole", "974544482", "--testdata", "--json")
    data = json.loads(out)
    assert rc == 1 and not data["importert"] and any("finnes allerede" in p
                                                     for p in data["problemer"])
    rc, _, err = cli("nvb", "import", str(tmp_path / "mangler.txt"), "--skole", "974544482")
    assert rc == 2 and "finnes ikke" in err


def test_filkontrollen_etter_eksport_navngir_dokumenter_med_feil():
    from tests.nvb.bygg import fag, fil, vgdoknr, vitnemal
    from vitnemal.cli.nvb_register import _filkontroll
    from vitnemal.nvb import skriv

    nr = vgdoknr(1)
    uten_form = vitnemal(1, f=(fag(nr, "NOR1267", karakter_eksamen="5"),))  # F6 without F7
    tekst = _filkontroll(skriv(fil(uten_form, vitnemal(2))), "x.txt")
    assert tekst.startswith("filkontroll: 1 dokument(er) med FEIL") and nr in tekst
    assert vgdoknr(2) not in tekst
