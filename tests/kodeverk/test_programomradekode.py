"""Ref: 001 §2.3 — the form of a programområdekode, with the named exceptions."""

from __future__ import annotations

import pytest

from vitnemal.kodeverk import load, programomradekode_feil


@pytest.mark.parametrize(
    "kode",
    [
        "STSSA1----",
        "ELELE1----",
        "BABAT1----",
        "HSHEA2----",
        "ELELE3----",
        "PBPBY4----",  # §4.3/§4.4
        "GSGSK0VG--",  # §2.3/§7.7
        "R94GK1----",  # §13.2
        "R94VKI----",  # §13.2
        "PBPBY4--6P",  # 004 komprimert løp
        "PBPBY4VO--",  # 004 komprimert løp
        "STSSA2DT--",  # letters in positions 7–8 (Den Tyske Skole, Steiner, Montessori)
        "MDMDD3SM--",
    ],
)
def test_valid(kode):
    assert programomradekode_feil(kode) is None


@pytest.mark.parametrize(
    ("kode", "fragment"),
    [
        ("", "mangler"),
        ("STSSA1---", "har 9 tegn"),
        ("STSSA1-----", "har 11 tegn"),
        ("GSGSK0VG—", "har 9 tegn"),  # the seed's em-dash spelling
        ("stssa1----", "store bokstaver"),
        ("STSS11----", "5 bokstaver"),
        ("STSSAA----", "tall i 6. posisjon"),
        ("STSSA1A---", "4 bindestreker"),
        ("STSSA1-A--", "4 bindestreker"),
        ("STSSA1AB-C", "4 bindestreker"),
        ("STSSA1--6P", "4 bindestreker"),  # only PBPBY4--6P is named
        ("R94GK2----", "5 bokstaver"),
        ("STSSA11---", "4 bindestreker"),
    ],
)
def test_invalid(kode, fragment):
    reason = programomradekode_feil(kode)
    assert reason is not None and fragment in reason


def test_named_exceptions_are_in_kodeverk():
    spesielle = load().spesielle_programomradekoder
    assert set(spesielle) == {
        "GSGSK0VG--", "PBPBY4----", "R94GK1----", "R94VKI----", "PBPBY4--6P", "PBPBY4VO--"}
    assert {k for k, s in spesielle.items() if s.komprimert} == {
        "PBPBY4--6P", "PBPBY4VO--", "PBPBY4----"}
    assert spesielle["R94GK1----"].tekst() == "Reform 94 – grunnkurs for vg1"
    assert spesielle["PBPBY4----"].tekst() == "Fag for studiekompetanse"
