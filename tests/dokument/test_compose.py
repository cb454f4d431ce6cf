"""Composition of the printed document (001 §2, seed 002)."""

from __future__ import annotations

import copy
import re
from datetime import date

from vitnemal.dokument.model import INGEN_OMFANG, STIPLET, Dokumenttype
from vitnemal.io.load import validate_data
from vitnemal.utskrift import Utstedelse, forbered

DAG = date(2026, 6, 20)

BASE = {
    "person": {"navn": "Test Testesen", "fodselsnummer": "42059199202"},
    "utsteder": {"skolenavn": "Testbyen vgs", "orgnr": "974544482", "sted": "Testbyen",
                 "underskrivere": ["Rektor Rita", "Leder Arne"], "lopenummer": 7},
    "programomrader": [
        {"kode": "STSSA1----", "navn": "Studiespesialisering", "niva": "vg1", "skolear": "2023-2024"},
        {"kode": "STREA2----", "navn": "Realfag", "niva": "vg2", "skolear": "2024-2025"},
        {"kode": "STREA3----", "navn": "Realfag", "niva": "vg3", "skolear": "2025-2026"},
    ],
    "fag": [
        {"fagkode": "REA3056", "fagnavn": "Matematikk R1", "fagtype": "FP", "omfang": 140, "trinn": "vg2", "termin": "V2025", "standpunkt": 5},
        {"fagkode": "NOR1268", "fagnavn": "Norsk sidemål", "fagtype": "FF", "trinn": "vg3", "termin": "V2026", "standpunkt": "F",
         "fagmerknad": {"kode": "FAM02"}},
        {"fagkode": "ENG1007", "fagnavn": "Engelsk", "fagtype": "FF", "omfang": 140, "trinn": "vg1", "termin": "H2023", "standpunkt": 5, "eksamen": 4, "eksamensform": "S"},
        {"fagkode": "UPF9001", "fagnavn": "Uspesifisert", "fagtype": "UP", "omfang": 70, "trinn": "vg2", "termin": "V2025", "standpunkt": 4,
         "fagmerknad": {"kode": "FAM13", "parametre": ["AA6010"]}},
        {"fagkode": "HIS1010", "fagnavn": "Historie", "fagtype": "FF", "omfang": 140, "trinn": "vg3", "termin": "V2026", "standpunkt": 6},
        {"fagkode": "KRO1017", "fagnavn": "Kroppsøving", "fagtype": "FF", "trinn": "vg1", "termin": "V2024", "standpunkt": 4, "vurdering": "halvar"},
    ],
    "orden": "G", "adferd": "NG",
    "fravaer": [{"ar": 1, "dager": 0, "timer": 0}, {"ar": 2, "dager": 3, "timer": 4}],
}


def lag(**endringer):
    data = copy.deepcopy(BASE)
    for k, v in endringer.items():
        if isinstance(v, dict) and isinstance(data.get(k), dict):
            data[k].update(v)
        else:
            data[k] = v
    m, problems = validate_data(data, "test")
    assert not problems, [str(p) for p in problems]
    return m


def compose(mappe, *, today=None, **utstedelse):
    """The document ``vitnemal lag`` would print for ``mappe`` (a plain file) on ``today``."""
    u = Utstedelse.fra_elevmappe(mappe, dato=today, **utstedelse)
    return forbered(mappe, u).dokument


def rader(d):
    return [r for g in d.grupper for r in g.rader]


def test_vitnemal_ordering_by_fagtype_then_fagkode():
    d = compose(lag(), today=DAG)
    assert d.type is Dokumenttype.VITNEMAL
    assert [g.fagtype for g in d.grupper] == ["FF", "FP", "UP"]
    assert [r.fagkode for r in d.grupper[0].rader] == ["ENG1007", "HIS1010", "NOR1268"]
    assert d.grupper[0].overskrift == "Fellesfag"


def test_cells_as_printed():
    d = compose(lag(), today=DAG)
    eng = next(r for r in rader(d) if r.fagkode == "ENG1007")
    assert (eng.standpunkt, eng.eksamen, eng.eksamensform, eng.ar) == ("5 fem", "4 fire", "S", "H23")
    nor = next(r for r in rader(d) if r.fagkode == "NOR1268")
    assert (nor.omfang, nor.standpunkt, nor.eksamen, nor.eksamensform) == (INGEN_OMFANG, "Fritatt", STIPLET, STIPLET)
    assert nor.merknad == "Fritatt fra vurd. med kar."
    upf = next(r for r in rader(d) if r.fagkode == "UPF9001")
    assert upf.merknad == "Fag R94 AA6010"


def test_halvar_rows_only_on_kompetansebevis_with_fam33():
    v = compose(lag(), today=DAG)
    assert "KRO1017" not in [r.fagkode for r in rader(v)]
    k = compose(lag(), today=DAG, dokumenttype=Dokumenttype.KOMPETANSEBEVIS)
    kro = next(r for r in rader(k) if r.fagkode == "KRO1017")
    assert kro.merknad == "Kar. gitt som halvårsvurd."


def test_intro_year_sluttkompetanse_sum():
    d = compose(lag(), today=DAG)
    assert d.innledning == "har i 2026 bestått"
    assert d.innledning_program == "i utdanningsprogram for"
    assert d.sluttkompetanse == ("og har oppnådd generell studiekompetanse",)
    assert d.sum_omfang == str(140 + 140 + 140 + 70)
    assert [p.kode for p in d.programomrader] == ["STSSA1----", "STREA2----", "STREA3----"]


def test_document_number_and_date():
    d = compose(lag(), today=date(2026, 6, 9))
    assert d.dokumentnummer == "V974544482202600007"
    assert re.fullmatch(r"V\d{9}\d{4}\d{5}", d.dokumentnummer)
    assert d.dato == "09.06.2026"
    k = compose(lag(), today=DAG, dokumenttype=Dokumenttype.KOMPETANSEBEVIS)
    assert k.dokumentnummer.startswith("K974544482")


def test_utstedt_wins_over_today_and_missing_date_is_a_feil():
    d = compose(lag(utsteder={"utstedt": "2026-06-01"}), today=DAG)
    assert d.dato == "01.06.2026"
    u = forbered(lag(), Utstedelse(dato=None, lopenummer=7))
    assert u.nektet and u.dokument.dato == ""
    assert [f.regel for f in u.feil] == ["DATO-MANGLER"]


def test_fravaer_zero_printed_as_zero_and_unused_years_dashed():
    d = compose(lag(), today=DAG)
    assert [(f.etikett, f.dager, f.timer) for f in d.fravaer] == [
        ("1. år", "0", "0"), ("2. år", "3", "4"), ("3. år", STIPLET, STIPLET)]
    assert (d.orden, d.adferd) == ("God", "Nokså god")


def test_no_orden_adferd_or_fravaer_for_voksen():
    d = compose(lag(person={"status": "voksen"}), today=DAG)
    assert (d.orden, d.adferd, d.fravaer) == ("", "", ())


def test_no_orden_adferd_for_laerling_without_elevfag():
    fag = [{"fagkode": "HEA3103", "fagnavn": "Helsearbeiderfaget", "fagtype": "FP", "trinn": "vg3",
            "termin": "V2026", "eksamen": "B", "fagmerknad": {"kode": "FAM27"}}]
    d = compose(lag(person={"status": "laerling"}, fag=fag), today=DAG)
    assert (d.orden, d.adferd, d.fravaer) == ("", "", ())
    assert d.type is Dokumenttype.KOMPETANSEBEVIS


def test_kompetansebevis_statements_per_year():
    fag = copy.deepcopy(BASE["fag"])
    fag.append({"fagkode": "MAT1021", "fagnavn": "Matematikk 1T", "fagtype": "FF", "omfang": 140,
                "trinn": "vg1", "termin": "V2024", "standpunkt": 1})
    d = compose(lag(fag=fag), today=DAG)
    assert d.type is Dokumenttype.KOMPETANSEBEVIS
    assert d.innledning == "har gjennomført opplæring som omfatter"
    assert d.sluttkompetanse == ()
    assert [p.pastand for p in d.programomrader] == ["fullført", "bestått", "bestått"]


def test_nynorsk_and_english_texts():
    nn = compose(lag(), maalform="nn", today=DAG)
    assert nn.grupper[-1].overskrift == "Uspesifiserte programfag"
    assert nn.ledetekster["navn"] == "Namn:"
    en = compose(lag(), maalform="en", today=DAG)
    assert en.tittel == "UPPER SECONDARY SCHOOL DIPLOMA"
    assert en.innledning == "has in 2026 passed"


def test_vm31_year_and_fagopplaering():
    fag = [{"fagkode": "HSF1006", "fagnavn": "Helsefremmende arbeid", "fagtype": "FP", "omfang": 197, "trinn": "vg1", "termin": "V2023", "standpunkt": 4},
           {"fagkode": "HEA3103", "fagnavn": "Helsearbeiderfaget", "fagtype": "FP", "trinn": "vg3", "termin": "V2026", "eksamen": "B", "fagmerknad": {"kode": "FAM27"}}]
    po = [{"kode": "HSHSF1----", "navn": "Helse", "niva": "vg1", "skolear": "2022-2023"},
          {"kode": "HSHEA2----", "navn": "Helsearbeider", "niva": "vg2", "skolear": "2023-2024"},
          {"kode": "HSHEA3----", "navn": "Helsearbeiderfaget", "niva": "vg3", "skolear": "2024-2025"}]
    d = compose(lag(person={"status": "laerling"}, fag=fag, programomrader=po,
                    vitnemalsmerknader=[{"kode": "VMM31", "parametre": ["12.12.2025"]}]), today=DAG)
    assert d.type is Dokumenttype.VITNEMAL
    assert d.innledning == "har i 2025 bestått"
    assert d.sluttkompetanse == ("og har bestått fagopplæring",)
    assert d.merknader == ("Bestått fagopplæring 12.12.2025",)
    assert next(r for r in rader(d) if r.fagkode == "HEA3103").standpunkt == STIPLET
