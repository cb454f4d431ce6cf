"""The elevmappe model: formats, identifiers, known codes and impossible combinations."""

from __future__ import annotations

import pytest

from vitnemal.io.load import validate_data
from vitnemal.model import Karakter, Niva


def problems(data, **kw):
    mappe, probs = validate_data(data, "test.json", **kw)
    return mappe, {(p.sti, p.melding) for p in probs}, probs


def test_minimal_is_valid(minimal):
    mappe, found, _ = problems(minimal)
    assert found == set()
    assert mappe.fag[0].standpunkt is Karakter.K5
    assert mappe.programomrader[0].niva is Niva.VG1


def test_grades_accept_numbers_and_lowercase(minimal):
    minimal["fag"][0]["standpunkt"] = 4
    minimal["fag"][0]["eksamen"] = "iv"
    mappe, found, _ = problems(minimal)
    assert not found
    assert mappe.fag[0].standpunkt is Karakter.K4
    assert mappe.fag[0].eksamen is Karakter.IV


@pytest.mark.parametrize("termin,stored,printed", [("V26", "V2026", "V26"), ("h2024", "H2024", "H24")])
def test_termin_normalised(minimal, termin, stored, printed):
    minimal["fag"][0]["termin"] = termin
    mappe, found, _ = problems(minimal)
    assert not found
    assert mappe.fag[0].termin == stored
    assert mappe.fag[0].termin_kort == printed


def test_invalid_fodselsnummer_is_reported(minimal):
    minimal["person"]["fodselsnummer"] = "12345678901"
    _, _, probs = problems(minimal)
    assert [p.sti for p in probs] == ["$.person.fodselsnummer"]
    assert "fødselsnummer" in probs[0].melding


def test_synthetic_number_needs_testdata_mode(minimal):
    # Tenor-style synthetic number (month + 80) with valid check digits.
    minimal["person"]["fodselsnummer"] = "01880840033"
    from vitnemal.ids import fodselsnummer

    if not fodselsnummer.is_valid("01880840033", testdata=True):
        pytest.skip("example number not a valid Tenor number")
    _, found, _ = problems(minimal)
    assert any(sti == "$.person.fodselsnummer" for sti, _ in found)
    _, found, _ = problems(minimal, testdata=True)
    assert not found


def test_unknown_codes_are_reported(minimal):
    minimal["fag"][0]["fagmerknad"] = {"kode": "FAM99"}
    minimal["vitnemalsmerknader"] = [{"kode": "VMM98"}, {"kode": "FAM01"}]
    _, found, _ = problems(minimal)
    messages = " ".join(m for _, m in found)
    assert "ukjent fagmerknad FAM99" in messages
    assert "ukjent vitnemålsmerknad VMM98" in messages
    assert "FAM01 er en fagmerknad" in messages


def test_vmm_as_fagmerknad_is_rejected(minimal):
    minimal["fag"][0]["fagmerknad"] = {"kode": "VMM06"}
    _, found, _ = problems(minimal)
    assert any("vitnemålsmerknad" in m for _, m in found)


def test_programomradekode_level_must_match(minimal):
    minimal["programomrader"][0]["niva"] = "vg2"
    _, found, _ = problems(minimal)
    assert any("passer ikke med programområdekoden" in m for _, m in found)


def test_special_programomradekode_any_level(minimal):
    minimal["programomrader"][0].update(kode="PBPBY4----", niva="vg3", navn="Fag for studiekompetanse")
    _, found, _ = problems(minimal)
    assert not found


@pytest.mark.parametrize(
    "change,needle",
    [
        ({"vurdering": "halvar", "eksamen": 4, "eksamensform": "S"}, "halvårsvurdering kan ikke ha eksamenskarakter"),
        ({"privatist": True}, "privatist kan ikke ha standpunktkarakter"),
        ({"standpunkt": None, "eksamen": 4, "eksamensform": "S", "privatist": True, "mer_opplaering": True},
         "både være tatt som privatist og som mer opplæring"),
        ({"tverrfaglig": True}, "tverrfaglig eksamen er oppgitt"),
    ],
)
def test_impossible_fag_combinations(minimal, change, needle):
    minimal["fag"][0].update(change)
    _, found, _ = problems(minimal)
    assert any(needle in m for _, m in found), found


def test_vo_requires_iop(minimal):
    minimal["fag"][0]["standpunkt"] = "VO"
    _, found, _ = problems(minimal)
    assert any("person.iop" in m for _, m in found)
    minimal["person"]["iop"] = True
    _, found, _ = problems(minimal)
    assert not found


def test_two_signatories_required(minimal):
    minimal["utsteder"]["underskrivere"] = ["Bare Én"]
    _, found, _ = problems(minimal)
    assert ("$.utsteder.underskrivere", "det skal være nøyaktig to underskrivere (001 §2.8)") in found


def test_duplicate_fravaer_year(minimal):
    minimal["fravaer"].append({"ar": 1, "dager": 1, "timer": 1})
    _, found, _ = problems(minimal)
    assert any("samme år" in m for _, m in found)


def test_all_problems_at_once(minimal):
    minimal["person"]["fodselsnummer"] = "1"
    minimal["utsteder"]["orgnr"] = "123456789"
    minimal["fag"][0]["fagtype"] = "XX"
    minimal["fag"][0]["termin"] = "S2026"
    minimal["ukjent"] = 1
    _, _, probs = problems(minimal)
    assert {p.sti for p in probs} == {
        "$.person.fodselsnummer", "$.utsteder.orgnr", "$.fag[0].fagtype", "$.fag[0].termin", "$.ukjent",
    }
    assert {p.post for p in probs} >= {"person", "utsteder", "fag ENG1007"}


def test_programomrade_for_uses_explicit_code_then_level(minimal):
    mappe, _, _ = problems(minimal)
    assert [p.kode for p in mappe.programomrade_for(mappe.fag[0])] == ["STSSA1----"]
