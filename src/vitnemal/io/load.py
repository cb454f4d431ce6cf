"""Load elevmappe files and turn every problem into a Norwegian message.

A problem names the file, the JSON path (``$.fag[3].standpunkt``), the record it sits in
(the person, or a fag row by its fagkode) and the field. Nothing raises for bad input:
callers get the list of problems and decide.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from vitnemal.model import Elevmappe
from vitnemal.model.delvis import kryssjekk

MAX_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class Problem:
    fil: str
    sti: str
    melding: str
    post: str = ""  # the record: «person», «fag NOR1260» …
    felt: str = ""

    def __str__(self) -> str:
        where = self.sti + (f" ({self.post})" if self.post else "")
        return f"{self.fil}: {where}: {self.melding}"

    def as_dict(self) -> dict:
        return {"fil": self.fil, "sti": self.sti, "post": self.post, "felt": self.felt,
                "melding": self.melding}


@dataclass
class LoadResult:
    mapper: list[tuple[str, Elevmappe]] = field(default_factory=list)
    problemer: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problemer


_MESSAGES = {
    "missing": "feltet mangler",
    "extra_forbidden": "ukjent felt",
    "unexpected_keyword_argument": "ukjent felt",  # in a fag row (a dataclass)
    "string_type": "skal være tekst",
    "int_type": "skal være et heltall",
    "int_parsing": "skal være et heltall",
    "int_from_float": "skal være et heltall",
    "bool_type": "skal være true eller false",
    "bool_parsing": "skal være true eller false",
    "list_type": "skal være en liste",
    "dict_type": "skal være et objekt",
    "model_type": "skal være et objekt",
    "model_attributes_type": "skal være et objekt",
    "dataclass_type": "skal være et objekt",
    "dataclass_args_type": "skal være et objekt",
    "date_type": "skal være en dato (åååå-mm-dd)",
    "date_parsing": "skal være en dato (åååå-mm-dd)",
    "date_from_datetime_parsing": "skal være en dato (åååå-mm-dd)",
    "date_from_datetime_inexact": "skal være en dato uten klokkeslett",
    "string_too_short": "kan ikke være tom",
    "string_pattern_mismatch": "har feil format",
    "greater_than_equal": "er for lav (minst {ge})",
    "less_than_equal": "er for høy (høyst {le})",
    "none_required": "skal ikke fylles ut",
}


def _translate(err: dict) -> str:
    typ = err["type"]
    ctx = err.get("ctx") or {}
    if typ == "vitnemal":
        return err["msg"]
    if typ in ("enum", "literal_error"):
        expected = ctx.get("expected", "")
        got = err.get("input")
        return f"ugyldig verdi {got!r}; lovlige verdier er {expected}".replace(" or ", " eller ")
    if typ in _MESSAGES:
        try:
            return _MESSAGES[typ].format(**ctx)
        except (KeyError, IndexError):
            return _MESSAGES[typ]
    return f"ugyldig verdi ({err['msg']})"


def _path(loc: tuple) -> str:
    out = "$"
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith(("function-", "Annotated", "nullable", "union")) or "[" in part:
            continue
        else:
            out += f".{part}"
    return out


def _record(data, loc: tuple) -> str:
    """Name the record a location sits in: the person, the issuer, a fag row by fagkode …"""
    if not loc or not isinstance(data, dict):
        return "elevmappe"
    head = loc[0]
    if head in ("fag", "programomrader", "vitnemalsmerknader", "fravaer") and len(loc) > 1:
        idx = loc[1]
        rows = data.get(head)
        row = rows[idx] if isinstance(rows, list) and isinstance(idx, int) and idx < len(rows) else None
        key = {"fag": "fagkode", "programomrader": "kode", "vitnemalsmerknader": "kode",
               "fravaer": "ar"}[head]
        label = {"fag": "fag", "programomrader": "programområde",
                 "vitnemalsmerknader": "vitnemålsmerknad", "fravaer": "fravær år"}[head]
        if isinstance(row, dict) and row.get(key) is not None:
            return f"{label} {row[key]}"
        return f"{label} nr. {idx + 1}" if isinstance(idx, int) else label
    return {"person": "person", "utsteder": "utsteder"}.get(head, "elevmappe")


def _field(loc: tuple) -> str:
    names = [p for p in loc if isinstance(p, str) and not p.startswith("function-")]
    return names[-1] if names else ""


def parse_text(text: str, name: str) -> tuple[object, list[Problem]]:
    """Parse JSON or YAML text; YAML is a superset, but JSON errors read better for .json."""
    try:
        if name.lower().endswith(".json"):
            return json.loads(text), []
        return yaml.safe_load(text), []
    except json.JSONDecodeError as exc:
        return None, [Problem(name, f"linje {exc.lineno}, kolonne {exc.colno}",
                              f"filen er ikke gyldig JSON: {exc.msg}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"linje {mark.line + 1}, kolonne {mark.column + 1}" if mark else "$"
        return None, [Problem(name, where, f"filen er ikke gyldig YAML: {getattr(exc, 'problem', exc)}")]


def _order(data: dict, loc: tuple) -> tuple:
    """Sort key: the record's top-level field as written, then the row index."""
    keys = list(data)
    head = keys.index(loc[0]) if loc and loc[0] in keys else len(keys)
    row = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else -1
    return head, row


def validate_data(data, name: str, *, testdata: bool = False) -> tuple[Elevmappe | None, list[Problem]]:
    """Validate a parsed record. When it fails, the combination checks are also run over the
    parts that validated (``model.delvis``), so that they are reported in the same run."""
    if not isinstance(data, dict):
        return None, [Problem(name, "$", "filen skal inneholde ett objekt (en elevmappe)")]
    context = {"testdata": testdata}
    try:
        return Elevmappe.model_validate(data, context=context), []
    except ValidationError as exc:
        found = [(tuple(e["loc"]), _translate(e)) for e in exc.errors(include_url=False)]
    found += kryssjekk(data, context)
    seen: set[tuple[str, str]] = set()
    problems = []
    for loc, melding in sorted(found, key=lambda item: _order(data, item[0])):
        key = (_path(loc), melding)
        if key not in seen:
            seen.add(key)
            problems.append(Problem(name, key[0], melding, _record(data, loc), _field(loc)))
    return None, problems


# Operating-system errors in Norwegian (the English strerror never reaches the user).
_OS_MELDINGER = {
    errno.ENOENT: "den finnes ikke",
    errno.EACCES: "ingen tilgang (mangler lesetillatelse)",
    errno.EPERM: "ingen tilgang (operasjonen er ikke tillatt)",
    errno.EISDIR: "det er en mappe, ikke en fil",
    errno.ENOTDIR: "en del av stien er ikke en mappe",
    errno.ENAMETOOLONG: "filnavnet er for langt",
    errno.ELOOP: "for mange symbolske lenker i stien",
    errno.EIO: "lesefeil (inn/ut-feil på lagringsmediet)",
    errno.EMFILE: "for mange åpne filer",
    errno.ENFILE: "for mange åpne filer",
    errno.EBUSY: "den er i bruk",
    errno.ETIMEDOUT: "tidsavbrudd ved lesing",
}


def os_melding(exc: OSError, name: str, hva: str = "filen") -> str:
    """A Norwegian message for an operating-system error on the file (or ``hva="mappen"``)
    ``name``.

    >>> os_melding(FileNotFoundError(2, "No such file or directory"), "a.json")
    'filen a.json kan ikke leses: den finnes ikke'
    """
    reason = _OS_MELDINGER.get(exc.errno)
    if reason is None:
        code = errno.errorcode.get(exc.errno, "") if exc.errno else ""
        reason = "ukjent feil fra operativsystemet" + (f" ({code})" if code else "")
    return f"{hva} {name} kan ikke leses: {reason}"


def load_elevmappe(path: str | Path, *, testdata: bool = False) -> tuple[Elevmappe | None, list[Problem]]:
    p = Path(path)
    name = str(path)
    if p.is_dir():  # a directory ``expand`` could not list
        try:
            os.listdir(p)
        except OSError as exc:
            return None, [Problem(name, "$", os_melding(exc, name, "mappen"))]
    try:
        if p.stat().st_size > MAX_BYTES:
            return None, [Problem(name, "$", "filen er for stor til å være en elevmappe")]
        raw = p.read_bytes()
    except OSError as exc:
        return None, [Problem(name, "$", os_melding(exc, name))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [Problem(name, "$", "filen er ikke UTF-8")]
    data, problems = parse_text(text, name)
    if problems:
        return None, problems
    return validate_data(data, name, testdata=testdata)


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a directory stands for its *.json, *.yaml and *.yml files."""
    out: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            try:
                out.extend(sorted(q for q in p.iterdir() if q.suffix.lower() in (".json", ".yaml", ".yml")))
            except OSError:
                out.append(p)  # reported when read: load_elevmappe names the reason
        else:
            out.append(p)
    return out


def load_elevmapper(paths: Iterable[str | Path], *, testdata: bool = False) -> LoadResult:
    result = LoadResult()
    for p in expand(paths):
        mappe, problems = load_elevmappe(p, testdata=testdata)
        result.problemer.extend(problems)
        if mappe is not None:
            result.mapper.append((str(p), mappe))
    return result
