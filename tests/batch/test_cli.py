"""The batch commands end to end on a small school: ``utsted --bakgrunn``, ``worker --tom``,
``batch liste|vis|zip|pdf|avbryt``, ``helse``, and their usage errors (exit 2, Norwegian
message, no traceback)."""

from __future__ import annotations

import json
import zipfile

import pikepdf

from tests.store import stotte


def test_bakgrunn_arbeider_og_batchkommandoene(tmp_path):
    with stotte.ny_database(tmp_path) as env:
        stotte.klargjor(env, tmp_path, 5)
        env = {**env, "VITNEMAL_BRUKER": "testbruker"}
        p = stotte.cli(env, "utsted", "--skole", stotte.ORGNR, "--dato", "2026-06-19",
                       "--bakgrunn")
        b = p.stdout.strip()
        assert b.isdigit() and "vitnemal batch vis" in p.stderr
        h = json.loads(stotte.cli(env, "helse", "--json", check=False).stdout)
        assert (h["status"], h["ventende_deler"]) == ("advarsel", 1)
        p = stotte.cli(env, "worker", "--tom")
        assert p.returncode == 0 and "stoppet" in p.stderr
        vis = json.loads(stotte.cli(env, "batch", "vis", b, "--json").stdout)
        assert (vis["tilstand"], vis["utstedt"], vis["antall"]) == ("ferdig", 5, 5)
        assert [r["status"] for r in vis["resultater"]] == ["utstedt"] * 5
        tekst = stotte.cli(env, "batch", "vis", b).stdout
        assert tekst.count("utstedt person") == 5
        liste = json.loads(stotte.cli(env, "batch", "liste", "--json").stdout)
        assert [x["id"] for x in liste] == [int(b)]
        z = tmp_path / "ut" / "batch.zip"
        z.parent.mkdir()
        assert stotte.cli(env, "batch", "zip", b, "-o", str(z)).returncode == 0
        assert len(zipfile.ZipFile(z).namelist()) == 5
        pdf = tmp_path / "ut" / "batch.pdf"
        assert stotte.cli(env, "batch", "pdf", b, "-o", str(pdf)).returncode == 0
        assert len(pikepdf.open(pdf).pages) >= 5
        p = stotte.cli(env, "batch", "avbryt", b, check=False)
        assert p.returncode == 2 and "allerede ferdig" in p.stderr
        assert stotte.cli(env, "helse").returncode == 0


def test_bruksfeil(tmp_path):
    with stotte.ny_database(tmp_path) as env:
        stotte.cli(env, "db", "migrate", "--bruker", "testbruker")
        env = {**env, "VITNEMAL_BRUKER": "testbruker"}
        for args, ord_ in ((["utsted", "--person", "1", "--bakgrunn"], "--bakgrunn"),
                           (["utsted", "--skole", stotte.ORGNR, "--vent"], "--vent"),
                           (["batch", "vis", "abc"], "batch-id"),
                           (["batch", "vis", "99"], "finnes ikke")):
            p = stotte.cli(env, *args, check=False)
            assert p.returncode == 2 and ord_ in p.stderr and "Traceback" not in p.stderr, args
