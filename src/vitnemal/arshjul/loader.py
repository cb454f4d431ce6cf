"""Load and validate the årshjul data file.

Ref: 000 juli 2023 (seed 000 transcribed to data/arshjul_2023-2024.yaml)

Every problem is collected and reported together, each naming file, line, entry id and
field with a Norwegian reason; nothing is returned unless the whole file is valid.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from vitnemal.arshjul import yamllines
from vitnemal.arshjul.klarsjekk import KLARSJEKKER
from vitnemal.arshjul.model import MAANEDSNAVN, RAPPORTKODE, Arshjul, Art, Oppforing
from vitnemal.errors import InputError
from vitnemal.meldinger import kort

DATA_DIR = Path(__file__).parent / "data"
SEED_FILE = DATA_DIR / "arshjul_2023-2024.yaml"

_REF_DATE = re.compile(r"^(\d{1,2})\.\s*([a-zæøå]+)$")


def _problem(path: Path, line: int, oid: str | None, field: str | None, reason: str) -> str:
    where = f"{path}:{line}"
    who = f" oppføring {oid}" if oid else ""
    what = f", felt {field}" if field else ""
    return f"{where}:{who}{what}: {reason}"


def _pydantic_reason(err: dict) -> str:
    kind = err.get("type", "")
    if kind == "missing":
        return "mangler"
    if kind == "extra_forbidden":
        return "ukjent felt"
    if kind.startswith("date"):
        return f"ugyldig dato «{err.get('input')}» (bruk ÅÅÅÅ-MM-DD)"
    if kind == "enum":
        return f"ukjent verdi «{err.get('input')}» (lovlige: {err['ctx'].get('expected')})"
    if kind == "string_pattern_mismatch":
        return f"ugyldig format «{err.get('input')}»"
    return str(err.get("msg", "ugyldig verdi")).removeprefix("Value error, ")


def _ref_text_date(text: str) -> tuple[int, int] | None:
    m = _REF_DATE.match(text.strip().rstrip("."))
    if not m or m.group(2) not in MAANEDSNAVN:
        return None
    return int(m.group(1)), MAANEDSNAVN.index(m.group(2)) + 1


def _cross_checks(path: Path, raw_lines: dict[str, object], arshjul: Arshjul) -> list[str]:
    problems: list[str] = []
    index = arshjul.by_id()

    def line(oid: str, field: str | None = None) -> int:
        entry = raw_lines.get(oid)
        return entry.line_of(field) if entry is not None and field else getattr(entry, "line", 1)

    for o in arshjul.oppforinger:
        for ref in o.referanser:
            target = index.get(ref.id)
            if target is None:
                problems.append(_problem(path, line(o.id, "referanser"), o.id, "referanser",
                                         f"peker på ukjent oppføring «{ref.id}»"))
                continue
            written = _ref_text_date(ref.tekst)
            actual = target.seed_date
            if written is None:
                problems.append(_problem(path, line(o.id, "referanser"), o.id, "referanser",
                                         f"kan ikke lese datoen «{ref.tekst}»"))
            elif actual and written != (actual.day, actual.month) and not ref.avvik:
                problems.append(_problem(
                    path, line(o.id, "referanser"), o.id, "referanser",
                    f"«{ref.tekst}» stemmer ikke med {ref.id} ({actual.isoformat()}); "
                    "forklar i avvik eller rett referansen"))
        if o.folger and o.folger not in {r.id for r in o.referanser}:
            problems.append(_problem(path, line(o.id, "folger"), o.id, "folger",
                                     "følger en oppføring den ikke refererer til («Se …»)"))
        if o.etter and o.etter not in index:
            problems.append(_problem(path, line(o.id, "etter"), o.id, "etter",
                                     f"ukjent oppføring «{o.etter}»"))
        if o.notat and o.notat not in arshjul.notater:
            problems.append(_problem(path, line(o.id, "notat"), o.id, "notat",
                                     f"ukjent notat «{o.notat}»"))
        if o.klarsjekk and o.klarsjekk not in KLARSJEKKER:
            problems.append(_problem(path, line(o.id, "klarsjekk"), o.id, "klarsjekk",
                                     f"ukjent klarsjekk «{o.klarsjekk}»"))
        text = " ".join(filter(None, (o.hva, o.kommentar, o.regel)))
        if set(RAPPORTKODE.findall(text)) != set(o.rapportkoder):
            problems.append(_problem(path, line(o.id, "rapportkoder"), o.id, "rapportkoder",
                                     "stemmer ikke med kodene i teksten "
                                     f"({', '.join(sorted(set(RAPPORTKODE.findall(text))))})"))
        if o.art in (Art.DATO, Art.PERIODE) and o.maaned != o.seed_date.strftime("%Y-%m"):
            problems.append(_problem(path, line(o.id, "maaned"), o.id, "maaned",
                                     "stemmer ikke med datoen"))
    # ties must not form a cycle
    for o in arshjul.oppforinger:
        seen, current = {o.id}, o.folger
        while current:
            if current in seen:
                problems.append(_problem(path, line(o.id, "folger"), o.id, "folger",
                                         "sirkulær kobling"))
                break
            seen.add(current)
            current = index[current].folger if current in index else None
    return problems


def load_arshjul(path: Path = SEED_FILE) -> Arshjul:
    """Load and validate an årshjul data file; raise ``InputError`` listing every problem.

    Ref: 000 juli 2023
    """
    raw = yamllines.load(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("oppforinger"), list):
        raise InputError(f"{path}:1: mangler listen «oppforinger»")
    problems: list[str] = []
    entries: list[Oppforing] = []
    raw_lines: dict[str, object] = {}
    for item in raw["oppforinger"]:
        if not isinstance(item, yamllines.LinedDict):
            problems.append(_problem(path, 1, None, None, "en oppføring må være et oppslag"))
            continue
        oid = str(item.get("id") or "?")
        if oid in raw_lines:
            problems.append(_problem(path, item.line, oid, "id", "id er brukt før"))
        raw_lines[oid] = item
        try:
            entries.append(Oppforing.model_validate(dict(item)))
        except ValidationError as exc:
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else None
                problems.append(_problem(path, item.line_of(field) if field else item.line,
                                         oid, field, _pydantic_reason(err)))
    if problems:
        raise InputError("ugyldig årshjul:\n" + "\n".join(problems))
    try:
        arshjul = Arshjul(skolear=str(raw.get("skolear")), kilde=str(raw.get("kilde")),
                          notater=dict(raw.get("notater") or {}), oppforinger=tuple(entries))
    except ValidationError as exc:
        raise InputError(f"{path}:1: ugyldig hode ({exc.errors()[0]['msg']})") from None
    problems = _cross_checks(path, raw_lines, arshjul)
    if problems:
        raise InputError("ugyldig årshjul:\n" + "\n".join(problems))
    return arshjul


@cache
def seed_arshjul() -> Arshjul:
    """The bundled årshjul of seed 000 (cached)."""
    return load_arshjul(SEED_FILE)


def school_year_start(skolear: str) -> int:
    """``"2025-2026"`` → 2025; raise ``InputError`` for anything else."""
    m = re.fullmatch(r"(\d{4})-(\d{4})", skolear.strip())
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        raise InputError(f"ugyldig skoleår {kort(skolear)} (bruk ÅÅÅÅ-ÅÅÅÅ, f.eks. 2025-2026)")
    return int(m.group(1))


def school_year_of(day: date) -> str:
    """The school year (1 August – 31 July) that ``day`` falls in."""
    y = day.year if day.month >= 8 else day.year - 1
    return f"{y}-{y + 1}"
