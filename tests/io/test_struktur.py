"""Hardened JSON/YAML parsing (issue 12): every defect class gives a Norwegian message with
its place, never an exception, an unbounded message or a silent «last key wins»."""

from __future__ import annotations

import pytest

from vitnemal.io.les import Ulesbar
from vitnemal.io.struktur import (
    MAKS_ALIAS,
    MAKS_DYBDE,
    MAKS_SIFFER,
    les_json,
    les_struktur,
    les_yaml,
)

ENGELSK = ("Expecting", "found", "expected", "while", "could not", "not allowed", "Error")


def _feil(fn, tekst) -> Ulesbar:
    with pytest.raises(Ulesbar) as exc:
        fn(tekst)
    melding = exc.value.melding
    assert not any(w in melding for w in ENGELSK), melding
    assert len(melding) < 300
    return exc.value


# --- nesting ------------------------------------------------------------------------------------

@pytest.mark.parametrize("fn", [les_json, les_yaml])
def test_dyp_nesting_er_en_melding(fn):
    """Before: RecursionError from both parsers (every command crashed)."""
    e = _feil(fn, "[" * 100_000 + "]" * 100_000)
    assert f"nestet for dypt (mer enn {MAKS_DYBDE} nivåer" in e.melding


@pytest.mark.parametrize("fn", [les_json, les_yaml])
def test_nesting_inntil_grensen_er_lov(fn):
    data = fn("[" * MAKS_DYBDE + "]" * MAKS_DYBDE)
    for _ in range(MAKS_DYBDE - 1):
        [data] = data
    assert data == []
    with pytest.raises(Ulesbar):
        fn("[" * (MAKS_DYBDE + 1) + "]" * (MAKS_DYBDE + 1))


def test_dyp_blokk_yaml_har_linje():
    tekst = "".join(f"{'  ' * i}n{i}:\n" for i in range(40)) + "  " * 40 + "x\n"
    e = _feil(les_yaml, tekst)
    assert e.linje == MAKS_DYBDE + 1 and "nestet for dypt" in e.melding


# --- integers -----------------------------------------------------------------------------------

def test_langt_heltall_json():
    """Before: ValueError «Exceeds the limit (4300 digits)» escaped the loader."""
    e = _feil(les_json, '{"a": ' + "9" * 5000 + "}")
    assert e.melding == f"et tall har 5000 siffer; høyst {MAKS_SIFFER} er tillatt"
    assert les_json('{"a": ' + "9" * MAKS_SIFFER + "}")["a"] == int("9" * MAKS_SIFFER)


def test_langt_heltall_yaml_har_linje():
    e = _feil(les_yaml, "a: 1\nb: " + "9" * 5000 + "\n")
    assert (e.linje, e.kolonne) == (2, 4) and "5000 tegn" in e.melding


def test_seksagesimalt_tall_er_begrenset():
    """YAML 1.1 reads «1:59:59» as base 60; a long one cost quadratic time before."""
    e = _feil(les_yaml, "a: 1" + ":59" * 20_000 + "\n")
    assert f"høyst {MAKS_SIFFER}" in e.melding
    assert les_yaml("a: 1:30\n") == {"a": 90}


# --- aliases ------------------------------------------------------------------------------------

def _bombe(nivaer: int, bredde: int = 9) -> str:
    linjer = ["a0: &a0 [" + ", ".join(["ha"] * bredde) + "]"]
    for i in range(1, nivaer):
        linjer.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * bredde) + "]")
    return "\n".join(linjer) + "\n"


def test_billion_laughs():
    """A 500-byte file that would expand to 9**10 values is refused while composing."""
    e = _feil(les_yaml, _bombe(10))
    assert "aliasene (*navn) ville gjøre filen over" in e.melding and e.linje is not None


def test_for_mange_alias():
    tekst = "a: &a x\nb: [" + ", ".join(["*a"] * (MAKS_ALIAS + 1)) + "]\n"
    assert f"mer enn {MAKS_ALIAS} alias" in _feil(les_yaml, tekst).melding


def test_rekursivt_alias():
    assert "peker på noe det selv står i" in _feil(les_yaml, "a: &a [*a]\n").melding


def test_litt_alias_er_lov():
    data = les_yaml("felles: &f {navn: X}\nfag: [*f, *f]\nandre:\n  <<: *f\n  y: 1\n")
    assert data["fag"] == [{"navn": "X"}] * 2 and data["andre"] == {"navn": "X", "y": 1}


# --- keys ---------------------------------------------------------------------------------------

def test_dobbel_nokkel_json():
    """Before: the last value silently won."""
    e = _feil(les_json, '{"person": {"navn": "A", "navn": "B"}}')
    assert e.melding == "nøkkelen «navn» står to ganger i samme objekt; bare én verdi er tillatt"


def test_dobbel_nokkel_yaml_med_linjer():
    e = _feil(les_yaml, "person:\n  navn: A\n  status: elev\n  navn: B\n")
    assert e.melding == ("nøkkelen «navn» står to ganger i samme objekt (linje 2 og 4); bare én "
                         "verdi er tillatt")
    assert e.linje == 4


def test_like_nokler_i_ulike_objekter_er_lov():
    assert les_yaml("a: {x: 1}\nb: {x: 2}\n") == {"a": {"x": 1}, "b": {"x": 2}}
    assert les_json('{"a": {"x": 1}, "b": {"x": 2}}') == {"a": {"x": 1}, "b": {"x": 2}}


@pytest.mark.parametrize(("tekst", "vist"), [("2026: x\n", "«2026»"), ("yes: x\n", "«yes»"),
                                             ("? [a]\n: x\n", "en liste eller et objekt"),
                                             ("~: x\n", "«~»")])
def test_nokkel_som_ikke_er_tekst(tekst, vist):
    """Before: a date or number key reached pydantic and crashed the path formatting."""
    e = _feil(les_yaml, tekst)
    assert e.melding == f"nøkkelen {vist} er ikke tekst; skriv den i anførselstegn"


def test_lang_nokkel_kortes_ned():
    e = _feil(les_yaml, f"? {'k' * 100_000}\n: 1\n? {'k' * 100_000}\n: 2\n")
    assert "tegn utelatt" in e.melding


# --- Norwegian parser messages ------------------------------------------------------------------

@pytest.mark.parametrize(("tekst", "norsk", "sted"), [
    ("", "forventet en verdi", (1, 1)),
    ('{"a": }', "forventet en verdi", (1, 7)),
    ('{"a": 1,}', "forventet et feltnavn i doble anførselstegn", (1, 9)),
    ('{"a" 1}', "forventet kolon etter feltnavnet", (1, 6)),
    ('{"a": 1 "b": 2}', "forventet komma mellom verdiene", (1, 9)),
    ('{"a": "x', "mangler avsluttende anførselstegn", (1, 7)),
    ('{"a": "x\ty"}', "kontrolltegn", (1, 9)),
    ('{"a": "\\q"}', "ugyldig skråstrek-kode", (1, 8)),
    ('{"a": "\\u12"}', "ugyldig \\u-kode", (1, 9)),
    ('{"a": 1} x', "mer innhold etter slutten", (1, 10)),
])
def test_json_meldinger(tekst, norsk, sted):
    e = _feil(les_json, tekst)
    assert e.melding.startswith("filen er ikke gyldig JSON: ") and norsk in e.melding
    assert (e.linje, e.kolonne) == sted


@pytest.mark.parametrize(("tekst", "norsk", "linje"), [
    ("a:\n\t- b\n", "tabulator kan ikke brukes til innrykk i YAML; bruk mellomrom", 2),
    ("a: b: c\n", "kolon på feil sted", 1),
    ("a: [1, 2\n", "forventet komma eller ] i listen", 2),
    ("a: {x: 1\n", "forventet komma eller } i objektet", 2),
    ('a: "x\n', "filen slutter midt i en verdi", 2),
    ("a: *b\n", "viser til et anker (&navn) som ikke finnes", 1),
    ("a: 1\n---\nb: 2\n", "ett YAML-dokument, ikke flere", 2),
    ("a: !!python/name:os.system x\n", "ikke tillatt YAML-merke", 1),
    ("a: |0\n  x\n", "ugyldig YAML-syntaks", 1),
    ("a: 1\x00\n", "tegnet U+0000 er ikke tillatt", 1),
    ("a: @x\n", "tegnet kan ikke begynne en verdi her", 1),
    ("- a\nb: 1\n", "innrykket stemmer ikke", 2),
])
def test_yaml_meldinger(tekst, norsk, linje):
    e = _feil(les_yaml, tekst)
    assert norsk in e.melding and e.linje == linje


# --- values -------------------------------------------------------------------------------------

def test_ugyldig_dato_i_yaml_blir_tekst():
    """Before: ValueError «month must be in 1..12» from PyYAML's timestamp constructor."""
    assert les_yaml("utstedt: 2026-13-01\n") == {"utstedt": "2026-13-01"}
    assert str(les_yaml("utstedt: 2026-06-19\n")["utstedt"]) == "2026-06-19"


@pytest.mark.parametrize(("fn", "tekst"), [(les_json, '{"navn": "\\ud800"}'),
                                           (les_yaml, 'navn: "\\ud800"\n'),
                                           (les_json, '{"\\udfff": 1}')])
def test_halvt_surrogatpar(fn, tekst):
    """A lone surrogate is no character: it failed at the first print before."""
    assert "halvt surrogatpar" in _feil(fn, tekst).melding


def test_hele_surrogatpar_er_lov():
    assert les_json('{"navn": "\\ud83d\\ude00"}') == {"navn": "\U0001F600"}


def test_filtype_velger_parser():
    assert les_struktur('{"a": 1}', "x.JSON") == {"a": 1}
    assert les_struktur("a: 1", "x.yml") == {"a": 1}
    with pytest.raises(Ulesbar, match="JSON"):
        les_struktur("a: 1", "x.json")
