"""Hostile input: bounded time and memory, never a traceback, every problem reported.

The inputs are built so that quadratic work would take minutes (the suite would hang) while
linear work takes well under a second; no test measures time (house rule: figures live in
bench/).
"""

from __future__ import annotations

import os
import threading

from hypothesis import given, settings
from hypothesis import strategies as st

from vitnemal.nvb import kontroller, les
from vitnemal.nvb.linjer import MAKS_KLAMMELINJER, MAKS_LINJE

from .test_les import EKSEMPEL, _b

GYLDIG = _b(EKSEMPEL)


def test_storrelsesgrense_pa_bytes():
    lesing = les(GYLDIG + b"x" * 2000, maks_byte=len(GYLDIG) + 1000)
    assert not lesing.lest and lesing.modell is None
    assert [p.regel for p in lesing.problemer] == ["NVB-FIL"]
    assert "større enn grensen" in lesing.problemer[0].tekst
    assert les(GYLDIG, maks_byte=len(GYLDIG)).ok


def test_storrelsesgrense_pa_det_som_faktisk_leses(tmp_path):
    """A pipe has no size to ask for: the limit holds on what is read."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def skriv():
        try:
            with open(fifo, "wb", buffering=0) as ut:
                for _ in range(100):
                    ut.write(GYLDIG)
        except BrokenPipeError:  # the reader stopped at its limit, as it should
            pass

    t = threading.Thread(target=skriv)
    t.start()
    lesing = les(fifo, maks_byte=5 * len(GYLDIG))
    t.join(timeout=10)
    assert not lesing.lest and "større enn grensen" in lesing.problemer[0].tekst


def test_storrelsesgrense_pa_vanlig_fil(tmp_path):
    sti = tmp_path / "stor.txt"
    sti.write_bytes(GYLDIG * 10)
    assert not les(sti, maks_byte=len(GYLDIG)).lest
    assert les(sti).lest


def test_overlang_linje_hoppes_over_uten_a_holdes_hel():
    data = GYLDIG + b"\xc2\xa4F" + b"x" * 3_000_000 + b"\n" + GYLDIG.split(b"\n")[0] + b"\n"
    lesing = les(data)
    assert [(p.regel, p.linje) for p in lesing.problemer][:1] == [("NVB-LINJE", 7)]
    assert f"lengre enn {MAKS_LINJE}" in lesing.problemer[0].tekst
    assert len(list(lesing.lesbart.dokumenter())) == 1


def test_mange_lukkeklammer_som_ikke_lukker():
    """Each line has ~4,000 «}» not followed by ¤: one pass per line, not one per «}»."""
    linje = "¤A¤{" + "}x" * 4_000
    lesing = les(("\n".join([linje] * 1_000) + "\n").encode())
    assert {p.regel for p in lesing.problemer} >= {"NVB-KLAMMER", "NVB-FELTANTALL"}


def test_uavsluttet_klammer_henter_hoyst_grensen_av_linjer():
    """An unclosed «{» looks at most MAKS_KLAMMELINJER lines ahead; the lines are then read on
    their own (and reported), and the work stays linear."""
    blokk = ["¤V¤{x"] + ["y" * 150] * (MAKS_KLAMMELINJER + 10)
    lesing = les(("\n".join(blokk * 300) + "\n").encode(), maks_funn=1_000_000)
    regler = [p.regel for p in lesing.problemer]
    assert regler.count("NVB-KLAMMER") == 300
    assert regler.count("NVB-LINJE") == 300 * (MAKS_KLAMMELINJER + 10)


def test_klammer_over_flere_linjer_stopper_ved_ny_post():
    data = "\n".join([EKSEMPEL[0], EKSEMPEL[1].replace("Ellen Elev", "{Ellen"), "Elev",
                      *EKSEMPEL[2:]]) + "\n"
    lesing = les(data.encode())
    regler = [(p.regel, p.linje) for p in lesing.problemer]
    assert regler == [("NVB-KLAMMER", 2), ("NVB-LINJE", 3)]
    assert len(next(lesing.lesbart.dokumenter()).f) == 2  # the ¤F lines were not swallowed


def test_tak_pa_antall_funn_men_alle_telles():
    data = GYLDIG + b"x\n" * 5_000
    lesing = les(data, maks_funn=100)
    assert len(lesing.problemer) == 100
    assert lesing.funnliste.utelatt == 4_900
    assert sum(lesing.funnliste.antall.values()) == 5_000
    r = kontroller(lesing)
    assert r.utelatt >= 4_900 and r.har_feil


def test_ugyldig_utf8_pa_enkelte_linjer():
    linjer = GYLDIG.split(b"\n")
    linjer[3] = linjer[3].replace(b"ENG1003", b"ENG\xff1003")
    linjer[5] = linjer[5][:-3] + b"\xe2\x82"  # a sequence cut short at the end of the line
    lesing = les(b"\n".join(linjer))
    assert [(p.regel, p.linje) for p in lesing.problemer][:2] == [("NVB-LINJE", 4),
                                                                  ("NVB-LINJE", 6)]
    assert "UTF-8" in lesing.problemer[0].tekst
    assert len(next(lesing.lesbart.dokumenter()).f) == 1


def test_mange_skilletegn_pa_en_linje():
    lesing = les(("¤F" + "¤" * 9_000 + "\n").encode())
    assert [p.regel for p in lesing.problemer] == ["NVB-FELTANTALL"]


def test_binaert_sopp():
    data = bytes(range(256)) * 400
    lesing = les(data)
    assert not lesing.ok
    assert all(p.linje is not None or p.klasse == "SYSTEM" for p in lesing.problemer)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["¤", "{", "}", " ", "\t", "\n", "\r", "\\n", "A", "V", "F",
                                 "P", "M", "D", "S", "1", "x", "\x00", "é"]),
                max_size=400))
def test_vilkarlig_tekst_gir_aldri_unntak(tegn):
    tekst = "".join(tegn)
    for data in (tekst.encode("utf-8"), ("¤A" + tekst).encode("utf-8")):
        lesing = les(data)
        r = kontroller(lesing)
        assert r.lest == lesing.lest
        for p in lesing.problemer:
            assert p.finding.melding and (p.linje is not None or p.klasse == "SYSTEM")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_vilkarlige_bytes_gir_aldri_unntak(data):
    lesing = les(b"\xc2\xa4V\xc2\xa4" + data)
    kontroller(lesing, testdata=True)
