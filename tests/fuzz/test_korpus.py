"""Every command over the corpus of hostile input (issue 12, «Fuzzing in the suite»).

Each corpus file (``korpus_lag.KLASSER``) and each input that cannot live in git (a FIFO, a
character device, a file over the size limit) is given to every command, in process through
``vitnemal.cli.main``: no exception escapes, the exit status is the documented one, the file is
named, the expected Norwegian reason is given, the output stays short, and nothing is written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from vitnemal.cli import main

from .korpus_lag import KLASSER, KORPUS

DATO = ["--dato", "2026-06-20"]
MAKS_UTDATA = 20_000  # characters on stdout + stderr for one bad file
MAKS_BYTE = 1_000_000  # io.les.MAKS_BYTE, as the README states it

#: Files that are read but are no valid elevmappe: ``valider`` finds problems (exit 1); the
#: commands that need a valid elevmappe refuse them as input (exit 2).
UGYLDIGE = {"fnr-uten-anforsel.yaml", "lang-verdi.json", "lang-nokkel.json", "liste.json",
            "nan-og-bool.json", "ugyldig-dato.yaml"}


ENGELSK = ("Traceback", "Error", "Expecting", "found", "expected", "while ", "could not",
           "not allowed", "Errno", "unacceptable")


def _kjor(capsys, argv) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    assert isinstance(status, int)
    assert len(out) + len(err) < MAKS_UTDATA, (len(out), len(err))
    return status, out, err


def _uten_sti(tekst: str, fil: str) -> str:
    """The output without the file's path (whose name also says what is wrong with it), and
    free of English parser or Python words."""
    tekst = tekst.replace(fil, "«fil»")
    assert not any(w in tekst for w in ENGELSK), tekst[-2000:]
    return tekst


def test_korpus_er_oppdatert(tmp_path):
    """The committed corpus is what ``korpus_lag.py`` writes (regenerate after a change)."""
    from .korpus_lag import lag

    lag(tmp_path)
    for navn in KLASSER:
        assert (KORPUS / navn).read_bytes() == (tmp_path / navn).read_bytes(), navn
    assert sorted(p.name for p in KORPUS.iterdir()) == sorted(KLASSER)


@pytest.mark.parametrize("navn", sorted(KLASSER))
def test_valider(navn, capsys):
    fil = str(KORPUS / navn)
    status, out, _ = _kjor(capsys, ["valider", fil])
    assert status == (1 if navn in UGYLDIGE else 2)
    assert fil in out and KLASSER[navn][1] in _uten_sti(out, fil)


@pytest.mark.parametrize("kommando", [["fullfortkode"], ["vis", *DATO], ["sjekk", *DATO],
                                      ["vis", "--json", *DATO], ["fullfortkode", "--json"]])
@pytest.mark.parametrize("navn", sorted(KLASSER))
def test_lesende_kommandoer(kommando, navn, capsys):
    fil = str(KORPUS / navn)
    status, out, err = _kjor(capsys, [*kommando, fil])
    assert status == 2
    if "--json" in kommando:
        [svar] = json.loads(out)
        assert svar["fil"] == fil and any(KLASSER[navn][1] in p["melding"]
                                          for p in svar["problemer"])
    else:
        assert out == "" and fil in err and KLASSER[navn][1] in _uten_sti(err, fil)


@pytest.mark.parametrize("navn", sorted(KLASSER))
def test_sjekk_json_er_json(navn, capsys):
    fil = str(KORPUS / navn)
    status, out, err = _kjor(capsys, ["sjekk", "--json", *DATO, fil])
    assert status == 2 and err == ""
    [svar] = json.loads(out)
    assert svar["fil"] == fil and svar["kan_utstedes"] is False and svar["funn"] == []
    assert svar["problemer"] and all(p["fil"] == fil for p in svar["problemer"])
    assert any(KLASSER[navn][1] in p["melding"] for p in svar["problemer"])
    assert all(p["lesbar"] is (navn in UGYLDIGE) for p in svar["problemer"])


@pytest.mark.parametrize("navn", sorted(KLASSER))
def test_lag_skriver_ingenting(navn, tmp_path, capsys):
    fil = str(KORPUS / navn)
    ut = tmp_path / "ut"
    status, _, err = _kjor(capsys, ["lag", fil, "-o", str(ut), *DATO])
    assert status == 2 and fil in err and KLASSER[navn][1] in _uten_sti(err, fil)
    assert not ut.exists()


@pytest.mark.parametrize("navn", sorted(KLASSER))
def test_arshjul_overstyring(navn, capsys):
    """An override file is read by the same loader: the same limits, named with file and line
    (an elevmappe's own field problems do not apply: the file then lacks «skolear»)."""
    fil = str(KORPUS / navn)
    status, out, err = _kjor(capsys, ["arshjul", "--skolear", "2025-2026", "--overstyring", fil])
    assert status == 2 and out == "" and fil in err
    err = _uten_sti(err, fil)
    # what JSON refuses but YAML reads (a trailing comma, an empty file, «"person": }»)
    json_syntaks = {"komma-til-slutt.json", "tom.json", "ugyldig-json.json"}
    if navn not in UGYLDIGE | json_syntaks:
        assert KLASSER[navn][1].replace("siffer", "tegn") in err, err


@pytest.mark.parametrize("navn", sorted(KLASSER))
def test_fnr_med_filens_innhold(navn, capsys):
    """``fnr`` takes numbers, not files: the file's text as the number is refused shortly."""
    tekst = (KORPUS / navn).read_bytes().decode("utf-8", "replace")[:5000] or " "
    status, out, _ = _kjor(capsys, ["fnr", tekst])
    assert status == 1 and "avvist" in out and len(out) < 600 and "Traceback" not in out


# --- inputs that cannot be committed ---------------------------------------------------------

@pytest.fixture
def fifo(tmp_path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    f = tmp_path / "ror.json"
    os.mkfifo(f)
    return f


def test_fifo_i_mappe_leses_ikke_og_de_gode_rapporteres(fifo, eksempler, capsys):
    god = fifo.parent / "god.json"
    god.write_bytes((eksempler / "01-studiespesialisering-realfag.json").read_bytes())
    status, out, _ = _kjor(capsys, ["valider", str(fifo.parent)])
    assert status == 0 and f"{god}: gyldig" in out and "ror.json" not in out


@pytest.mark.parametrize("kommando", [["valider"], ["sjekk"], ["vis"], ["fullfortkode"]])
def test_fifo_paa_kommandolinjen_henger_ikke(fifo, kommando, capsys):
    """Opened non-blocking and refused by its type: no writer is needed for this to return."""
    status, out, err = _kjor(capsys, [*kommando, str(fifo)])
    assert status == 2 and "FIFO" in out + err and str(fifo) in out + err


@pytest.mark.parametrize("enhet", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_enheter_leses_ikke(enhet, capsys):
    if not os.path.exists(enhet):
        pytest.skip(f"{enhet} finnes ikke")
    status, out, _ = _kjor(capsys, ["valider", enhet])
    assert status == 2 and f"filen {enhet} leses ikke: den er en tegnenhet" in out


def test_lenke_til_enhet_i_mappe_leses_ikke(tmp_path, capsys):
    if not os.path.exists("/dev/zero"):
        pytest.skip("ingen /dev/zero")
    (tmp_path / "null.json").symlink_to("/dev/zero")
    status, out, _ = _kjor(capsys, ["valider", str(tmp_path)])
    assert status == 2 and out.strip() == "fant ingen elevmapper"


def test_for_stor_fil(tmp_path, capsys):
    f = tmp_path / "stor.json"
    f.write_bytes(b'{"versjon": "1", "x": "' + b"a" * MAKS_BYTE + b'"}')
    for kommando in (["valider"], ["sjekk"]):
        status, out, err = _kjor(capsys, [*kommando, str(f)])
        assert status == 2
        assert f"filen {f} er større enn grensen på 1 MB (1 000 000 byte)" in out + err


def test_bare_vanlige_filer_fra_en_mappe(tmp_path, eksempler, capsys):
    """A folder stands for its regular files: a subfolder, a FIFO or a link to a device with an
    elevmappe's name is left out, and the good file is reported."""
    god = tmp_path / "god.json"
    god.write_bytes((eksempler / "01-studiespesialisering-realfag.json").read_bytes())
    (tmp_path / "mappe.json").mkdir()
    if os.path.exists("/dev/zero"):
        (tmp_path / "null.yaml").symlink_to("/dev/zero")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "ror.yml")
    status, out, _ = _kjor(capsys, ["sjekk", str(tmp_path), *DATO])
    assert status == 0 and out.startswith(f"{god}: vitnemål, kan utstedes")
    assert "mappe.json" not in out and "null.yaml" not in out and "ror.yml" not in out


# --- the kodeverk and the rule data, replaceable from a folder, read by the same loader -------

#: What JSON refuses but YAML reads (the kodeverk and rule files are YAML, whatever the name).
_JSON_SYNTAKS = {"komma-til-slutt.json", "tom.json", "ugyldig-json.json"}


@pytest.mark.parametrize("navn", sorted(set(KLASSER) - UGYLDIGE - _JSON_SYNTAKS))
def test_kodeverk_fra_mappe_med_samme_grenser(navn, tmp_path):
    """Before: ``yaml.safe_load`` (no depth, alias, key or size bound; a RecursionError or a
    «billion laughs» in memory; duplicate keys silently). Now the bounded loader's message,
    naming the table file and line."""
    import shutil

    from vitnemal.errors import InputError
    from vitnemal.kodeverk.loader import DATA_DIR, load

    mappe = tmp_path / "kodeverk"
    shutil.copytree(DATA_DIR, mappe)
    (mappe / "orden_adferd.yaml").write_bytes((KORPUS / navn).read_bytes())
    with pytest.raises(InputError) as exc:
        load(mappe)
    melding = str(exc.value)
    assert "orden_adferd.yaml" in melding and len(melding) < MAKS_UTDATA
    assert KLASSER[navn][1].replace("siffer", "tegn") in melding, melding


@pytest.mark.parametrize("navn", sorted(set(KLASSER) - UGYLDIGE - _JSON_SYNTAKS))
def test_regeldata_fra_mappe_med_samme_grenser(navn, tmp_path):
    from vitnemal.errors import InputError
    from vitnemal.rules.regelsett import FIL, alle_regelsett

    (tmp_path / FIL).write_bytes((KORPUS / navn).read_bytes())
    with pytest.raises(InputError) as exc:
        alle_regelsett(tmp_path)
    melding = str(exc.value)
    assert melding.startswith(FIL) and len(melding) < MAKS_UTDATA
    assert KLASSER[navn][1].replace("siffer", "tegn") in melding, melding


def test_kodeverk_fifo_og_for_stor_fil(tmp_path):
    import shutil

    from vitnemal.errors import InputError
    from vitnemal.kodeverk.loader import DATA_DIR, load

    mappe = tmp_path / "kodeverk"
    shutil.copytree(DATA_DIR, mappe)
    (mappe / "orden_adferd.yaml").unlink()
    os.mkfifo(mappe / "orden_adferd.yaml")
    (mappe / "eksamensformer.yaml").write_bytes(b"#" * (MAKS_BYTE + 1))
    with pytest.raises(InputError) as exc:
        load(mappe)
    melding = str(exc.value)
    assert "orden_adferd.yaml" in melding and "FIFO" in melding
    assert "eksamensformer.yaml" in melding and "1 MB (1 000 000 byte)" in melding
