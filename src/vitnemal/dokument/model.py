"""The printed document: exactly what stands on a vitnemål or kompetansebevis.

Produced by ``vitnemal.dokument.compose`` from an elevmappe (001 chapter 2), consumed by
renderers (``vitnemal.pdf``, ``vitnemal vis``). Every text here is final, in the document's
målform: the renderer only places it. Cells hold what is printed; ``STIPLET`` stands for the
dashed line the guideline prescribes in unused cells (001 §2.6, §2.7).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from vitnemal.dokument.koder import Koder
from vitnemal.errors import InputError

DOKUMENT_FORMAT = "1"
"""The version of the serialised form (``Dokument.as_dict``, key «versjon»)."""

STIPLET = "- - - -"
"""A «stiplet linje» in an unused cell (001 §2.6)."""

INGEN_OMFANG = "--"
"""«to tankestreker» for fagkoder without omfang (001 §2.6)."""


class Dokumenttype(StrEnum):
    VITNEMAL = "V"
    KOMPETANSEBEVIS = "K"


@dataclass(frozen=True, slots=True)
class ProgramLinje:
    """One programme area line (001 §2.3), printed right-to-left aligned in columns."""

    niva: str  # vg1 … vg5 (for ordering; not printed)
    kode: str
    navn: str
    utdanningsprogram: str  # "" where the guideline says none is printed
    pastand: str = ""  # kompetansebevis: «fullført»/«bestått» (or translation), else ""


@dataclass(frozen=True, slots=True)
class FagRad:
    """One fag row, each cell as printed (001 §2.6)."""

    omfang: str  # "140" or INGEN_OMFANG
    fagkode: str
    fagnavn: str
    standpunkt: str  # "5 fem", "Fritatt", "IV", STIPLET …
    eksamen: str
    eksamensform: str  # "S", "MP" … or STIPLET
    ar: str  # "V25" / "H24"
    merknad: str  # the remark's text with parameters filled in, or ""


@dataclass(frozen=True, slots=True)
class FagGruppe:
    """Fag of one fagtype, in §2.5 order, rows sorted by fagkode."""

    fagtype: str  # FF, FP, VP, UP, PF, YF, IO
    overskrift: str  # «Fellesfag» … in the målform
    rader: tuple[FagRad, ...]


@dataclass(frozen=True, slots=True)
class FravaerLinje:
    etikett: str  # «1. år» …
    dager: str  # "0" is printed as 0; STIPLET where unused
    timer: str


@dataclass(frozen=True, slots=True)
class Dokument:
    type: Dokumenttype
    maalform: str
    tittel: str  # «VITNEMÅL» / «KOMPETANSEBEVIS» (in målform)
    navn: str
    fodselsnummer: str  # 11 digits, no spaces
    innledning: str  # «har i 2025 bestått» / «har gjennomført opplæring som omfatter»
    innledning_program: str  # «i utdanningsprogram for» (vitnemål) or ""
    programomrader: tuple[ProgramLinje, ...]  # vg1–vg4 order, at most four
    sluttkompetanse: tuple[str, ...]  # vitnemål: «og har oppnådd generell studiekompetanse» …
    grupper: tuple[FagGruppe, ...]
    sum_omfang: str
    orden: str  # «God» … or "" when not printed for this person
    adferd: str
    fravaer: tuple[FravaerLinje, ...]  # empty when no fravær is printed (§2.7)
    merknader: tuple[str, ...]  # vitnemålsmerknader, texts with parameters filled in
    sted: str
    dato: str  # dd.mm.åååå
    skole: str
    underskrivere: tuple[str, str]
    dokumentnummer: str  # V/K + orgnr + åååå + 5-digit serial, no spaces (§2.8)
    vedlegg: tuple[str, ...] = ()  # paragraphs of an attachment (001 §2.10), own pages
    ledetekster: dict[str, str] = field(default_factory=dict)  # see dokument.tekster
    forstegangsvitnemal: bool = False
    duplikat: bool = False
    utkast: bool = False
    fortrykt: bool = False  # printed on Udir's pre-printed blankett: leave out its own print
    koder: Koder | None = None  # the same content as codes (NVB); see dokument.koder

    @property
    def antall_fag(self) -> int:
        return sum(len(g.rader) for g in self.grupper)

    def as_dict(self) -> dict[str, Any]:
        """The document as JSON-compatible data, with the format version (``versjon``): a
        complete record of what was printed, from which it can be rendered again."""
        return {"versjon": DOKUMENT_FORMAT, **_adapter().dump_python(self, mode="json")}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Dokument:
        """The document ``as_dict`` wrote (equal to the original). Raises ``InputError`` for
        another format version or data that is not a document."""
        if not isinstance(data, dict) or data.get("versjon") != DOKUMENT_FORMAT:
            versjon = data.get("versjon") if isinstance(data, dict) else None
            raise InputError(f"ukjent dokumentformat {versjon!r} (forventet {DOKUMENT_FORMAT})")
        try:
            return _adapter().validate_python({k: v for k, v in data.items() if k != "versjon"})
        except ValidationError as exc:
            feil = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise InputError(f"dokumentet kan ikke leses: {feil}") from None

    @classmethod
    def from_json(cls, tekst: str | bytes) -> Dokument:
        """``from_dict(json.loads(tekst))`` in one pass of pydantic's JSON parser (about a
        third faster: the NVB export reads every stored document)."""
        try:
            data = _adapter().validate_json(tekst)
        except ValidationError as exc:
            import json

            try:
                return cls.from_dict(json.loads(tekst))
            except ValueError:
                raise InputError(f"dokumentet kan ikke leses: {exc.errors()[0]['msg']}") from None
        if not _VERSJON.search(tekst if isinstance(tekst, str) else tekst.decode("utf-8")):
            import json

            return cls.from_dict(json.loads(tekst))  # raises for another format version
        return data


#: The top-level «versjon» key (a quote inside a JSON string is escaped, so this cannot
#: match user text); any key order, as PostgreSQL's jsonb reorders keys.
_VERSJON = re.compile(r'"versjon"\s*:\s*"' + DOKUMENT_FORMAT + '"')


@cache
def _adapter() -> TypeAdapter:
    """pydantic's (de)serialiser for ``Dokument``, built once."""
    return TypeAdapter(Dokument)
