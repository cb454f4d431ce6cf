"""Read the kodeverk from YAML files (one file per table, see docs/kodeverk.md).

The bundled files live in ``vitnemal/kodeverk/data``. A Grep export converted to the same
file names and fields can replace them: ``load(Path("my/dir"))``. Every problem in every file
is collected and raised as one ``InputError`` (Norwegian, naming file, entry and field).
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import date
from pathlib import Path
from typing import Any

from vitnemal.errors import InputError
from vitnemal.io.les import Ulesbar, les_tekst
from vitnemal.io.struktur import les_struktur
from vitnemal.kodeverk.types import (
    _PLACEHOLDER,
    MAALFORMER,
    Dokumentrett,
    Entry,
    Fagtype,
    HalvarFag,
    Kodeverk,
    Merknad,
    SpesiellProgramomradekode,
    Utdanningsprogram,
    Vurderingsuttrykk,
)

DATA_DIR = Path(__file__).parent / "data"

#: Kodeverk attribute -> entry class; the file is ``<attribute>.yaml``.
TABLES: dict[str, type[Entry]] = {
    "fagmerknader": Merknad,
    "vitnemalsmerknader": Merknad,
    "vurderingsuttrykk": Vurderingsuttrykk,
    "eksamensformer": Entry,
    "fagtyper": Fagtype,
    "orden_adferd": Entry,
    "dokumentrett": Dokumentrett,
    "utdanningsprogram": Utdanningsprogram,
    "spesielle_programomradekoder": SpesiellProgramomradekode,
    "iop_fagkoder": Entry,
    "halvarsvurdering": HalvarFag,
}

_REQUIRED = ("kode", "tekster", "ref")
_VMM_GRUPPER = ("forstegang", "generell", "kompetansebevis")
_HALVAR_PROGRAM = ("studieforberedende", "yrkesfag", "idrettsfag")
_DOKUMENTRETT_VITNEMAL = ("ja", "nei", "vilkar")


def load(path: str | Path | None = None) -> Kodeverk:
    """The kodeverk from ``path`` (a directory), or the bundled one (cached).

    >>> load().fagmerknader["FAM16"].tekst()
    'Bestått fag <åååå>'
    """
    if path is None:
        return _load_default()
    return _load_dir(Path(path))


@functools.lru_cache(maxsize=1)
def _load_default() -> Kodeverk:
    return _load_dir(DATA_DIR)


def _load_dir(directory: Path) -> Kodeverk:
    if not directory.is_dir():
        raise InputError(f"Kodeverket: finner ikke katalogen {directory}")
    problems: list[str] = []
    tables: dict[str, Any] = {}
    for name, cls in TABLES.items():
        entries = _read_table(directory / f"{name}.yaml", cls, problems)
        if name == "halvarsvurdering":
            tables[name] = tuple(entries)
        else:
            tables[name] = {e.kode: e for e in entries}
    kv = Kodeverk(**tables)
    _cross_check(kv, problems)
    if problems:
        raise InputError(
            f"Kodeverket i {directory} har {len(problems)} feil:\n"
            + "\n".join(f"  - {p}" for p in problems)
        )
    return kv


def _read_table(file: Path, cls: type[Entry], problems: list[str]) -> list[Entry]:
    if not file.exists():  # a FIFO or device is named by the loader below
        problems.append(f"{file.name}: filen mangler")
        return []
    try:  # the bounded loader of every input file (size, depth, aliases, keys, messages)
        raw = les_struktur(les_tekst(file), file.name)
    except Ulesbar as exc:
        problems.append(exc.tekst(file.name))
        return []
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        problems.append(f"{file.name}: filen skal inneholde en liste med oppføringer")
        return []
    entries: list[Entry] = []
    seen: set[str] = set()
    for n, item in enumerate(raw, start=1):
        where = f"{file.name}: oppføring {n}"
        if not isinstance(item, dict):
            problems.append(f"{where}: skal være en oppføring med felter (kode, tekster, ref, …)")
            continue
        kode = item.get("kode")
        if isinstance(kode, str):
            where = f"{file.name}: oppføring {n} ({kode})"
            if kode in seen:
                problems.append(f"{where}, feltet «kode»: koden {kode} finnes flere ganger")
                continue
            seen.add(kode)
        entry = _build(cls, item, where, problems)
        if entry is not None:
            entries.append(entry)
    return entries


def _build(cls: type[Entry], item: dict, where: str, problems: list[str]) -> Entry | None:
    fields = {f.name: f for f in dataclasses.fields(cls)}
    before = len(problems)
    values: dict[str, Any] = {}
    for key in item:
        if key not in fields:
            problems.append(f"{where}, feltet «{key}»: ukjent felt")
    for key in _REQUIRED:
        if item.get(key) in (None, "", {}):
            problems.append(f"{where}, feltet «{key}»: mangler")
    for name, f in fields.items():
        if name not in item or item[name] is None:
            continue
        ok, value, why = _convert(str(f.type), item[name])
        if not ok:
            problems.append(f"{where}, feltet «{name}»: {why}")
        else:
            values[name] = value
    if len(problems) > before:
        return None
    entry = cls(**values)
    _check_entry(entry, where, problems)
    return entry if len(problems) == before else None


def _convert(kind: str, v: Any) -> tuple[bool, Any, str]:
    """Convert a YAML value to the annotated field type ``kind`` (a string annotation)."""
    if kind == "str" or kind == "str | None":
        if isinstance(v, str) and v.strip():
            return True, v.strip(), ""
        return False, None, f"skal være en tekst, ikke {v!r}"
    if kind.startswith("bool"):
        if isinstance(v, bool):
            return True, v, ""
        return False, None, f"skal være true eller false, ikke {v!r}"
    if kind.startswith("int"):
        if isinstance(v, int) and not isinstance(v, bool):
            return True, v, ""
        return False, None, f"skal være et heltall, ikke {v!r}"
    if kind.startswith("date"):
        if isinstance(v, date):
            return True, v, ""
        try:
            return True, date.fromisoformat(str(v)), ""
        except ValueError:
            return False, None, f"skal være en dato (åååå-mm-dd), ikke {v!r}"
    if kind.startswith("tuple"):
        if isinstance(v, list) and all(isinstance(x, str) and x for x in v):
            return True, tuple(v), ""
        return False, None, "skal være en liste med tekster"
    if kind.startswith("dict"):
        if not isinstance(v, dict) or not all(
            isinstance(k, str) and isinstance(t, str) and t.strip() for k, t in v.items()
        ):
            return False, None, "skal være tekster per målform, f.eks. {nb: …, nn: …, en: …}"
        unknown = sorted(set(v) - set(MAALFORMER))
        if unknown:
            return False, None, f"ukjent målform {', '.join(unknown)} (lovlige: nb, nn, en)"
        if "nb" not in v:
            return False, None, "mangler bokmålstekst (nb)"
        return True, {k: t.strip() for k, t in v.items()}, ""
    raise AssertionError(f"unsupported field type {kind}")  # pragma: no cover


def _check_entry(e: Entry, where: str, problems: list[str]) -> None:
    """Checks of one entry's fields against each other."""
    if e.gyldig_fra and e.gyldig_til and e.gyldig_til < e.gyldig_fra:
        problems.append(f"{where}, feltet «gyldig_til»: er før gyldig_fra")
    if isinstance(e, Merknad):
        found = tuple(p[1:-1] for p in _PLACEHOLDER.findall(e.tekster["nb"]))
        if e.parametre != found:
            problems.append(
                f"{where}, feltet «parametre»: {list(e.parametre)} stemmer ikke med "
                f"plassholderne i teksten {list(found)}"
            )
        for mf, text in e.tekster.items():
            if mf != "nb" and tuple(p[1:-1] for p in _PLACEHOLDER.findall(text)) != found:
                problems.append(
                    f"{where}, feltet «tekster»: {mf}-teksten har ikke de samme plassholderne "
                    f"som nb-teksten {list(found)}"
                )
        if e.gruppe is not None and e.gruppe not in _VMM_GRUPPER:
            problems.append(f"{where}, feltet «gruppe»: ukjent gruppe {e.gruppe!r}")
        if e.utgatt and e.gyldig_til is None:
            problems.append(f"{where}, feltet «gyldig_til»: mangler for utgått merknad")
    if isinstance(e, Dokumentrett) and e.vitnemal not in _DOKUMENTRETT_VITNEMAL:
        problems.append(f"{where}, feltet «vitnemal»: skal være ja, nei eller vilkar")
    if isinstance(e, HalvarFag):
        if e.program not in _HALVAR_PROGRAM:
            problems.append(f"{where}, feltet «program»: ukjent program {e.program!r}")
        if e.niva not in ("vg1", "vg2", "vg3", "vg4", "vg5"):
            problems.append(f"{where}, feltet «niva»: ukjent nivå {e.niva!r}")
        if not e.fagkoder:
            problems.append(f"{where}, feltet «fagkoder»: mangler")


def _cross_check(kv: Kodeverk, problems: list[str]) -> None:
    """References between entries: ``erstattet_av`` must name a known remark."""
    for table in ("fagmerknader", "vitnemalsmerknader"):
        for m in getattr(kv, table).values():
            if m.erstattet_av and kv.merknad(m.erstattet_av) is None:
                problems.append(
                    f"{table}.yaml: oppføring {m.kode}, feltet «erstattet_av»: "
                    f"ukjent kode {m.erstattet_av}"
                )
