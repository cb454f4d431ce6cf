"""The parser (docs/nvb-format.md «General»): files from any system, every problem at once with
line, record type and field, and nothing half-imported."""

from __future__ import annotations

from datetime import date

from vitnemal.findings import Alvorlighet
from vitnemal.nvb import les, skriv

from .bygg import ORGNR, ORGNR_2, fil, kompetansebevis, organisasjon, vitnemal

# The documentation's own sample lines (docs/nvb-format.md «Example»), under an ¤A of ours.
A = "¤A¤974544482¤01234¤1¤0¤2¤1¤1¤Testsystem¤1.0¤20140908120000"
EKSEMPEL = [
    A,
    "¤V¤V97454448220140214¤N¤KL¤VM¤2013¤974544482¤Fredrikstad¤20140908¤Livets videregående "
    "skole¤Reidun Rektor¤Sigrun Sekretær¤241295¤33333¤Ellen Elev¤¤J¤263¤G¤G¤0¤¤B",
    "¤P¤V97454448220140214¤HSHEA2----¤VG2¤B¤Bestått¤9¤12¤¤2010",
    "¤F¤V97454448220140214¤ENG1003¤FF¤6¤6¤¤¤140¤V¤2010¤E¤¤¤¤¤",
    "¤F¤V97454448220140214¤HIS1002¤FF¤6¤¤3¤M¤169¤V¤2012¤P¤¤¤¤¤",
    "¤M¤V97454448220140214¤2¤VMM31¤Bestått fagopplæring 17.08.2012¤¤¤F¤¤¤",
]


def _b(linjer, slutt="\n") -> bytes:
    return slutt.join(linjer).encode("utf-8") + slutt.encode()


def _regler(lesing) -> list[tuple]:
    return [(p.regel, p.linje, p.post, p.felt) for p in lesing.problemer]


def test_eksempelet_fra_dokumentasjonen_leses_felt_for_felt():
    """«In the ¤V sample: V2=N, V4=KL, V5=VM, V6=2013, …, V17 blank, V18=J, V20=263, V22=G,
    V23=G, V24=0, V25 blank, V26=B. In the first ¤F: F3=FF, F4=6, F5=6, F6 and F7 blank,
    F8=140, F9=V, F10=2010, F12=E.»"""
    lesing = les(_b(EKSEMPEL))
    assert lesing.problemer == ()
    dok = next(lesing.modell.dokumenter())
    v = dok.v
    assert (v.foerstegangsvm, v.reformkode, v.vgdoktypekode, v.avgangsaar) == ("N", "KL", "VM",
                                                                            2013)
    assert (v.orgnr, v.utstedersted, v.dato_utstedt) == ("974544482", "Fredrikstad",
                                                          date(2014, 9, 8))
    assert (v.foedtdato, v.personnummer, v.personnavn) == (241295, 33333, "Ellen Elev")
    assert (v.dispensasjonkode, v.gsk_ok, v.omfang, v.orden, v.adferd) == (None, "J", 263,
                                                                           "G", "G")
    assert (v.antall_vedlegg, v.vedlegg_filnavn, v.maalformkode) == (0, None, "B")
    f = dok.f[0]
    assert (f.fagkode, f.fagtypekode, f.linjenr, f.karakter_standpunkt) == ("ENG1003", "FF", 6,
                                                                            "6")
    assert (f.karakter_eksamen, f.eksamensformkode, f.omfang, f.terminkode, f.aar,
            f.fagstatuskode) == (None, None, 140, "V", 2010, "E")
    f = dok.f[1]
    assert (f.karakter_standpunkt, f.karakter_eksamen, f.eksamensformkode, f.fagstatuskode) == (
        None, "3", "M", "P")
    p = dok.p[0]
    assert (p.promrkode, p.nivaakode, p.paastandkode, p.fravaer_dager, p.fravaer_timer,
            p.utdprogramkode, p.aarstall) == ("HSHEA2----", "VG2", "B", 9, 12, None, 2010)
    m = dok.m[0]
    assert (m.merknadnr, m.merknadkode, m.parameter_1, m.m7) == (2, "VMM31",
                                                                 "Bestått fagopplæring 17.08.2012",
                                                                 "F")
    assert dok.linjer.v == 2 and dok.linjer.f == (4, 5) and dok.linjer.m == (6,)


def test_eksempelet_skrives_tilbake_byte_for_byte():
    data = _b(EKSEMPEL)
    assert skriv(les(data).modell).encode("utf-8") == data


def test_linjeslutt_lf_crlf_cr_og_blanke_linjer():
    """«Line ends: LF, CRLF or CR are all accepted; blank lines are skipped.»"""
    lf = les(_b(EKSEMPEL)).modell
    for slutt in ("\r\n", "\r"):
        assert les(_b(EKSEMPEL, slutt)).modell == lf
    med_blanke = les(_b([EKSEMPEL[0], "", "   \t", *EKSEMPEL[1:], ""])).modell
    assert med_blanke == lf
    blandet = "\r\n".join(EKSEMPEL[:3]) + "\r" + "\n".join(EKSEMPEL[3:])
    assert les(blandet.encode()).modell == lf


def test_linjenummer_teller_blanke_linjer():
    data = _b([A, "", EKSEMPEL[1].replace("20140908¤Livets", "20140931¤Livets")])
    lesing = les(data)
    assert _regler(lesing) == [("NVB-FORMAT", 3, "V", "V10"), ("NVB-ANTALL", 1, "A", "A5"),
                               ("NVB-ANTALL", 1, "A", "A6"), ("NVB-ANTALL", 1, "A", "A7")]
    assert "V97454448220140214, linje 3, ¤V felt V10 (Dato_utstedt)" in \
        lesing.problemer[0].finding.melding


def test_mellomrom_og_tab_trimmes_og_bom_godtas():
    """«Leading/trailing spaces and tabs in fields are trimmed.»"""
    linjer = [" \t" + x.replace("¤", " ¤\t") + " " for x in EKSEMPEL]
    assert les(b"\xef\xbb\xbf" + _b(linjer)).modell == les(_b(EKSEMPEL)).modell


def test_felt_i_klammer_med_skilletegn_og_linjeskift():
    """«A field containing ¤ or a line break is wrapped in { }»: both are read back."""
    v = EKSEMPEL[1].replace("Ellen Elev", "{Ellen ¤ Elev}").replace("¤Fredrikstad¤",
                                                                    "¤ {Fred\nrik¤stad} ¤")
    lesing = les(_b([A, v]))
    assert [p.regel for p in lesing.problemer] == ["NVB-ANTALL"] * 3
    dok = next(lesing.lesbart.dokumenter())
    assert dok.v.personnavn == "Ellen ¤ Elev"
    assert dok.v.utstedersted == "Fred\nrik¤stad"
    assert dok.v.omfang == 263  # the fields after the wrapped ones are where they should be


def test_klammer_uten_slutt_rapporteres_og_leses_som_tekst():
    v = EKSEMPEL[1].replace("Ellen Elev", "{Ellen Elev")
    lesing = les(_b([A, v, *EKSEMPEL[2:]]))
    assert _regler(lesing) == [("NVB-KLAMMER", 2, "V", "V16")]
    assert next(lesing.lesbart.dokumenter()).v.personnavn == "{Ellen Elev"
    assert lesing.modell is None


def test_ukjente_posttyper_og_linjer_som_ikke_er_poster():
    data = _b([A, "¤X¤1¤2", "¤R¤1¤20140101", "tekst uten posttype", "¤¤V¤", *EKSEMPEL[1:]])
    lesing = les(data)
    assert _regler(lesing) == [
        ("NVB-POSTTYPE", 2, None, None), ("NVB-POSTTYPE", 3, None, None),
        ("NVB-LINJE", 4, None, None), ("NVB-POSTTYPE", 5, None, None)]
    meldinger = [p.tekst for p in lesing.problemer]
    assert "ukjent posttype ¤X" in meldinger[0]
    assert "resultatfilen" in meldinger[1]
    assert lesing.modell is None and len(list(lesing.lesbart.dokumenter())) == 1


def test_feil_antall_felt():
    """Too few or too many fields: the line is not read (FEIL); extra blank fields at the end
    are only a warning."""
    data = _b([A, EKSEMPEL[1], EKSEMPEL[2] + "¤¤", EKSEMPEL[3] + "¤x",
               EKSEMPEL[4].rsplit("¤", 3)[0], EKSEMPEL[5]])
    lesing = les(data)
    regler = [(p.regel, p.linje, p.alvorlighet) for p in lesing.problemer]
    assert regler[:3] == [("NVB-FELTANTALL", 3, Alvorlighet.VARSEL),
                          ("NVB-FELTANTALL", 4, Alvorlighet.FEIL),
                          ("NVB-FELTANTALL", 5, Alvorlighet.FEIL)]
    assert "skal ha 16" in lesing.problemer[2].tekst
    dok = next(lesing.lesbart.dokumenter())
    assert len(dok.p) == 1 and dok.f == ()


def test_m_med_bare_de_dokumenterte_feltene():
    """¤M: M1–M5 are documented; the sample has ten fields. Both are read."""
    kort = "¤M¤V97454448220140214¤2¤VMM31¤Bestått fagopplæring 17.08.2012¤"
    lesing = les(_b([*EKSEMPEL[:5], kort]))
    assert lesing.problemer == ()
    assert next(lesing.modell.dokumenter()).m[0].m7 is None


def test_alle_formatfeil_pa_en_linje_rapporteres_samtidig():
    v = EKSEMPEL[1].replace("¤2013¤", "¤13x¤").replace("20140908", "2014-09-08").replace(
        "¤241295¤", "¤24129¤").replace("¤263¤", "¤-263¤")
    lesing = les(_b([A, v, *EKSEMPEL[2:]]))
    assert [p.felt for p in lesing.problemer] == ["V6", "V10", "V14", "V20"]
    assert all(p.regel == "NVB-FORMAT" and p.linje == 2 for p in lesing.problemer)
    dok = next(lesing.lesbart.dokumenter())  # kept for checking, the bad fields blank
    assert dok.v.avgangsaar is None and dok.v.personnavn == "Ellen Elev"
    assert (2, "V10") in lesing.feilfelt
    assert lesing.modell is None


def test_for_lang_ax_er_varsel_og_modellen_beholdes():
    f = EKSEMPEL[3].replace("ENG1003", "ENG1003ABCDEF")
    lesing = les(_b([*EKSEMPEL[:3], f, *EKSEMPEL[4:]]))
    assert [(p.regel, p.alvorlighet, p.felt) for p in lesing.problemer] == [
        ("NVB-FORMAT", Alvorlighet.VARSEL, "F2")]
    assert next(lesing.modell.dokumenter()).f[0].fagkode == "ENG1003ABC"


def test_struktur_v_og_d_under_riktig_a():
    """«¤V and ¤D lines stand under the ¤A of their orgnr; every orgnr used needs an ¤A.»"""
    annen_a = A.replace("974544482", ORGNR_2).replace("¤1¤0¤2¤1¤1¤", "¤0¤1¤0¤0¤0¤")
    d = f"¤D¤V{ORGNR}202600009¤20260101¤Sak¤¤FEI¤"
    data = _b([EKSEMPEL[1], *EKSEMPEL[2:], annen_a, d, A])
    regler = _regler(les(data))
    assert ("NVB-STRUKTUR", 1, "V", None) in regler  # before the first ¤A
    assert ("NVB-STRUKTUR", 7, "D", "D1") in regler  # under the ¤A of another orgnr
    assert ("NVB-STRUKTUR", 8, "A", "A1") not in regler  # 974544482 has no earlier ¤A
    assert len([r for r in regler if r[0] == "NVB-STRUKTUR"]) == 2  # not its ¤P/¤F/¤M again
    data = _b([A, *EKSEMPEL[1:], A])
    assert ("NVB-STRUKTUR", 7, "A", "A1") in _regler(les(data))  # one ¤A per orgnr


def test_s_rett_etter_a():
    s = "¤S" + "¤" * 33
    lesing = les(_b([A, s, *EKSEMPEL[1:]]))
    assert not [p for p in lesing.problemer if p.regel == "NVB-STRUKTUR"]
    assert lesing.lesbart.organisasjoner[0].skole is not None
    lesing = les(_b([A, EKSEMPEL[1], s, *EKSEMPEL[2:]]))
    assert _regler(lesing) == [("NVB-STRUKTUR", 3, "S", None)]


def test_barn_som_peker_pa_ukjent_v():
    f = EKSEMPEL[3].replace("V97454448220140214", "V97454448220140299")
    lesing = les(_b([*EKSEMPEL[:3], f, *EKSEMPEL[4:]]))
    assert ("NVB-STRUKTUR", 4, "F", "F1") in _regler(lesing)
    assert "V97454448220140299" in lesing.problemer[0].finding.melding


def test_barn_av_en_ulesbar_v_gir_ikke_flere_feil():
    v = EKSEMPEL[1] + "¤ekstra"
    lesing = les(_b([A, v, *EKSEMPEL[2:]]))
    assert _regler(lesing) == [("NVB-FELTANTALL", 2, "V", None)]


def test_antall_i_a_mot_filen():
    """«A3 number of ¤V for this orgnr · A4 number of ¤D · A5 number of ¤F · A6 number of ¤P
    · A7 number of ¤M»."""
    feil_a = A.replace("¤1¤0¤2¤1¤1¤", "¤2¤0¤2¤1¤0¤")
    lesing = les(_b([feil_a, *EKSEMPEL[1:]]))
    assert _regler(lesing) == [("NVB-ANTALL", 1, "A", "A3"), ("NVB-ANTALL", 1, "A", "A7")]
    assert lesing.problemer[0].tekst == "A3 sier 2 ¤V, men filen har 1 ¤V for orgnr 974544482"


def test_modell_bare_uten_feil():
    lesing = les(b"\xc2\xa4A\xc2\xa4974544482")
    assert not lesing.ok and lesing.modell is None and lesing.lesbart is not None


def test_flere_organisasjoner_og_dokumenter():
    f = fil(vitnemal(1), kompetansebevis(2))
    to = type(f)((f.organisasjoner[0], organisasjon(orgnr=ORGNR_2, skolenr=0)))
    lesing = les(skriv(to).encode())
    assert lesing.problemer == ()
    assert lesing.modell == to
    assert [o.orgnr for o in lesing.modell.organisasjoner] == [ORGNR, ORGNR_2]


def test_filen_kan_ikke_leses(tmp_path):
    lesing = les(tmp_path / "finnes-ikke.txt")
    assert not lesing.lest and lesing.problemer[0].klasse == "SYSTEM"
    assert "den finnes ikke" in lesing.problemer[0].tekst
    tom = tmp_path / "tom.txt"
    tom.write_bytes(b"\n\n")
    assert les(tom).problemer[0].tekst == "filen inneholder ingen poster (linjer som begynner " \
        "med ¤)"


def test_samme_vgdoknr_under_to_organisasjoner_telles_hos_hver_sin():
    """Regression (found by the round-trip property): the ¤P/¤F/¤M lines of a number used
    under two ¤A were all counted for the first ¤A."""
    a = fil(vitnemal(1)).organisasjoner[0]
    b = organisasjon(*a.dokumenter, orgnr=ORGNR_2)
    b = type(b)(**{**{k: getattr(b, k) for k in ("orgnr", "skolenr", "systemnavn",
                                                 "systemversjon", "tidspunkt")},
                   "dokumenter": tuple(type(d)(d.v._replace(orgnr=ORGNR_2), d.p, d.f, d.m)
                                       for d in b.dokumenter)})
    lesing = les(skriv(type(fil())((a, b))).encode())
    assert [p.regel for p in lesing.problemer] == []
    assert [len(d.f) for d in lesing.modell.dokumenter()] == [4, 4]
