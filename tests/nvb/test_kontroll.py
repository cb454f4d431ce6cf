"""The file checks, each from the format fact it encodes (docs/nvb-format.md; 001 §2.8; 003 A01).

Every case starts from a document that passes every check and changes one thing; the table of
cases covers every check in the catalogue (``test_hver_sjekk_har_et_tilfelle``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from vitnemal.findings import Alvorlighet
from vitnemal.nvb import kontroller, les, skriv
from vitnemal.nvb.kontroll import katalog
from vitnemal.nvb.poster import NvbFil, PostF, PostM, PostP, PostS

from .bygg import (
    ORGNR,
    ORGNR_2,
    annullering,
    fag,
    fil,
    kompetansebevis,
    organisasjon,
    tenor,
    vgdoknr,
    vitnemal,
)


def kontroll(f: NvbFil, *, testdata: bool = True):
    return kontroller(les(skriv(f).encode()), testdata=testdata, retningslinjer=False)


def funn(f: NvbFil, **kw) -> list[tuple[str, str | None]]:
    r = kontroll(f, **kw)
    alle = list(r.filfunn) + [x for d in r.dokumenter for x in d.funn]
    return sorted((x.regel, x.felt) for x in alle)


def _v(**felt) -> NvbFil:
    return fil(vitnemal(1, v=felt))


def _f(*rader: PostF, lopenr: int = 1) -> NvbFil:
    return fil(vitnemal(lopenr, f=rader))


NR = vgdoknr(1)
_P3 = PostP(NR, "STSSA3----", "VG3", "B", "Bestått", 0, 3, "ST", 2026)


def _feil_v1(nr: str) -> NvbFil:
    """A vitnemål whose V1 (and its lines' P1/F1/M1) is ``nr``."""
    dok = vitnemal(1)
    return fil(replace(dok, v=dok.v._replace(vgdoknr=nr),
                       p=tuple(x._replace(vgdoknr=nr) for x in dok.p),
                       f=tuple(x._replace(vgdoknr=nr) for x in dok.f),
                       m=tuple(x._replace(vgdoknr=nr) for x in dok.m)))


def _skole(**felt) -> PostS:
    s = dict(orgnr=ORGNR, skolenavn="Nordlys vgs", fylkesnr="03", kontaktperson="K K",
             telefon_skole="22 00 00 00")
    s.update(felt)
    return PostS(**s)


# (check, field, the file) — each file breaks exactly what the check looks for.
TILFELLER = [
    ("NVB-OBLIGATORISK", "V9", lambda: _v(utstedersted=None)),
    ("NVB-OBLIGATORISK", "F12", lambda: _f(fag(NR, "NOR1267", fagstatuskode=None))),
    ("NVB-OBLIGATORISK-ORG", "S6", lambda: fil(vitnemal(1), skole=_skole(skolenavn=None))),
    ("NVB-KODE", "V4", lambda: _v(reformkode="LK0")),
    ("NVB-KODE", "F7", lambda: _f(fag(NR, "NOR1267", karakter_eksamen="4",
                                      eksamensformkode="X"))),
    ("NVB-KODE-ORG", "S10", lambda: fil(vitnemal(1), skole=_skole(skoletype="Q"))),
    ("NVB-KODE-APEN", "D5", lambda: fil(vitnemal(1),
                                        annulleringer=[annullering(vgdoknr(9), aarsak="XYZ")])),
    ("NVB-V1-FORMAT", "V1", lambda: _feil_v1("X974544482202600001")),
    ("NVB-V1-FORMAT", "V1", lambda: _feil_v1("V97454448220260001234")),
    ("NVB-V1-ORGNR", "V1", lambda: _feil_v1("V974544483202600001")),
    ("NVB-V1-TYPE", "V5", lambda: fil(vitnemal(1, v={"_bokstav": "K"}))),
    ("NVB-V1-UNIK", "V1", lambda: fil(vitnemal(1), vitnemal(1))),
    ("NVB-V1-LOPENUMMER", "V1", lambda: _feil_v1("V97454448220260001")),
    ("NVB-V1-ANNULLERT", "V1", lambda: fil(vitnemal(1), annulleringer=[annullering(NR)])),
    ("NVB-V7-V1", "V7", lambda: NvbFil((organisasjon(vitnemal(1, v={"orgnr": ORGNR_2}),
                                                     orgnr=ORGNR_2),))),
    ("NVB-V7-ORGNR", "V7", lambda: NvbFil((organisasjon(vitnemal(1, v={"orgnr": "974544483"}),
                                                        orgnr="974544483"),))),
    ("NVB-V6-V1", "V6", lambda: _v(avgangsaar=2025)),
    ("NVB-V10-V1", "V10", lambda: _v(dato_utstedt=date(2027, 1, 4))),
    ("NVB-FNR", "V15", lambda: _v(personnummer=tenor(12, 3, 8)[1] + 1)),
    ("NVB-FNR", "V15", lambda: _v(personnummer=None)),
    ("NVB-FNR-FIKTIVT", "V14", lambda: fil(vitnemal(1, fnr=(420591, 99202)))),
    ("NVB-V17-D", "V17", lambda: _v(dispensasjonkode="D")),
    ("NVB-V17-F", "V17", lambda: _v(dispensasjonkode="F")),
    ("NVB-V22", "V22", lambda: _v(orden=None)),
    ("NVB-V23", "V23", lambda: _v(adferd=None)),
    ("NVB-VM-UTEN-P", "V5", lambda: fil(vitnemal(1, p=()))),
    ("NVB-P4-SISTE", "P4", lambda: fil(vitnemal(1, p=(_P3._replace(paastandkode=None),)))),
    ("NVB-P6-P7", "P6", lambda: fil(vitnemal(1, p=(_P3._replace(fravaer_dager=None),)))),
    ("NVB-M2-UNIK", "M2", lambda: fil(vitnemal(1, m=(PostM(NR, 1, "VMM06"),
                                                     PostM(NR, 1, "VMM15"))))),
    ("NVB-M3-VMM", "M3", lambda: fil(vitnemal(1, m=(PostM(NR, 1, "FAM12"),)))),
    ("NVB-F3-KL", "F3", lambda: _f(fag(NR, "NOR1267", fagtypekode=None))),
    ("NVB-F7-MANGLER", "F7", lambda: _f(fag(NR, "NOR1267", karakter_eksamen="4"))),
    ("NVB-F6-MANGLER", "F6", lambda: _f(fag(NR, "NOR1267", eksamensformkode="S"))),
    ("NVB-F6-MANGLER", "F6", lambda: _f(fag(NR, "NOR1267", karakter_eksamen="-",
                                            eksamensformkode="M"))),
    ("NVB-F12-PRIVATIST", "F5", lambda: _f(fag(NR, "NOR1267", fagstatuskode="P"))),
    ("NVB-FAGKODE-UNIK", "F2", lambda: _f(fag(NR, "NOR1267"), fag(NR, "NOR1267", aar=2025))),
    ("NVB-KARAKTER-RUBRIKK", "F6", lambda: _f(fag(NR, "KRO1019", karakter_eksamen="D",
                                                  eksamensformkode="P"))),
    ("NVB-KARAKTER-RUBRIKK", "F5", lambda: _f(fag(NR, "NOR1267", karakter_standpunkt="IM"))),
    ("NVB-KARAKTER-IV-VM", "F5", lambda: _f(fag(NR, "NOR1267"),
                                            fag(NR, "ENG1007", karakter_standpunkt="IV"))),
    ("NVB-FRITATT-FAM", "F13", lambda: _f(fag(NR, "NOR1267"),
                                          fag(NR, "NOR1268", karakter_standpunkt="F"))),
    ("NVB-F13-FAM", "F13", lambda: _f(fag(NR, "NOR1267", merknadkode="VMM23"))),
    ("NVB-F16-KL", "F16", lambda: _f(fag(NR, "NOR1267", felt16="x"))),
    ("NVB-F17-KL", "F17", lambda: _f(fag(NR, "NOR1267", fagnavn="Norsk"))),
    ("NVB-ORGNR", "A1", lambda: NvbFil((organisasjon(orgnr="974544483"),))),
    ("NVB-ORGNR", "S12", lambda: fil(vitnemal(1), skole=_skole(eier_orgnr="123"))),
    ("NVB-S1-A1", "S1", lambda: fil(vitnemal(1), skole=_skole(orgnr=ORGNR_2))),
    ("NVB-A2-FYLKE", "A2", lambda: fil(vitnemal(1), skolenr=99123)),
    ("NVB-D1-FORMAT", "D1", lambda: fil(annulleringer=[annullering(f"V{ORGNR}2026001")])),
    ("NVB-D4-FORMAT", "D4", lambda: fil(annulleringer=[annullering(vgdoknr(9), "V123")])),
    ("NVB-D4-D1", "D4", lambda: fil(annulleringer=[annullering(vgdoknr(9), vgdoknr(9))])),
    ("NVB-TEST-BLANDET", None, lambda: fil(vitnemal(1), vitnemal(2, v={"_bokstav": "T"}))),
]


@pytest.mark.parametrize("regel,felt,lag", TILFELLER,
                         ids=[f"{r}-{f}-{i}" for i, (r, f, _) in enumerate(TILFELLER)])
def test_sjekken_slar_til(regel, felt, lag):
    assert (regel, felt) in funn(lag())


def test_hver_sjekk_har_et_tilfelle():
    assert {s.id for s in katalog()} == {r for r, _, _ in TILFELLER}


# Files that are right, including the variants the facts (or 001) accept.
RIKTIGE = {
    "vitnemål og kompetansebevis": lambda: fil(vitnemal(1), kompetansebevis(2)),
    "D-nummer (dag + 40), Tenor": lambda: fil(vitnemal(1, fnr=tenor(52, 3, 8))),
    "F3 YF (001 §2.5)": lambda: _f(fag(NR, "YFF4106", fagtypekode="YF")),
    "orden med ord": lambda: _v(orden="Nokså god", adferd="God"),
    "P4 H godtas på siste år": lambda: fil(vitnemal(1, p=(_P3._replace(paastandkode="H"),))),
    "F6 = F uten F7, med FAM": lambda: _f(fag(NR, "NOR1267", karakter_eksamen="F",
                                              merknadkode="FAM04")),
    "F6 = F med F7 og FAM04 (001 §6.2)": lambda: _f(fag(NR, "NOR1267", karakter_eksamen="F",
                                                        eksamensformkode="S",
                                                        merknadkode="FAM04")),
    "eksamen annullert: form uten karakter med FAM04 (001 §6.2)":
        lambda: _f(fag(NR, "NOR1267", karakter_eksamen="-", eksamensformkode="S",
                       merknadkode="FAM04")),
    "eksamen avlyst: form uten karakter med FAM36 (001 §6.7)":
        lambda: _f(fag(NR, "ENG1007", eksamensformkode="S", merknadkode="FAM36")),
    "korona: VMM39 på dokumentet (001 §6.9)":
        lambda: fil(vitnemal(1, f=(fag(NR, "ENG1007", eksamensformkode="S"),),
                             m=(PostM(NR, 1, "VMM39"),))),
    "IM i eksamen på vitnemål (001 §6.3)": lambda: _f(fag(NR, "NOR1267", karakter_eksamen="IM",
                                                          eksamensformkode="S",
                                                          merknadkode="FAM29")),
    "IV i eksamen etter bortvisning (001 §6.5)":
        lambda: _f(fag(NR, "NOR1267", karakter_eksamen="IV", eksamensformkode="S",
                       merknadkode="FAM29")),
    "privatistfag med eksamen": lambda: _f(fag(NR, "NOR1267", karakter_standpunkt=None,
                                               fagstatuskode="P", karakter_eksamen="4",
                                               eksamensformkode="S")),
    "V17 = D med VMM17": lambda: fil(vitnemal(1, v={"dispensasjonkode": "D"},
                                              m=(PostM(NR, 1, "VMM17", "Vedtak 2024/0999"),))),
    "R94 uten adferd": lambda: _v(reformkode="R94", adferd=None, dispensasjonkode="F"),
    "bare testdokumenter": lambda: fil(vitnemal(1, v={"_bokstav": "T"}),
                                       vitnemal(2, v={"_bokstav": "T"})),
    "annullering med erstatning": lambda: fil(vitnemal(1),
                                              annulleringer=[annullering(vgdoknr(7), NR)]),
    "skole med skoleinformasjon": lambda: fil(vitnemal(1), skole=_skole(skoletype="F")),
    "privat skole (00)": lambda: fil(vitnemal(1), skolenr=123),
}


@pytest.mark.parametrize("navn", RIKTIGE)
def test_riktige_filer_gir_ingen_funn(navn):
    assert funn(RIKTIGE[navn]()) == []


def test_syntetisk_nummer_bare_med_testdata():
    f = fil(vitnemal(1))
    assert funn(f) == []
    r = kontroll(f, testdata=False)
    (x,) = r.dokumenter[0].funn
    assert x.regel == "NVB-FNR" and "Tenor" in x.tekst


def test_melding_navngir_dokument_linje_og_felt_men_aldri_fodselsnummeret():
    v14, v15 = tenor(12, 3, 8)
    r = kontroll(_v(personnummer=v15 + 1))
    (x,) = r.dokumenter[0].funn
    assert x.finding.melding.startswith(f"{NR}, linje 2, ¤V felt V15 (Personnummer): ")
    assert (x.linje, x.post, x.felt, x.vgdoknr) == (2, "V", "V15", NR)
    assert x.finding.alvorlighet is Alvorlighet.FEIL and x.finding.paragraf == "NVB V15"
    assert str(v14) not in x.finding.melding and str(v15 + 1) not in x.finding.melding


def test_feltet_rapporteres_ikke_dobbelt_nar_det_ikke_kunne_leses():
    tekst = skriv(fil(vitnemal(1))).replace("¤20260619¤", "¤2026-06-19¤")
    r = kontroller(les(tekst.encode()), testdata=True, retningslinjer=False)
    assert [(x.regel, x.felt) for x in r.dokumenter[0].funn] == [("NVB-FORMAT", "V10")]


def test_parserens_problemer_havner_hos_dokumentet():
    tekst = skriv(fil(vitnemal(1), vitnemal(2))).replace("¤NOR1267¤FF¤1¤4¤5¤",
                                                         "¤NOR1267¤FF¤x¤4¤5¤", 1)
    r = kontroller(les(tekst.encode()), testdata=True, retningslinjer=False)
    assert [(x.regel, x.felt, x.linje) for x in r.dokumenter[0].funn] == [
        ("NVB-FORMAT", "F4", 6)]
    assert r.dokumenter[1].funn == () and r.filfunn == ()
    assert r.dokumenter[0].har_feil and not r.dokumenter[1].har_feil


def test_siste_ar_er_hoyeste_p9_og_alle_linjer_det_aret():
    """«the last year's ¤P of a KL vitnemål must have B, F or FB»: earlier years need none."""
    p = (PostP(NR, "STSSA1----", "VG1", None, None, 0, 0, "ST", 2024),
         PostP(NR, "STSSA3----", "VG3", None, None, 0, 0, "ST", 2026),
         PostP(NR, "STSSA2----", "VG2", None, None, 0, 0, "ST", 2025))
    r = kontroll(fil(vitnemal(1, p=p)))
    assert [(x.regel, x.linje) for x in r.dokumenter[0].funn] == [("NVB-P4-SISTE", 4)]
    p = (PostP(NR, "STSSA1----", "VG1", None, None, 0, 0, "ST", None),
         PostP(NR, "STSSA2----", "VG2", "B", None, 0, 0, "ST", None))
    assert funn(fil(vitnemal(1, p=p))) == []  # without P9: the highest level (P3)


def test_gjentatt_vgdoknr_hver_v_beholder_sine_linjer():
    """«V1 … unique»: a repeated number is one finding per ¤V, and each ¤V keeps the lines that
    follow it (no knock-on findings about fagkoder or remarks)."""
    assert funn(fil(vitnemal(1), vitnemal(1))) == [("NVB-V1-UNIK", "V1")] * 2
    r = kontroll(fil(vitnemal(1), vitnemal(1)))
    assert [len(d.dok.f) for d in r.dokumenter] == [4, 4]


def test_standpunkt_pa_kompetansebevis_krever_orden():
    """«V22 mandatory for VM or when any standpunkt grade exists»."""
    kb = kompetansebevis(2)
    kb = replace(kb, f=(kb.f[0]._replace(karakter_standpunkt="3", merknadkode=None),))
    assert funn(fil(kb)) == [("NVB-V22", "V22")]
