"""Ref: 004 generelt, 004 H, 004 vg3; 001 §1.3 — the one assignment of fag rows to programme
area lines (``rules.linje.fordel``), against a plain reference written from the rule, and the
two readers of it agreeing: the fullførtkode of a line and the «fullført»/«bestått» a
kompetansebevis prints for it."""

from __future__ import annotations

from hypothesis import assume, event, given
from hypothesis import strategies as st
from pydantic import ValidationError

from vitnemal.dokument.beslutning import beslutt
from vitnemal.dokument.model import Dokumenttype
from vitnemal.io.load import validate_data
from vitnemal.model.elevmappe import komprimerte_koder
from vitnemal.rules.fullfortkode import beregn
from vitnemal.rules.linje import bygg_linjer, fordel
from vitnemal.rules.regelsett import velg_regelsett

from .scenario_support import PERSON, UTSTEDER, bygg_mappe
from .test_properties_fullfortkode import GRADES, SETTINGS

LINJER = [  # (kode, niva, skolear, over_to_ar)
    ("STSSA1----", "vg1", "2023-2024", None), ("STSSA1----", "vg1", "2025-2026", None),
    ("STREA2----", "vg2", "2024-2025", 1), ("STREA2----", "vg2", "2025-2026", 2),
    ("STREA3----", "vg3", "2025-2026", None), ("HSHEA2----", "vg2", "2025-2026", None),
    ("PBPBY4----", "vg3", "2024-2025", None), ("PBPBY4----", "vg3", "2025-2026", None),
]


def hvert_ar(skolear: str):
    """Every school year gets the 2025–2026 rule set, so that every line takes rows."""
    return velg_regelsett("2025-2026")


TERMINER = ["H2023", "V2024", "H2024", "V2025", "H2025", "V2026"]
FAGKODER = ["NOR1260", "KRO1018", "HIS1009", "FSP6038", "ENG1007", "MAT1021", "NAT1007",
            "SAK1001", "HIS1011", "REA3056"]


@st.composite
def flerlinje(draw):
    valgt = draw(st.lists(st.sampled_from(LINJER), min_size=1, max_size=5, unique=True))
    linjer = [{"kode": k, "niva": n, "skolear": s, **({"over_to_ar": o} if o else {}),
               "hele_programomradet": True} for k, n, s, o in valgt]
    nivaer = sorted({n for _, n, _, _ in valgt})
    fag = []
    for _ in range(draw(st.integers(0, 12))):
        rad = {"fagkode": draw(st.sampled_from(FAGKODER)), "trinn": draw(st.sampled_from(nivaer)),
               "termin": draw(st.sampled_from(TERMINER)),
               "standpunkt": draw(st.sampled_from(GRADES))}
        if draw(st.integers(0, 3)) == 0:
            rad["programomrade"] = draw(st.sampled_from([k for k, _, _, _ in valgt]))
        if draw(st.integers(0, 4)) == 0:
            rad["vurdering"] = "halvar"
        rad["sluttet"] = draw(st.integers(0, 9)) == 0
        fag.append(rad)
    return {"person": {"status": "privatist"}, "programomrader": linjer, "fag": fag}


def _skolear_start(termin: str) -> int:
    ar = int(termin[1:])
    return ar if termin[0] == "H" else ar - 1


def _referanse(mappe) -> list[list[int]]:
    """The rule as written: a row belongs to the lines of its programomrade code, else of its
    level (all lines when every line is a komprimert løp); of several, to those of the school
    year of its termin, else the latest earlier, else the earliest. Year 2 of two also takes
    year 1's rows; a komprimert line takes those of every komprimert line up to its year."""
    linjer, komp = mappe.programomrader, komprimerte_koder()
    alle_komp = all(p.kode in komp for p in linjer)
    egne: list[list[int]] = [[] for _ in linjer]
    for k, f in enumerate(mappe.fag):
        if f.programomrade:
            mulige = [i for i, p in enumerate(linjer) if p.kode == f.programomrade]
        elif alle_komp:
            mulige = list(range(len(linjer)))
        else:
            mulige = [i for i, p in enumerate(linjer) if p.niva == f.trinn]
        ar = _skolear_start(f.termin)
        samme = [i for i in mulige if linjer[i].start_ar == ar]
        for_ = [linjer[i].start_ar for i in mulige if linjer[i].start_ar < ar]
        if samme:
            mulige = samme
        elif for_:
            mulige = [i for i in mulige if linjer[i].start_ar == max(for_)]
        elif mulige:
            mulige = [i for i in mulige if linjer[i].start_ar == min(linjer[j].start_ar
                                                                     for j in mulige)]
        for i in mulige:
            egne[i].append(k)
    ut = []
    for p in linjer:
        if p.kode in komp:
            kilder = [j for j, q in enumerate(linjer) if q.kode in komp and q.start_ar <= p.start_ar]
        elif p.over_to_ar == 2:
            kilder = [j for j, q in enumerate(linjer) if q.kode == p.kode and q.over_to_ar == 1
                      and q.start_ar == p.start_ar - 1] + [linjer.index(p)]
        else:
            kilder = [linjer.index(p)]
        ut.append(sorted(k for j in kilder for k in egne[j]))
    return ut


@SETTINGS
@given(flerlinje())
def test_fordeling_follows_the_rule(inp):
    try:
        mappe = bygg_mappe(inp)
    except ValidationError:
        assume(False)
    event(f"{len(mappe.programomrader)} linjer")
    assert [sorted(r) for r in fordel(mappe)] == _referanse(mappe)


@SETTINGS
@given(flerlinje())
def test_the_engine_judges_exactly_the_rows_of_fordel(inp):
    try:
        mappe = bygg_mappe(inp)
    except ValidationError:
        assume(False)
    for lin, rader in zip(bygg_linjer(mappe, hvert_ar), fordel(mappe), strict=True):
        sett = {id(f) for f, _ in lin.teller} | {id(f) for f, _, _ in lin.utenfor}
        sett |= {id(f) for f in lin.sluttet}
        egne = {id(mappe.fag[k]) for k in rader}
        assert egne <= sett
        ekstra = sett - egne  # only an earlier sluttvurdering of a quit fag (004 H)
        assert all(any(id(f) == e for f, _ in lin.teller) for e in ekstra)


def _mappe(programomrader, fag):
    data = {"person": PERSON, "utsteder": {**UTSTEDER, "utstedt": "2026-06-20", "lopenummer": 1},
            "programomrader": programomrader, "fag": fag}
    m, problemer = validate_data(data, "test")
    assert not problemer, [str(p) for p in problemer]
    return m


def _rad(kode, niva, termin, standpunkt, **kw):
    return {"fagkode": kode, "fagnavn": kode, "fagtype": "FF", "omfang": 100, "trinn": niva,
            "termin": termin, "standpunkt": standpunkt, **kw}


def test_gjentatt_vg1_pastand_og_fullfortkode_er_enige():
    """001 §1.3, 004 vg1 — a repeated vg1: failed in 2024–2025, passed in 2025–2026. The
    fullførtkode of 2025–2026 is B; the kompetansebevis prints «bestått» for vg1 (it printed
    «fullført» before, judging the failed rows of the first attempt as well)."""
    m = _mappe(
        [{"kode": "HSHSF1----", "navn": "Helse", "niva": "vg1", "skolear": "2024-2025"},
         {"kode": "HSHSF1----", "navn": "Helse", "niva": "vg1", "skolear": "2025-2026"}],
        [_rad("ENG1008", "vg1", "V2025", 1), _rad("MAT1127", "vg1", "V2025", 1),
         _rad("ENG1008", "vg1", "V2026", 4), _rad("MAT1127", "vg1", "V2026", 3)])
    koder = {(k.skolear, k.kode) for k in beregn(m)}
    assert ("2025-2026", "B") in koder
    b = beslutt(m, dokumenttype=Dokumenttype.KOMPETANSEBEVIS)
    assert b.pastander == {("HSHSF1----", "vg1"): "bestatt"}


def test_pabygging_pa_vg3_etter_yrkesfag_far_radene_pa_sitt_niva():
    """001 §4.4, 004 vg3 — vg3 påbygging (PBPBY4----) after two yrkesfag years: rows on vg3
    belong to the påbygging line for the fullførtkode as for the kompetansebevis (the engine
    gave it no rows before, and H «mangler» all six fag)."""
    seks = [_rad(k, "vg3", "V2026", 4) for k in
            ("NOR1271", "ENG1009", "MAT1019", "NAT1007", "HIS1011", "SAK1001")]
    m = _mappe(
        [{"kode": "HSHSF1----", "navn": "Helse", "niva": "vg1", "skolear": "2023-2024"},
         {"kode": "HSHEA2----", "navn": "Helse", "niva": "vg2", "skolear": "2024-2025"},
         {"kode": "PBPBY4----", "navn": "Påbygging", "niva": "vg3", "skolear": "2025-2026"}],
        [_rad("HSF1006", "vg1", "V2024", 4), _rad("HEA2005", "vg2", "V2025", 4), *seks])
    [pb] = [k for k in beregn(m) if k.programomrade == "PBPBY4----"]
    assert (pb.kode, pb.regel) == ("B", "b_bestatt"), pb
    b = beslutt(m, dokumenttype=Dokumenttype.KOMPETANSEBEVIS)
    assert b.pastander[("PBPBY4----", "vg3")] == "bestatt"

