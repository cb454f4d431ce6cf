"""Load elevmappe files and turn every problem into a Norwegian message.

A problem names the file, the JSON path (``$.fag[3].standpunkt``), the record it sits in
(the person, or a fag row by its fagkode) and the field. Nothing raises for bad input:
callers get the list of problems and decide. A file that cannot be read or parsed at all
(``Problem.lesbar`` False: missing, not a regular file, over ``MAKS_BYTE``, not UTF-8, bad
syntax, nested too deep …) is told apart from one that is read but is no valid elevmappe.
Values from the input are shown through ``meldinger.kort``, never whole.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from vitnemal.io.les import MAKS_BYTE, Ulesbar, les_tekst, os_melding
from vitnemal.io.struktur import les_struktur
from vitnemal.meldinger import begrens, kort, navn
from vitnemal.model import Elevmappe
from vitnemal.model.delvis import kryssjekk

__all__ = ["MAKS_BYTE", "LoadResult", "Problem", "expand", "load_elevmappe", "load_elevmapper",
           "os_melding", "validate_data"]

_FILTYPER = (".json", ".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Problem:
    fil: str
    sti: str
    melding: str
    post: str = ""  # the record: «person», «fag NOR1260» …
    felt: str = ""
    lesbar: bool = True  # False: the file could not be read or parsed at all

    def __str__(self) -> str:
        where = self.sti + (f" ({self.post})" if self.post else "")
        return f"{self.fil}: {where}: {self.melding}"

    def as_dict(self) -> dict:
        return {"fil": self.fil, "sti": self.sti, "post": self.post, "felt": self.felt,
                "melding": self.melding, "lesbar": self.lesbar}


@dataclass
class LoadResult:
    mapper: list[tuple[str, Elevmappe]] = field(default_factory=list)
    problemer: list[Problem] = field(default_factory=list)
    filer: list[str] = field(default_factory=list)  # every file read, in order

    @property
    def ok(self) -> bool:
        return not self.problemer

    @property
    def ulesbare(self) -> set[str]:
        """Files that could not be read or parsed at all."""
        return {p.fil for p in self.problemer if not p.lesbar}


_MESSAGES = {
    "missing": "feltet mangler",
    "string_type": "skal være tekst",
    "int_type": "skal være et heltall",
    "int_parsing": "skal være et heltall",
    "int_from_float": "skal være et heltall",
    "int_parsing_size": "tallet er for stort",
    "finite_number": "skal være et tall",
    "float_type": "skal være et tall",
    "float_parsing": "skal være et tall",
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
    "string_unicode": "skal være tekst (UTF-8)",
    "greater_than_equal": "er for lav (minst {ge})",
    "less_than_equal": "er for høy (høyst {le})",
    "none_required": "skal ikke fylles ut",
}
# Types whose message also shows what was given (never for text fields: that may be a
# fødselsnummer).
_VIS_VERDI = {"int_type", "int_parsing", "int_from_float", "finite_number", "float_type",
              "float_parsing", "bool_type", "bool_parsing", "date_type", "date_parsing",
              "date_from_datetime_parsing", "list_type", "dict_type", "model_type",
              "model_attributes_type", "dataclass_type", "dataclass_args_type"}

_YAML_SANNHET = ("; uten anførselstegn leser YAML yes, no, on, off, true og false som "
                 "sannhetsverdier")


def _hva(verdi: object) -> str:
    """What a value is, in words (no value shown)."""
    if isinstance(verdi, bool):
        return "en sannhetsverdi (true/false)"
    if isinstance(verdi, (int, float)):
        return "et tall"
    if isinstance(verdi, list):
        return "en liste"
    if isinstance(verdi, dict):
        return "et objekt"
    if verdi is None:
        return "tom (null)"
    return "en dato" if hasattr(verdi, "isoformat") else "en annen type"


def _translate(err: dict, yaml_fil: bool = False) -> str:
    typ = err["type"]
    ctx = err.get("ctx") or {}
    got = err.get("input")
    loc = err.get("loc") or ()
    if typ == "vitnemal":
        return begrens(err["msg"])
    if typ in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace(" or ", " eller ")
        hint = _YAML_SANNHET if yaml_fil and isinstance(got, bool) else ""
        return f"ugyldig verdi {kort(got)}; lovlige verdier er {begrens(expected)}{hint}"
    if typ in ("extra_forbidden", "unexpected_keyword_argument"):
        return f"ukjent felt «{navn(loc[-1])}»" if loc else "ukjent felt"
    if typ == "string_type":
        if loc and loc[-1] == "fodselsnummer" and isinstance(got, (int, float)) and yaml_fil:
            return ("skal være tekst: skriv fødselsnummeret i anførselstegn (fodselsnummer: "
                    "\"…\"); uten anførselstegn leser YAML det som et tall, og en ledende 0 "
                    "går tapt eller endrer tallet")
        if got is None:
            return "skal være tekst, ikke tom (null)"
        if yaml_fil and isinstance(got, (int, float, bool)) or hasattr(got, "isoformat"):
            return (f"skal være tekst, men YAML leste verdien som {_hva(got)}; sett den i "
                    "anførselstegn")
        return f"skal være tekst, ikke {_hva(got)}"
    if typ in _MESSAGES:
        try:
            melding = _MESSAGES[typ].format(**ctx)
        except (KeyError, IndexError, ValueError):
            melding = _MESSAGES[typ]
        if typ in _VIS_VERDI and "input" in err:
            melding += f", ikke {kort(got)}"
            if yaml_fil and isinstance(got, bool):
                melding += _YAML_SANNHET
        return melding
    return "ugyldig verdi" + (f" {kort(got)}" if "input" in err else "")


def _path(loc: tuple) -> str:
    out = "$"
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith(("function-", "Annotated", "nullable", "union")) or "[" in part:
            continue
        else:
            out += f".{navn(part)}"
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
            return f"{label} {navn(row[key], 20)}"
        return f"{label} nr. {idx + 1}" if isinstance(idx, int) else label
    return {"person": "person", "utsteder": "utsteder"}.get(head, "elevmappe")


def _field(loc: tuple) -> str:
    names = [p for p in loc if isinstance(p, str) and not p.startswith("function-")]
    return navn(names[-1]) if names else ""


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
    yaml_fil = not name.lower().endswith(".json")
    try:
        return Elevmappe.model_validate(data, context=context), []
    except ValidationError as exc:
        found = [(tuple(e["loc"]), _translate(e, yaml_fil)) for e in exc.errors(include_url=False)]
    found += kryssjekk(data, context)
    seen: set[tuple[str, str]] = set()
    problems = []
    for loc, melding in sorted(found, key=lambda item: _order(data, item[0])):
        key = (_path(loc), begrens(melding))
        if key not in seen:
            seen.add(key)
            problems.append(Problem(name, key[0], melding, _record(data, loc), _field(loc)))
    return None, problems


def load_elevmappe(path: str | Path, *, testdata: bool = False) -> tuple[Elevmappe | None, list[Problem]]:
    name = str(path)
    if os.path.isdir(path):  # a directory ``expand`` could not list
        try:
            os.listdir(path)
        except OSError as exc:
            return None, [Problem(name, "$", os_melding(exc, name, "mappen"), lesbar=False)]
    try:
        data = les_struktur(les_tekst(path), name)
    except Ulesbar as exc:
        return None, [Problem(name, exc.sted, exc.melding, lesbar=False)]
    return validate_data(data, name, testdata=testdata)


def _vanlig_fil(p: Path) -> bool:
    """A regular file (symbolic links followed); a FIFO or device in a folder is not read."""
    try:
        return stat.S_ISREG(p.stat().st_mode)
    except OSError:
        return True  # reported when read: ``load_elevmappe`` names the reason


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a directory stands for its regular *.json, *.yaml and *.yml files
    (a FIFO or device there is left out: it could block or never end)."""
    out: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            try:
                names = sorted(os.listdir(p))
            except OSError:
                out.append(p)  # reported when read: load_elevmappe names the reason
                continue
            out.extend(q for q in (p / n for n in names)
                       if q.suffix.lower() in _FILTYPER and _vanlig_fil(q))
        else:
            out.append(p)
    return out


def load_elevmapper(paths: Iterable[str | Path], *, testdata: bool = False) -> LoadResult:
    result = LoadResult()
    for p in expand(paths):
        result.filer.append(str(p))
        mappe, problems = load_elevmappe(p, testdata=testdata)
        result.problemer.extend(problems)
        if mappe is not None:
            result.mapper.append((str(p), mappe))
    return result
