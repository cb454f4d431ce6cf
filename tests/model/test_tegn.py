"""Every printed text of an elevmappe holds only characters the blankett can show.

Ref: 001 §2.1 — the document is written in Times New Roman (Liberation Serif here); issue 12:
characters the embedded font cannot draw were silently dropped or boxed. One repertoire
(``vitnemal.model.tegn``: ISO 8859-1 with the North Sámi letters, as Digdir's «Tegnsett»
standard for the public sector, plus typographic punctuation) is applied at load time to
every printed field, with a Norwegian message naming the field and the character.
"""

from __future__ import annotations

import pytest

from vitnemal.io.load import validate_data


def _sett(data: dict, sti: str, verdi: str) -> None:
    """Put ``verdi`` at a simple path such as ``utsteder.underskrivere.1``."""
    *hode, siste = sti.split(".")
    obj = data
    for del_ in hode:
        obj = obj[int(del_)] if del_.isdigit() else obj[del_]
    if siste.isdigit():
        obj[int(siste)] = verdi
    else:
        obj[siste] = verdi


def _med_merknad(data: dict) -> dict:
    data["fag"][0]["fagmerknad"] = {"kode": "FAM41", "parametre": ["NOR1234"]}
    return data


FELT = [
    # (where in MINIMAL, JSON path reported, the field as the message names it)
    ("person.navn", "$.person.navn", "navnet"),
    ("utsteder.skolenavn", "$.utsteder.skolenavn", "skolenavnet"),
    ("utsteder.sted", "$.utsteder.sted", "stedet"),
    ("utsteder.fylke", "$.utsteder.fylke", "fylket"),
    ("utsteder.underskrivere.1", "$.utsteder.underskrivere[1]", "underskriveren"),
    ("programomrader.0.navn", "$.programomrader[0].navn", "navnet på programområdet"),
    ("programomrader.0.utdanningsprogram", "$.programomrader[0].utdanningsprogram",
     "utdanningsprogrammet"),
    ("fag.0.fagnavn", "$.fag[0].fagnavn", "fagnavnet"),
    ("fag.0.fagmerknad.parametre.0", "$.fag[0].fagmerknad.parametre[0]", "verdien i merknaden"),
    ("vedlegg.0", "$.vedlegg[0]", "vedleggsteksten"),
]

UGYLDIGE = [
    # (text, how the message names the offending character)
    ("Ola 😀", "«😀» (U+1F600)"),  # emoji
    ("王秀英", "«王» (U+738B)"),  # CJK
    ("محمد", "«م» (U+0645)"),  # Arabic script
    ("Ola\x00", "U+0000 (kontrolltegn)"),  # NUL
    ("Ola \u202eNordmann", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),  # bidi override
    ("Ola \u2066Nordmann\u2069", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),  # bidi isolate
    ("Ola\tNordmann", "U+0009 (kontrolltegn)"),  # other control character
    ("Ola\u200bNordmann", "U+200B (ZERO WIDTH SPACE)"),  # invisible format character
    ("Nord\u00admann", "U+00AD (SOFT HYPHEN)"),  # invisible, though in ISO 8859-1
    ("Mq\u0303ller", "U+0303 (COMBINING TILDE)"),  # a combining mark with no precomposed letter
    ("Жанна", "«Ж» (U+0416)"),  # Cyrillic: the font has it, the repertoire does not
]


def _data(minimal: dict) -> dict:
    minimal["utsteder"]["fylke"] = "Troms"
    minimal["vedlegg"] = ["Vedlegg."]
    return _med_merknad(minimal)


def test_utgangspunktet_er_gyldig(minimal):
    mappe, problemer = validate_data(_data(minimal), "t.json")
    assert problemer == [] and mappe is not None


@pytest.mark.parametrize("sti,json_sti,navn", FELT)
@pytest.mark.parametrize("tekst,tegn", UGYLDIGE)
def test_tegn_som_ikke_kan_skrives_ut_avvises(minimal, sti, json_sti, navn, tekst, tegn):
    """Issue 12: the record is rejected at validation, the message naming the field and the
    character (by number when it is invisible)."""
    data = _data(minimal)
    _sett(data, sti, tekst)
    mappe, problemer = validate_data(data, "t.json")
    assert mappe is None
    treff = [p for p in problemer if p.sti == json_sti]
    assert len(treff) == 1, problemer
    melding = treff[0].melding
    assert melding.startswith(f"{navn} inneholder tegn"), melding
    assert tegn in melding and "som ikke kan skrives ut" in melding


GYLDIGE = [
    "Máret Čuoigi Ŋuvttá-Đávvá Šiŧŧá Žáhkku",  # North Sámi (Digdir's six letters and á)
    "Ære Øystein Åsmund Ærø",  # Norwegian
    "Zoë Noël François Ångström Müller-Lüdenscheidt Ñúñez",  # accented Latin of ISO 8859-1
    "O'Brien – «sitat» … “anførsel” ‘enkel’ 100 € 2 × 3 ½",  # typographic punctuation
    "Ïnga Pålsdotter",  # South Sámi ï
]


@pytest.mark.parametrize("sti,json_sti,navn", FELT)
@pytest.mark.parametrize("tekst", GYLDIGE)
def test_latinske_nordiske_og_samiske_tegn_godtas(minimal, sti, json_sti, navn, tekst):
    data = _data(minimal)
    _sett(data, sti, tekst)
    mappe, problemer = validate_data(data, "t.json")
    assert problemer == [], problemer


def test_nfc_forst(minimal):
    """docs/decisions.md: text is normalised to NFC before the check; a letter typed as base +
    combining mark is stored precomposed («A» + U+030A is «Å», «C» + U+030C is «Č»)."""
    minimal["person"]["navn"] = "A\u030asa C\u030cuoigi"
    mappe, problemer = validate_data(minimal, "t.json")
    assert problemer == []
    assert mappe.person.navn == "Åsa Čuoigi"


def test_alle_tegn_nevnes_men_begrenset(minimal):
    """Several offending characters are named together, at most three and a count; the
    value itself is never echoed (a message stays short whatever the input)."""
    minimal["person"]["navn"] = "Ola " + "".join(chr(0x4E00 + i) for i in range(500))
    _, problemer = validate_data(minimal, "t.json")
    (p,) = problemer
    assert "«一» (U+4E00), «丁» (U+4E01), «丂» (U+4E02) og 497 andre" in p.melding
    assert len(p.melding) < 300


def test_linjeskift_i_vedlegg_gir_hint(minimal):
    """A paragraph break inside one attachment item is refused with a hint: each paragraph
    is its own item (001 §2.10, the record format)."""
    minimal["vedlegg"] = ["Første avsnitt.\nAndre avsnitt."]
    _, problemer = validate_data(minimal, "t.json")
    (p,) = problemer
    assert p.sti == "$.vedlegg[0]"
    assert "U+000A" in p.melding and "hvert avsnitt et eget element i listen" in p.melding
