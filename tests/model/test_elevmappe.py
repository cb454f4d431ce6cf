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


# --- combinations: precise locations, and reported beside other errors (issue 2) -------------

def test_combination_points_at_the_field(minimal):
    minimal["fag"][0].update(vurdering="halvar", eksamen=4, eksamensform="S")
    _, found, _ = problems(minimal)
    assert found == {("$.fag[0].eksamen", "en halvårsvurdering kan ikke ha eksamenskarakter")}


def test_several_combinations_in_one_row_are_separate_problems(minimal):
    minimal["fag"][0].update(standpunkt=4, eksamen=3, eksamensform="S", privatist=True,
                             mer_opplaering=True)
    _, found, _ = problems(minimal)
    assert {sti for sti, _ in found} == {"$.fag[0].standpunkt", "$.fag[0].mer_opplaering"}


def test_row_combination_reported_beside_a_wrong_type_in_the_same_row(minimal):
    minimal["fag"][0].update(privatist=True, omfang="mye")  # privatist with standpunkt 5
    _, found, _ = problems(minimal)
    assert {sti for sti, _ in found} == {"$.fag[0].omfang", "$.fag[0].standpunkt"}
    assert any("privatist kan ikke ha standpunktkarakter" in m for _, m in found)


def test_vo_without_iop_reported_beside_other_errors(minimal):
    minimal["utsteder"]["orgnr"] = "123456789"
    minimal["fag"][0]["standpunkt"] = "VO"
    minimal["fag"].append({"fagkode": "MAT1021", "fagnavn": "Matematikk 1T", "fagtype": "FF",
                           "trinn": "vg1", "termin": "V2026", "standpunkt": "4", "eksamen": "VO",
                           "eksamensform": "S", "omfang": "x"})
    _, _, probs = problems(minimal)
    vo = [p for p in probs if "person.iop" in p.melding]
    assert [(p.sti, p.post, p.felt) for p in vo] == [
        ("$.fag[0].standpunkt", "fag ENG1007", "standpunkt"),
        ("$.fag[1].eksamen", "fag MAT1021", "eksamen"),
    ]
    assert "ENG1007" in vo[0].melding and "MAT1021" in vo[1].melding


def test_iop_unknown_when_person_iop_is_wrong_type(minimal):
    minimal["person"]["iop"] = "kanskje"
    minimal["fag"][0]["standpunkt"] = "VO"
    _, found, _ = problems(minimal)
    assert {sti for sti, _ in found} == {"$.person.iop"}


def test_combination_reported_once_when_both_passes_find_it(minimal):
    minimal["utsteder"]["orgnr"] = "123456789"
    minimal["fag"][0].update(vurdering="halvar", eksamen=4, eksamensform="S")
    _, _, probs = problems(minimal)
    assert [p.sti for p in probs] == ["$.utsteder.orgnr", "$.fag[0].eksamen"]


def test_each_bad_vitnemalsmerknad_is_its_own_problem(minimal):
    minimal["vitnemalsmerknader"] = [{"kode": "VMM06"}, {"kode": "VMM98"}, {"kode": "FAM01"}]
    _, found, _ = problems(minimal)
    assert found == {("$.vitnemalsmerknader[1]", "ukjent vitnemålsmerknad VMM98"),
                     ("$.vitnemalsmerknader[2]", "FAM01 er en fagmerknad og hører til et fag")}


def test_unknown_vmm_reported_beside_a_malformed_one(minimal):
    minimal["vitnemalsmerknader"] = [{"kode": "X"}, {"kode": "VMM98"}]
    _, found, _ = problems(minimal)
    assert {sti for sti, _ in found} == {"$.vitnemalsmerknader[0].kode", "$.vitnemalsmerknader[1]"}


def test_level_mismatch_reported_beside_other_errors_in_the_line(minimal):
    minimal["programomrader"][0].update(niva="vg2", skolear="2025")
    _, found, _ = problems(minimal)
    assert {sti for sti, _ in found} >= {"$.programomrader[0].skolear", "$.programomrader[0].niva"}


def test_duplicate_programomrade_points_at_the_second_line(minimal):
    minimal["programomrader"].append(dict(minimal["programomrader"][0]))
    _, found, _ = problems(minimal)
    assert [sti for sti, _ in found] == ["$.programomrader[1]"]


def test_duplicate_fravaer_points_at_the_repeated_row(minimal):
    minimal["fravaer"] += [{"ar": 2, "dager": 1, "timer": "x"}, {"ar": 1, "dager": 1, "timer": 1}]
    _, found, _ = problems(minimal)
    assert {sti for sti, _ in found} == {"$.fravaer[1].timer", "$.fravaer[2].ar"}


# --- impossible combinations: fag on a level without a line, IOP fagkode without vedtak ------

def test_fag_on_a_level_without_programomrade_line(minimal):
    minimal["fag"].append({"fagkode": "REA3058", "fagnavn": "Matematikk R2", "fagtype": "FP",
                           "trinn": "vg3", "termin": "V2026", "standpunkt": 4})
    _, _, probs = problems(minimal)
    assert [(p.sti, p.post) for p in probs] == [("$.fag[1].trinn", "fag REA3058")]
    assert "REA3058" in probs[0].melding and "vg3" in probs[0].melding


def test_fag_level_reported_beside_other_errors(minimal):
    minimal["person"]["fodselsnummer"] = "1"
    minimal["fag"][0]["trinn"] = "vg3"
    _, found, _ = problems(minimal)
    assert {sti for sti, _ in found} == {"$.person.fodselsnummer", "$.fag[0].trinn"}


def test_fag_level_not_guessed_when_a_line_level_is_invalid(minimal):
    minimal["programomrader"][0]["niva"] = "vg7"
    minimal["fag"][0]["trinn"] = "vg3"
    _, found, _ = problems(minimal)
    assert {sti for sti, _ in found} == {"$.programomrader[0].niva"}


def test_fag_level_free_when_every_line_is_a_komprimert_lop(minimal):
    minimal["programomrader"] = [{"kode": "PBPBY4----", "navn": "Fag for studiekompetanse",
                                  "niva": "vg4", "skolear": "2025-2026"}]
    _, found, _ = problems(minimal)
    assert not found


def test_fag_with_explicit_programomrade_must_name_a_line(minimal):
    minimal["fag"][0].update(trinn="vg3", programomrade="STSSA1----")
    _, found, _ = problems(minimal)
    assert not found
    minimal["fag"][0]["programomrade"] = "STREA3----"
    _, found, _ = problems(minimal)
    assert [sti for sti, _ in found] == ["$.fag[0].programomrade"]


def test_iop_fagkode_requires_iop_vedtak(minimal):
    minimal["fag"].append({"fagkode": "IOP1000", "fagnavn": "Indiv. opplæringsplan 1. år",
                           "fagtype": "IO", "trinn": "vg1", "termin": "V2026", "standpunkt": "IV"})
    _, found, _ = problems(minimal)
    assert [sti for sti, _ in found] == ["$.fag[1].fagkode"]
    assert any("IOP1000 er en IOP-fagkode" in m and "person.iop" in m for _, m in found)
    minimal["person"]["iop"] = True
    _, found, _ = problems(minimal)
    assert not found
