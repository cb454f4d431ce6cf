"""Published JSON Schema of the elevmappe format and its field-by-field reference page.

Both are generated from the typed models: ``python -m vitnemal.model.schema`` rewrites
``schema/elevmappe.schema.json`` and ``docs/elevmappe-format.md``; a test fails when the
committed files differ from what the models produce.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from types import UnionType
from typing import Annotated, Literal, Union, get_args, get_origin

from vitnemal.model.elevmappe import (
    Elevmappe,
    Fag,
    Fravaer,
    MerknadRef,
    Person,
    Programomrade,
    Utsteder,
    modellfelter,
)

ROOT = Path(__file__).resolve().parents[3]
SCHEMA_PATH = ROOT / "schema" / "elevmappe.schema.json"
REFERENCE_PATH = ROOT / "docs" / "elevmappe-format.md"

# The guideline paragraph (or sheet) that governs each field.
PARAGRAF: dict[str, str] = {
    "Elevmappe.versjon": "—",
    "Elevmappe.person": "001 §2.2",
    "Elevmappe.utsteder": "001 §2.8, §1.10",
    "Elevmappe.programomrader": "001 §2.3, §4.1",
    "Elevmappe.fag": "001 §2.4–2.6",
    "Elevmappe.orden": "001 §2.7, §5.6",
    "Elevmappe.adferd": "001 §2.7, §5.6",
    "Elevmappe.fravaer": "001 §2.7, §8.1",
    "Elevmappe.vitnemalsmerknader": "001 §3.2–3.6",
    "Elevmappe.maalform": "001 §2.1",
    "Elevmappe.vedlegg": "001 §2.10",
    "Person.navn": "001 §2.2",
    "Person.fodselsnummer": "001 §2.2; 003 A01",
    "Person.status": "001 §1.9",
    "Person.iop": "001 §11; 004 iop",
    "Utsteder.skolenavn": "001 §2.8",
    "Utsteder.utenlandsk": "001 §2.8",
    "Utsteder.orgnr": "001 §2.8",
    "Utsteder.skolenummer": "NVB ¤A A2",
    "Utsteder.sted": "001 §2.8",
    "Utsteder.fylke": "001 §1.10",
    "Utsteder.underskrivere": "001 §2.8",
    "Utsteder.utstedt": "001 §2.8",
    "Utsteder.lopenummer": "001 §2.8",
    "Programomrade.kode": "001 §2.3, §4.3, §7.7, §13.2; 004 vg3 (komprimerte løp)",
    "Programomrade.navn": "001 §2.3",
    "Programomrade.utdanningsprogram": "001 §2.3",
    "Programomrade.niva": "001 §2.3",
    "Programomrade.skolear": "004 generelt",
    "Programomrade.deltid": "004 H",
    "Programomrade.over_to_ar": "004 H",
    "Programomrade.unormalt_skolear": "004 H",
    "Programomrade.sluttet": "004 generelt (S)",
    "Programomrade.hele_programomradet": "004 H (voksne og privatister)",
    "Programomrade.fremmedsprak_som_privatist": "004 vg1/vg2 NB; 001 §1.3",
    "Programomrade.laretid_fullfort": "004 generelt (L, K)",
    "Programomrade.fagprove_avlagt": "004 generelt (L, K)",
    "Programomrade.utland": "001 §2.7",
    "Fag.fagkode": "001 §2.6",
    "Fag.fagnavn": "001 §2.6",
    "Fag.fagtype": "001 §2.5",
    "Fag.omfang": "001 §2.6",
    "Fag.trinn": "001 §5.7; 004",
    "Fag.programomrade": "001 §9.4 (FAM42); 004",
    "Fag.vurdering": "001 §5.1, §5.7; 004",
    "Fag.standpunkt": "001 §5.1–5.5",
    "Fag.eksamen": "001 §5.1–5.5, §6",
    "Fag.eksamensform": "001 §6.1",
    "Fag.tverrfaglig": "001 §5.1, §5.5; 004 vg2/vg3",
    "Fag.termin": "001 §2.6 (År)",
    "Fag.fagmerknad": "001 §3, §3.1",
    "Fag.privatist": "001 §4.2, §5.8",
    "Fag.mer_opplaering": "004 generelt",
    "Fag.sluttet": "004 H",
    "Fravaer.ar": "001 §2.7",
    "Fravaer.dager": "001 §8.1",
    "Fravaer.timer": "001 §8.1",
    "MerknadRef.kode": "001 §3",
    "MerknadRef.parametre": "001 §3.1–3.4",
}

MODELS: list[type] = [Elevmappe, Person, Utsteder, Programomrade, Fag, Fravaer, MerknadRef]


def json_schema() -> dict:
    schema = Elevmappe.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def _type_name(ann) -> str:
    origin, args = get_origin(ann), get_args(ann)
    if origin is Annotated:
        return _type_name(args[0])
    if origin is Literal:
        return " | ".join(repr(a) for a in args)
    if origin in (Union, UnionType):
        return " | ".join(_type_name(a) for a in args)
    if origin is list:
        return f"list[{_type_name(args[0])}]"
    if ann is type(None):
        return "null"
    if isinstance(ann, type) and issubclass(ann, Enum):
        return " | ".join(repr(m.value) for m in ann)
    return getattr(ann, "__name__", str(ann))


def _type_of(info) -> str:
    return _type_name(info.annotation)


def reference_markdown() -> str:
    lines = [
        "# The elevmappe format — field reference",
        "",
        "Generated from the models in `src/vitnemal/model/` (`python -m vitnemal.model.schema`); "
        "do not edit by hand. JSON Schema: `schema/elevmappe.schema.json`.",
        "",
        "An elevmappe is one person's results for documentation, as JSON or YAML. The column "
        "*Paragraph* names the paragraph of the guideline (001), the fullførtkode sheets (004) "
        "or the VIGO registration handbook (003) that governs the field.",
        "",
    ]
    for model in MODELS:
        lines += [f"## {model.__name__}", ""]
        doc = (model.__doc__ or "").strip().splitlines()
        if doc:
            lines += [doc[0], ""]
        lines += ["| Field | Type | Required | Paragraph | Description |", "|---|---|---|---|---|"]
        for name, info in modellfelter(model).items():
            ref = PARAGRAF.get(f"{model.__name__}.{name}", "")
            desc = (info.description or "").replace("|", "\\|")
            req = "yes" if info.is_required() else "no"
            typ = _type_of(info).replace("|", "\\|")
            lines.append(f"| `{name}` | `{typ}` | {req} | {ref} | {desc} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_PATH.write_text(
        json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    REFERENCE_PATH.write_text(reference_markdown(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH} and {REFERENCE_PATH}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
