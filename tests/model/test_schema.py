"""The published JSON Schema and the field reference are generated from the models."""

from __future__ import annotations

import json

from vitnemal.model import schema
from vitnemal.model.elevmappe import modellfelter


def test_committed_schema_is_generated():
    committed = json.loads(schema.SCHEMA_PATH.read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(schema.json_schema())), (
        "schema/elevmappe.schema.json is stale: run python -m vitnemal.model.schema"
    )


def test_committed_reference_is_generated():
    assert schema.REFERENCE_PATH.read_text(encoding="utf-8") == schema.reference_markdown(), (
        "docs/elevmappe-format.md is stale: run python -m vitnemal.model.schema"
    )


def test_every_field_names_its_paragraph():
    missing = [
        f"{m.__name__}.{name}"
        for m in schema.MODELS
        for name in modellfelter(m)
        if f"{m.__name__}.{name}" not in schema.PARAGRAF
    ]
    assert missing == []


def test_samples_validate_against_published_schema(eksempler):
    import yaml
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema.json_schema())
    files = sorted(p for p in eksempler.iterdir() if p.suffix in (".json", ".yaml"))
    assert len(files) >= 10
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = list(validator.iter_errors(json.loads(json.dumps(data, default=str))))
        assert errors == [], (path.name, errors[:3])
