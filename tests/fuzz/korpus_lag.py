"""The corpus of hostile input (issue 12): one small file per defect class, written by
``python tests/fuzz/korpus_lag.py`` into ``tests/fuzz/korpus/`` and committed.

Each file is built from the minimal valid elevmappe (``tests/conftest.py``, a synthetic
person with a VIGO fictive fødselsnummer) with one kind of damage, so that a command must
refuse it for exactly that reason. Inputs that cannot live in git (a FIFO, ``/dev/zero``, a
file over the size limit) are made by the tests themselves (``tests/fuzz/test_korpus.py``).
``KLASSER`` says for each file what a reader must say (a fragment of the Norwegian message).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from conftest import MINIMAL  # noqa: E402

KORPUS = Path(__file__).with_name("korpus")


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


def _yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _med(**endringer) -> dict:
    data = copy.deepcopy(MINIMAL)
    data.update(endringer)
    return data


def _alias_bombe() -> str:
    """«Billion laughs»: ten levels of nine aliases each, 9**10 values when expanded, in a field
    whose error message used to show the value it was given."""
    linjer = ['a0: &a0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for i in range(1, 10):
        linjer.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    linjer.append("orden: *a9")
    return "\n".join(linjer) + "\n"


def _fnr_uten_anforsel() -> str:
    tekst = _yaml(copy.deepcopy(MINIMAL))
    return tekst.replace("fodselsnummer: '54030799203'", "fodselsnummer: 54030799203")


def _dobbel_nokkel_yaml() -> str:
    return _yaml(copy.deepcopy(MINIMAL)).replace("orden: G\n", "orden: G\norden: LG\n")


def _dobbel_nokkel_json() -> str:
    return _json(copy.deepcopy(MINIMAL)).replace('"orden": "G",', '"orden": "G",\n "orden": "LG",')


def _nan_og_bool() -> str:
    data = copy.deepcopy(MINIMAL)
    data["fravaer"][0]["dager"] = float("nan")
    data["fravaer"][0]["timer"] = True
    data["orden"] = False
    return json.dumps(data, ensure_ascii=False, indent=1)  # json writes NaN as Python reads it


def _ugyldig_dato() -> str:
    tekst = _yaml(copy.deepcopy(MINIMAL))
    return tekst.replace("utstedt: '2026-06-19'", "utstedt: 2026-13-01")


#: file name -> (text or bytes, fragment the reader's message must contain)
KLASSER: dict[str, tuple[str | bytes, str]] = {
    "dyp.json": ("[" * 5000 + "]" * 5000, "nestet for dypt"),
    "dyp.yaml": ("[" * 5000 + "]" * 5000 + "\n", "nestet for dypt"),
    "dyp-blokk.yaml": ("".join(f"{'  ' * i}n{i}:\n" for i in range(60)) + "  " * 60 + "x\n",
                       "nestet for dypt"),
    "stort-tall.json": ('{"versjon": "1", "lopenummer": ' + "9" * 5000 + "}", "5000 siffer"),
    "stort-tall.yaml": ("versjon: '1'\nlopenummer: " + "9" * 5000 + "\n", "5000 tegn"),
    "seksagesimal.yaml": ("orden: 1" + ":59" * 20000 + "\n", "høyst 30"),
    "alias-bombe.yaml": (_alias_bombe(), "aliasene"),
    "alias-rekursiv.yaml": ("fag: &a [*a]\n", "peker på noe det selv står i"),
    "dobbel-nokkel.json": (_dobbel_nokkel_json(), "nøkkelen «orden» står to ganger"),
    "dobbel-nokkel.yaml": (_dobbel_nokkel_yaml(), "nøkkelen «orden» står to ganger"),
    "nokkel-ikke-tekst.yaml": ("versjon: '1'\n2026: x\n", "er ikke tekst"),
    "ikke-utf8.json": ('{"person": {"navn": "Ødegård"}}'.encode("latin-1"), "ikke UTF-8"),
    "utf16.json": ('{"versjon": "1"}'.encode("utf-16"), "UTF-16, ikke UTF-8"),
    "tabulator.yaml": ("person:\n\tnavn: Test\n", "tabulator kan ikke brukes til innrykk"),
    "kontrolltegn.yaml": ("versjon: '1'\nperson: \x00\n", "U+0000"),
    "ugyldig-json.json": ('{"versjon": "1",\n "person": }', "forventet en verdi"),
    "komma-til-slutt.json": ('{"versjon": "1",}', "feltnavn i doble anførselstegn"),
    "tom.json": ("", "forventet en verdi"),
    "flere-dokumenter.yaml": ("versjon: '1'\n---\nversjon: '1'\n", "ett YAML-dokument"),
    "python-tag.yaml": ("versjon: !!python/object/apply:os.system ['true']\n", "YAML-merke"),
    "surrogat.json": ('{"versjon": "1", "person": {"navn": "\\ud800"}}', "surrogatpar"),
    "nan-og-bool.json": (_nan_og_bool(), "ikke NaN"),
    "fnr-uten-anforsel.yaml": (_fnr_uten_anforsel(), "skriv fødselsnummeret i anførselstegn"),
    "ugyldig-dato.yaml": (_ugyldig_dato(), "skal være en dato"),
    "lang-verdi.json": (_json(_med(orden="G" * 20_000)), "tegn utelatt"),
    "lang-nokkel.json": (_json(_med(**{"x" * 20_000: 1})), "tegn utelatt"),
    "liste.json": ("[1, 2, 3]", "ett objekt"),
}


def lag(mappe: Path = KORPUS) -> None:
    mappe.mkdir(exist_ok=True)
    for navn, (innhold, _) in KLASSER.items():
        data = innhold if isinstance(innhold, bytes) else innhold.encode("utf-8")
        (mappe / navn).write_bytes(data)


if __name__ == "__main__":
    lag()
    print(f"skrev {len(KLASSER)} filer til {KORPUS}")
