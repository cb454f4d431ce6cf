"""YAML loading that keeps line numbers, so errors can name file and line.

Mappings become ``LinedDict`` (a dict with ``line`` and ``key_lines``); scalars that cannot
be constructed (e.g. the date ``2025-13-01``) are kept as their raw text so that validation,
not the parser, reports them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from vitnemal.errors import InputError


class LinedDict(dict):
    """A YAML mapping with the 1-based line of the mapping and of each key's value."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def _convert(node: yaml.Node, constructor: yaml.SafeLoader) -> Any:
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
    except (ValueError, yaml.YAMLError):
        return node.value


def load(path: Path) -> Any:
    """Parse ``path``; a syntax error becomes an ``InputError`` naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: kan ikke lese filen ({exc.strerror})") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise InputError(f"{where}: ugyldig YAML ({getattr(exc, 'problem', exc)})") from None
    if node is None:
        return None
    return _convert(node, yaml.SafeLoader(""))
