"""The writer (docs/nvb-format.md «General», «¤A»): exact formats, line order, counts, UTF-8 and
LF, deterministic, never a silent change."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from vitnemal.nvb import Skrivefeil, les, skriv
from vitnemal.nvb.poster import NvbFil, PostF, PostM, PostP
from vitnemal.nvb.skriv import skriv_atomisk

from .bygg import ORGNR, ORGNR_2, annullering, fil, kompetansebevis, organisasjon, vgdoknr, vitnemal


def test_hele_filen_byte_for_byte():
    tekst = skriv(fil(vitnemal(1), annulleringer=[annullering(vgdoknr(7), vgdoknr(1))]))
    nr = vgdoknr(1)
    assert tekst.splitlines() == [
        f"¤A¤{ORGNR}¤03012¤1¤1¤4¤3¤1¤vitnemal¤0.1.0¤20260620143005",
        f"¤V¤{nr}¤J¤KL¤VM¤2026¤{ORGNR}¤Fredrikstad¤20260619¤Nordlys videregående skole¤"
        "Rektor Rektorsen¤Avdelingsleder Avdeling¤128308¤51273¤Test Testesen¤¤J¤2800¤G¤G¤0¤¤B",
        f"¤P¤{nr}¤STSSA1----¤VG1¤¤¤2¤5¤ST¤2024",
        f"¤P¤{nr}¤STSSA2----¤VG2¤¤¤1¤0¤ST¤2025",
        f"¤P¤{nr}¤STSSA3----¤VG3¤B¤Bestått¤0¤3¤ST¤2026",
        f"¤F¤{nr}¤NOR1267¤FF¤1¤4¤5¤S¤140¤V¤2026¤E¤¤¤¤¤",
        f"¤F¤{nr}¤ENG1007¤FF¤1¤5¤¤¤140¤V¤2024¤E¤¤¤¤¤",
        f"¤F¤{nr}¤MAT1021¤FF¤1¤3¤¤¤140¤V¤2024¤E¤¤¤¤¤",
        f"¤F¤{nr}¤REA3056¤PF¤1¤6¤¤¤140¤V¤2026¤E¤¤¤¤¤",
        f"¤M¤{nr}¤1¤VMM06¤¤¤¤¤¤¤",
        f"¤D¤{vgdoknr(7)}¤20260625¤Saksbehandler Sak¤{nr}¤FEI¤",
    ]
    assert tekst.endswith("\n") and "\r" not in tekst
    assert not tekst.encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_rekkefolge_og_antall_per_organisasjon():
    """«each ¤A followed by its ¤S, then its ¤V with their ¤P ¤F ¤M, then its ¤D»; A3–A7 are
    counted from what is written."""
    a = organisasjon(vitnemal(1), kompetansebevis(2), annulleringer=[annullering(vgdoknr(8))])
    b = organisasjon(orgnr=ORGNR_2, skolenr=0)
    typer = [linje[:2] for linje in skriv(NvbFil((a, b))).splitlines()]
    assert typer == ["¤A", "¤V", "¤P", "¤P", "¤P", "¤F", "¤F", "¤F", "¤F", "¤M", "¤V", "¤F",
                     "¤D", "¤A"]
    linjer = skriv(NvbFil((a, b))).splitlines()
    assert linjer[0].split("¤")[4:9] == ["2", "1", "5", "3", "1"]
    assert linjer[-1].split("¤")[2:9] == [ORGNR_2, "00000", "0", "0", "0", "0", "0"]


def test_testnummererte_dokumenter():
    """«letter V (vitnemål), K (kompetansebevis) or T (test)»: a T-number is written and read
    like any other."""
    f = fil(vitnemal(1, v={"_bokstav": "T"}))
    tekst = skriv(f)
    assert f"¤V¤T{ORGNR}202600001¤" in tekst
    assert les(tekst.encode()).modell == f


def test_samme_modell_gir_samme_bytes():
    f = fil(vitnemal(1), kompetansebevis(2))
    assert skriv(f) == skriv(f) == skriv(les(skriv(f).encode()).modell)


def test_p1_f1_m1_fylles_inn_fra_v1():
    dok = vitnemal(1)
    uten = replace(dok, p=tuple(p._replace(vgdoknr=None) for p in dok.p),
                   f=tuple(f._replace(vgdoknr=None) for f in dok.f),
                   m=tuple(m._replace(vgdoknr=None) for m in dok.m))
    assert skriv(fil(uten)) == skriv(fil(dok))


def test_alle_feil_meldes_samtidig_og_ingenting_skrives():
    nr = vgdoknr(1)
    dok = vitnemal(1, v={"avgangsaar": 20260, "reformkode": "KLXY"},
                   f=(PostF(nr, "NOR1267ABCDE", "FF", 1, "4", None, None, -5, "V", 2026, "E"),
                      PostF(vgdoknr(2), "ENG1007", "FF", 1, "4", None, None, 140, "V", 2026,
                            "E")),
                   m=(PostM(nr, 1, "VMM06", "C:\\nye"),), p=(PostM(nr, 1, "VMM06"),))
    with pytest.raises(Skrivefeil) as e:
        skriv(fil(dok))
    tekst = "\n".join(e.value.problemer)
    for del_ in ("¤V felt V4 (Reformkode)", "¤V felt V6 (Avgangsaar)",
                 "¤F nr. 1 felt F2 (Fagkode)", "¤F nr. 1 felt F8 (Omfang)",
                 f"¤F nr. 2 har F1 {vgdoknr(2)}, men dokumentets V1 er {nr}",
                 "¤M nr. 1 felt M4 (Parameter_1)", "p[1] er PostM, ikke PostP"):
        assert del_ in tekst, del_
    assert len(e.value.problemer) == 7
    assert str(e.value).startswith("7 verdi(er) kan ikke skrives i ¤-formatet: ")


def test_atomisk_skriving(tmp_path):
    sti = tmp_path / "levering.txt"
    skriv_atomisk(skriv(fil(vitnemal(1))), sti)
    assert [p.name for p in tmp_path.iterdir()] == ["levering.txt"]
    assert les(sti).ok
    with pytest.raises(OSError):
        skriv_atomisk("x", tmp_path / "finnes-ikke" / "f.txt")
    assert [p.name for p in tmp_path.iterdir()] == ["levering.txt"]


def test_felt_med_skilletegn_og_linjeskift_leses_tilbake():
    nr = vgdoknr(1)
    p = PostP(nr, "STSSA3----", "VG3", "B", "Bestått ¤ med\nlinjeskift", 0, 0, "ST", 2026)
    f = fil(vitnemal(1, p=(p,), v={"personnavn": "{Ola} Nordmann"}))
    tekst = skriv(f)
    assert "¤{Bestått ¤ med\\nlinjeskift}¤" in tekst and "¤{{Ola} Nordmann}¤" in tekst
    assert les(tekst.encode()).modell == f
    assert date(2026, 6, 19) == les(tekst.encode()).modell.organisasjoner[0].dokumenter[0].v \
        .dato_utstedt
