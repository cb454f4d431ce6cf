"""Hostile override files (issue 12): read by the same bounded loader as elevmapper, every
problem a Norwegian message with file and line, exit status 2, nothing applied."""

from __future__ import annotations

import os

import pytest

from vitnemal.cli import main

HODE = "skolear: 2025-2026\noverstyringer:\n"
GOD = "  - id: 2023-09-25-ssbresultat-vgo-2\n    dato: 2025-09-24\n"


def _feil(capsys, fil) -> str:
    assert main(["arshjul", "--overstyring", str(fil), "--dato", "2025-09-01"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err and len(err) < 2000
    return err


def test_ikke_utf8(tmp_path, capsys):
    """Before: «kan ikke lese filen (None)» or a UnicodeDecodeError traceback."""
    f = tmp_path / "o.yaml"
    f.write_bytes((HODE + GOD + "    begrunnelse: Ødegård\n").encode("latin-1"))
    assert f"{f}:5: filen er ikke UTF-8; lagre den som UTF-8" in _feil(capsys, f)


def test_for_dyp(tmp_path, capsys):
    """Before: RecursionError while converting the nodes."""
    f = tmp_path / "o.yaml"
    f.write_text(HODE + "  - " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert f"{f}:3: filen er nestet for dypt" in _feil(capsys, f)


def test_alias_bombe(tmp_path, capsys):
    """Before: the node conversion expanded 9**9 values (gigabytes of memory)."""
    linjer = ['a0: &a0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for i in range(1, 9):
        linjer.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    f = tmp_path / "o.yaml"
    f.write_text("\n".join(linjer) + "\nskolear: 2025-2026\noverstyringer: *a8\n",
                 encoding="utf-8")
    assert "aliasene (*navn) ville gjøre filen over" in _feil(capsys, f)


def test_dobbel_nokkel(tmp_path, capsys):
    """Before: the second «dato» silently won."""
    f = tmp_path / "o.yaml"
    f.write_text(HODE + GOD + "    dato: 2025-09-25\n", encoding="utf-8")
    assert f"{f}:5: nøkkelen «dato» står to ganger i samme objekt (linje 4 og 5)" in _feil(capsys, f)


def test_for_stor(tmp_path, capsys):
    f = tmp_path / "o.yaml"
    f.write_text(HODE + "#" * 1_000_001 + "\n", encoding="utf-8")
    assert f"filen {f} er større enn grensen på 1 MB (1 000 000 byte)" in _feil(capsys, f)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo(tmp_path, capsys):
    f = tmp_path / "o.yaml"
    os.mkfifo(f)
    assert f"filen {f} leses ikke: den er en FIFO" in _feil(capsys, f)


def test_lange_verdier_kortes_ned(tmp_path, capsys):
    f = tmp_path / "o.yaml"
    f.write_text(HODE + f"  - id: {'x' * 50_000}\n    dato: {'9' * 50_000}x\n"
                 f"    {'k' * 500}: 1\n", encoding="utf-8")
    err = _feil(capsys, f)
    assert "tegn utelatt" in err


def test_skolear_som_ikke_er_et_skolear(tmp_path, capsys):
    f = tmp_path / "o.yaml"
    f.write_text("skolear: [1, 2]\noverstyringer: []\n", encoding="utf-8")
    assert f"{f}:1: skolear skal være et skoleår som 2025-2026, ikke en liste" in _feil(capsys, f)
    f.write_text("skolear: 2025-2027\noverstyringer: []\n", encoding="utf-8")
    assert f"{f}:1: ugyldig skoleår «2025-2027»" in _feil(capsys, f)
