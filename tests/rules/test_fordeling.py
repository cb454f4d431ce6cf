"""Ref: 004 H, 004 vg3 — the one-pass placement of fag rows (``linje.bygg_linjer``) against a
plain reference: first give every row to its lines, then let each line take its own rows, the
rows of year 1 (a programme area over two years) or of every komprimert line up to its school
year, in that order. Records with several lines, two-year programme areas and komprimerte løp."""

from __future__ import annotations

from hypothesis import assume, event, given
from hypothesis import strategies as st
from pydantic import ValidationError

from vitnemal.rules.linje import Linje, _kandidater, bygg_linjer, komprimerte_koder, linjeart
from vitnemal.rules.regelsett import velg_regelsett

from .scenario_support import bygg_mappe
from .test_properties_fullfortkode import GRADES, SETTINGS

LINJER = [  # (kode, niva, skolear, over_to_ar)
    ("STSSA1----", "vg1", "2023-2024", None), ("STSSA1----", "vg1", "2025-2026", None),
    ("STREA2----", "vg2", "2024-2025", 1), ("STREA2----", "vg2", "2025-2026", 2),
    ("STREA3----", "vg3", "2025-2026", None), ("HSHEA2----", "vg2", "2025-2026", None),
    ("PBPBY4----", "vg3", "2024-2025", None), ("PBPBY4----", "vg3", "2025-2026", None),
]


def hvert_ar(skolear: str):
    """Every school year gets the 2025–2026 rule set, so that year 1 of a two-year programme
    area and earlier komprimert lines have rules too (only 2025–2026 has a rule set today)."""
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


def _referanse(mappe) -> list[Linje]:
    linjer, komprimerte = mappe.programomrader, komprimerte_koder()
    per_niva: dict = {}
    for i, p in enumerate(linjer):
        if p.kode not in komprimerte:
            per_niva.setdefault(p.niva, []).append(i)
    tildelt: list[list] = [[] for _ in linjer]
    for f in mappe.fag:
        for i in _kandidater(f, f.programomrade, f.trinn, linjer, per_niva):
            tildelt[i].append(f)
    ut = []
    for i, p in enumerate(linjer):
        lin = Linje(mappe, p, linjeart(hvert_ar, p.kode, p.niva, p.skolear,
                                       p.fremmedsprak_som_privatist))
        ut.append(lin)
        if lin.par is None:
            continue
        rader = tildelt[i]
        if p.over_to_ar == 2:
            for j, q in enumerate(linjer):
                if q.kode == p.kode and q.over_to_ar == 1 and q.start_ar == p.start_ar - 1:
                    rader = tildelt[j] + rader
        if p.kode in komprimerte:
            rader = [f for j, q in enumerate(linjer)
                     if q.kode in komprimerte and q.start_ar <= p.start_ar for f in tildelt[j]]
        for f in rader:
            lin.ta_med(f)
    return ut


def _innhold(lin: Linje):
    return ([(id(f), u) for f, u in lin.teller], [(id(f), art) for f, art, _ in lin.utenfor],
            [id(f) for f in lin.sluttet])


@SETTINGS
@given(flerlinje())
def test_one_pass_placement_equals_reference(inp):
    try:
        mappe = bygg_mappe(inp)
    except ValidationError:
        assume(False)
    faktisk = bygg_linjer(mappe, hvert_ar)
    forventet = _referanse(mappe)
    event(f"{len(faktisk)} linjer, samler: {any(p.over_to_ar == 2 or p.kode.startswith('PBPBY4') for p in mappe.programomrader)}")
    assert len(faktisk) == len(forventet)
    for a, b in zip(faktisk, forventet, strict=True):
        fa, fb = _innhold(a), _innhold(b)
        assert fa[1:] == fb[1:]
        assert fa[0][:len(fb[0])] == fb[0]  # plus any earlier sluttvurdering counted (004 H)
