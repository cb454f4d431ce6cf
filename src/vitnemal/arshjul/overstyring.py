"""Per-year override files: new dates for entries that change in a given school year.

Ref: 000 juli 2023 (the issue: «a per-year override file for dates that change»)

Format (YAML)::

    skolear: 2025-2026
    overstyringer:
      - id: 2023-09-25-ssbresultat-vgo-2   # the entry's stable id from the seed
        dato: 2025-09-24                   # single-date entries
        begrunnelse: Udir har flyttet fristen
      - id: 2024-06-19-fellessensur-vgo
        start: 2026-06-17                  # ranges and week entries
        slutt: 2026-06-19

Every problem in the file (unknown entry, malformed date, date outside the årshjul's span,
wrong field for the entry's kind, duplicate) is reported with file, line and reason, and
nothing is applied unless the whole file is valid.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from vitnemal.arshjul import yamllines
from vitnemal.arshjul.derive import Datoer, span
from vitnemal.arshjul.loader import DATA_DIR, school_year_start
from vitnemal.arshjul.model import Arshjul, Art
from vitnemal.errors import InputError
from vitnemal.meldinger import kort, navn

_KEYS = {"id", "dato", "start", "slutt", "begrunnelse"}


def default_file(skolear: str) -> Path | None:
    """The bundled override file for a school year, if there is one."""
    path = DATA_DIR / f"overstyring_{skolear}.yaml"
    return path if path.exists() else None


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def file_school_year(path: Path) -> str:
    """The ``skolear`` an override file declares (raises ``InputError`` if missing)."""
    raw = yamllines.load(path)
    if not isinstance(raw, dict) or "skolear" not in raw:
        raise InputError(f"{path}:1: mangler «skolear» (f.eks. skolear: 2025-2026)")
    skolear, linje = raw["skolear"], raw.line_of("skolear")
    if not isinstance(skolear, str):
        raise InputError(f"{path}:{linje}: skolear skal være et skoleår som 2025-2026, ikke "
                         f"{kort(skolear)}")
    try:
        school_year_start(skolear)
    except InputError as exc:
        raise InputError(f"{path}:{linje}: {exc}") from None
    return skolear


def load_overstyring(path: Path, arshjul: Arshjul, skolear: str) -> dict[str, Datoer]:
    """Read and validate an override file for ``skolear``; all or nothing.

    Ref: 000 juli 2023
    """
    raw = yamllines.load(path)
    if raw is None:
        return {}
    if not isinstance(raw, yamllines.LinedDict):
        raise InputError(f"{path}:1: filen må være et oppslag med «skolear» og «overstyringer»")
    problems: list[str] = []
    start_year = school_year_start(skolear)
    first, last = span(start_year)
    declared = raw.get("skolear")
    if str(declared) != skolear:
        problems.append(f"{path}:{raw.line_of('skolear')}: skolear {kort(declared)} stemmer "
                        f"ikke med skoleåret som vises ({skolear})")
    for key in raw:
        if key not in ("skolear", "overstyringer"):
            problems.append(f"{path}:{raw.line_of(key)}: ukjent felt «{navn(key)}»")
    items = raw.get("overstyringer") or []
    if not isinstance(items, list):
        problems.append(f"{path}:{raw.line_of('overstyringer')}: «overstyringer» må være en liste")
        items = []
    index = arshjul.by_id()
    result: dict[str, Datoer] = {}
    for item in items:
        if not isinstance(item, yamllines.LinedDict):
            problems.append(f"{path}:{raw.line_of('overstyringer')}: hver overstyring må være "
                            "et oppslag med id og dato")
            continue
        oid = str(item.get("id", ""))
        vist = navn(oid)
        where = f"{path}:{item.line}: {vist or '(uten id)'}"
        for key in item:
            if key not in _KEYS:
                problems.append(f"{path}:{item.line_of(key)}: {vist}: ukjent felt «{navn(key)}»")
        entry = index.get(oid)
        if entry is None:
            problems.append(f"{where}: ukjent oppføring (finnes ikke i årshjulet)")
            continue
        if oid in result:
            problems.append(f"{where}: oppføringen er overstyrt to ganger")
            continue
        if entry.art == Art.GJENTAKENDE:
            problems.append(f"{where}: gjentakende oppføring kan ikke overstyres; "
                            f"overstyr «{entry.etter}» som den følger")
            continue
        wanted = ("dato",) if entry.art == Art.DATO else ("start", "slutt")
        dates: dict[str, date] = {}
        for key in wanted:
            if key not in item:
                problems.append(f"{where}: mangler «{key}» (art {entry.art})")
                continue
            value = _as_date(item[key])
            line = item.line_of(key)
            if value is None:
                problems.append(f"{path}:{line}: {vist}: ugyldig dato {kort(item[key])} "
                                "(bruk ÅÅÅÅ-MM-DD)")
            elif not first <= value <= last:
                problems.append(f"{path}:{line}: {vist}: {value.isoformat()} er utenfor årshjulet "
                                f"for {skolear} ({first.isoformat()}–{last.isoformat()})")
            else:
                dates[key] = value
        for key in {"dato", "start", "slutt"} - set(wanted):
            if key in item:
                problems.append(f"{path}:{item.line_of(key)}: {vist}: «{key}» passer ikke "
                                f"for art {entry.art} (bruk {', '.join(wanted)})")
        if len(dates) != len(wanted):
            continue
        start = dates.get("dato", dates.get("start"))
        slutt = dates.get("dato", dates.get("slutt"))
        if slutt < start:
            problems.append(f"{where}: slutt er før start")
            continue
        result[oid] = Datoer(start=start, slutt=slutt)
    if problems:
        raise InputError("ugyldig overstyringsfil (ingenting er brukt):\n" + "\n".join(problems))
    return result
