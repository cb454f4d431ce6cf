"""YAML loading that keeps line numbers, so errors can name file and line.

Mappings become ``LinedDict`` (a dict with ``line`` and ``key_lines``); scalars that cannot
be constructed (e.g. the date ``2025-13-01``) are kept as their raw text so that validation,
not the parser, reports them. Reading and parsing are the hardened ones of ``vitnemal.io``
(regular files only, bounded size, depth and aliases, no duplicate keys, Norwegian messages).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from vitnemal.errors import InputError
from vitnemal.io.les import Ulesbar, les_tekst
from vitnemal.io.struktur import etterkontroll, yaml_node, yaml_ulesbar


class LinedDict(dict):
    """A YAML mapping with the 1-based line of the mapping and of each key's value."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


_STANDARD = {yaml.MappingNode: "tag:yaml.org,2002:map", yaml.SequenceNode: "tag:yaml.org,2002:seq"}


def _convert(node: yaml.Node, constructor: yaml.SafeLoader) -> Any:
    tag = _STANDARD.get(type(node))
    if tag is not None and node.tag != tag:  # ``!!python/…`` and other tags on a collection
        raise yaml.constructor.ConstructorError(
            None, None, f"could not determine a constructor for the tag {node.tag!r}",
            node.start_mark)
    if isinstance(node, yaml.MappingNode):
        result = LinedDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, constructor)
            result[key] = _convert(value_node, constructor)
            result.key_lines[str(key)] = value_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, constructor) for item in node.value]
    try:
        return constructor.construct_object(node, deep=True)
    except ValueError:
        return node.value


def load(path: Path) -> Any:
    """Parse ``path``; any problem becomes an ``InputError`` naming file and line."""
    try:
        text = les_tekst(path)
        node, laster = yaml_node(text)
        if node is None:
            return None
        try:
            data = _convert(node, laster)
        except yaml.YAMLError as exc:  # a bound of the loader (e.g. digits of an integer)
            raise yaml_ulesbar(exc, text) from None
        etterkontroll(data)
        return data
    except Ulesbar as exc:
        raise InputError(exc.tekst(path)) from None
