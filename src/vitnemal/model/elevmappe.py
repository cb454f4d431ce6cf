"""The elevmappe record: one person's results, as the input for documentation.

The typed models here define the format (JSON or YAML). Field-level checks (formats,
identifiers, known codes) and combinations that cannot occur are validated here, so that
``vitnemal valider`` reports every problem of a file at once. Whether a valid record follows
Udir's guideline is the business of ``vitnemal.sjekk``, not of this module.

Validation context (``model_validate(data, context={...})``):
``testdata`` (bool) accepts synthetic test fødselsnummer (Tenor/NAV); see ``ids.fodselsnummer``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from sys import intern
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.dataclasses import dataclass as pydantic_dataclass
from pydantic.fields import FieldInfo
from pydantic_core import InitErrorDetails, PydanticCustomError

from vitnemal.model import kombinasjoner, tegn
from vitnemal.model.enums import (
    Eksamensform,
    Fagtype,
    Karakter,
    Maalform,
    Niva,
    OrdenAdferd,
    Status,
    Vurdering,
)

FORMAT_VERSJON = "1"

_TERMIN = re.compile(r"^\s*([VvHh])\s*(\d{2}|\d{4})\s*$")
_FAGKODE = re.compile(r"^[A-ZÆØÅ]{3}[A-ZÆØÅ0-9]\d{3}$")
_MERKNADKODE = re.compile(r"^(FAM|VMM)\d{2}$")
_SKOLEAR = re.compile(r"^(\d{4})-(\d{4})$")


# Validation context key set by ``model.delvis`` while it validates one field at a time: the
# model validators (combinations of fields) then stand aside; ``delvis`` runs the same checks
# from ``model.kombinasjoner`` on the fields that validated.
ENKELTFELT = "vitnemal_enkeltfelt"


def _problem(melding: str, **ctx) -> PydanticCustomError:
    return PydanticCustomError("vitnemal", melding, ctx or None)


def _enkeltfelt(info: ValidationInfo) -> bool:
    return bool((info.context or {}).get(ENKELTFELT))


def _raise(title: str, funn: list[kombinasjoner.Funn]) -> None:
    """Raise the problems found, each at its own location (one error per problem)."""
    if funn:
        raise ValidationError.from_exception_data(title, [
            InitErrorDetails(type=_problem(melding), loc=loc, input=None) for loc, melding in funn
        ])


def modellfelter(cls: type) -> dict[str, FieldInfo]:
    """The fields of a model class or of a row class (``Fag``, ``Programomrade``: pydantic
    dataclasses), in order."""
    return cls.__pydantic_fields__


def _felter(model) -> dict:
    return {name: getattr(model, name) for name in modellfelter(type(model))}


def uten_kontroll(cls: type, **felt):
    """An instance of a model class or row class built without validation, the defaults filling
    the fields left out (tests that need a value the loader would refuse; ``model.delvis``)."""
    if issubclass(cls, BaseModel):
        return cls.model_construct(**felt)
    obj = object.__new__(cls)
    for name, info in modellfelter(cls).items():
        verdi = felt.pop(name) if name in felt else (
            None if info.is_required() else info.get_default(call_default_factory=True))
        object.__setattr__(obj, name, verdi)
    if felt:
        raise TypeError(f"{cls.__name__} har ikke feltene {sorted(felt)}")
    return obj


def endret_uten_kontroll(obj, **endringer):
    """A copy of a model instance or row with some fields replaced, without validation."""
    if isinstance(obj, BaseModel):
        return obj.model_copy(update=endringer)
    return uten_kontroll(type(obj), **{**_felter(obj), **endringer})


def _grade_in(v):
    """Grades may be written as numbers in JSON/YAML (5) or as text ("5", "iv")."""
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return v.strip().upper()
    return v


def _upper(v):
    return v.strip().upper() if isinstance(v, str) else v


def _ikke_sannhetsverdi(v):
    """A count is a number: pydantic would read true/false as 1/0 (issue 12)."""
    if isinstance(v, bool):
        raise _problem(f"skal være et heltall, ikke {'true' if v else 'false'}")
    return v


Heltall = Annotated[int, BeforeValidator(_ikke_sannhetsverdi)]
HeltallEllerIngen = Annotated[int | None, BeforeValidator(_ikke_sannhetsverdi)]


def _lower(v):
    return v.strip().lower() if isinstance(v, str) else v


def _tekst(felt: str) -> AfterValidator:
    """Ref: 001 §2.1 — a printed text: NFC-normalised, then every character checked against
    the one repertoire (``model.tegn``); ``felt`` names the field in the message."""

    def kontroller(v: str) -> str:
        # Speed: printable ASCII is all in the repertoire; checked in 0.4 µs instead of 0.9 µs
        # (timeit, one fag name), and most texts of a record are ASCII.
        if v.isascii() and v.isprintable():
            return v
        v = tegn.normaliser(v)
        melding = tegn.problem(v, felt)
        if melding:
            raise _problem(melding)
        return v

    return AfterValidator(kontroller)


GradeField = Annotated[
    Karakter | None,
    BeforeValidator(_grade_in),
    WithJsonSchema(
        {
            "anyOf": [
                {"enum": [k.value for k in Karakter]},
                {"type": "integer", "minimum": 1, "maximum": 6},
                {"type": "null"},
            ]
        }
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class MerknadRef(Strict):
    """A remark as registered: its code and the values of its placeholders, in order."""

    kode: Annotated[str, BeforeValidator(_upper)] = Field(
        description="FAMnn or VMMnn (001 §3)", examples=["FAM13", "VMM31"]
    )
    parametre: list[Annotated[str, _tekst("verdien i merknaden")]] = Field(
        default_factory=list,
        description="Values for the remark text's placeholders, in order "
        "(e.g. a year, a fagkode, a date dd.mm.åååå, a dispensation text).",
    )

    @field_validator("kode")
    @classmethod
    def _kode(cls, v: str) -> str:
        if not _MERKNADKODE.match(v):
            raise _problem("merknadskode må være FAM eller VMM og to sifre, f.eks. FAM01")
        return v


class Person(Strict):
    navn: Annotated[str, _tekst("navnet")] = Field(
        min_length=1, description="Name as printed (001 §2.2)")
    fodselsnummer: str = Field(description="11 digits (003 A01); spaces are tolerated")
    status: Annotated[Status, BeforeValidator(_lower)] = Field(
        default=Status.ELEV, description="Status in upper secondary education (001 §1.9)"
    )
    iop: bool = Field(
        default=False,
        description="Enkeltvedtak om individuelt tilrettelagt opplæring og individuell "
        "opplæringsplan (001 §11, 004 sheet 5)",
    )

    @field_validator("fodselsnummer")
    @classmethod
    def _fnr(cls, v: str, info: ValidationInfo) -> str:
        from vitnemal.ids import fodselsnummer

        testdata = bool((info.context or {}).get("testdata"))
        try:
            return fodselsnummer.validate(v, testdata=testdata)
        except fodselsnummer.InvalidFodselsnummer as exc:
            raise _problem(f"ugyldig fødselsnummer: {exc}") from None


class Utsteder(Strict):
    skolenavn: Annotated[str, _tekst("skolenavnet")] = Field(
        min_length=1, description="School or county as printed (001 §2.8)")
    utenlandsk: bool = Field(
        default=False,
        description="An approved Norwegian school abroad without a Norwegian organisation "
        "number: orgnr is then its foreign number (001 §2.8)",
    )
    orgnr: str = Field(
        description="Organisasjonsnummer, 9 digits; with utenlandsk, the school's foreign "
        "number: 2–20 letters A–Z and digits, at least one digit (001 §2.8)"
    )
    skolenummer: str | None = Field(
        default=None, description="VIGO school number, 5 digits (NVB A2)", pattern=r"^\d{5}$"
    )
    sted: Annotated[str, _tekst("stedet")] = Field(
        min_length=1, description="Place of «sted og dato» (001 §2.8)")
    fylke: Annotated[str, _tekst("fylket")] | None = Field(default=None, description="County name")
    underskrivere: list[Annotated[str, _tekst("underskriveren")]] = Field(
        description="Two signatories; one must be the rektor or one authorised by the rektor "
        "(001 §2.8)"
    )
    utstedt: date | None = Field(default=None, description="Issue date (001 §2.8)")
    lopenummer: HeltallEllerIngen = Field(
        default=None, ge=1, le=99999, description="Serial of the document number (001 §2.8)"
    )

    @field_validator("orgnr")
    @classmethod
    def _orgnr(cls, v: str, info: ValidationInfo) -> str:
        from vitnemal.ids import orgnr, utenlandsk
        from vitnemal.ids.exceptions import ValidationError as UgyldigNummer

        foreign = info.data.get("utenlandsk", False)  # validated before orgnr (field order)
        try:
            return (utenlandsk if foreign else orgnr).validate(v)
        except UgyldigNummer as exc:
            raise _problem(f"ugyldig {'utenlandsk nummer' if foreign else 'organisasjonsnummer'}"
                           f": {exc}") from None

    @field_validator("underskrivere")
    @classmethod
    def _to(cls, v: list[str]) -> list[str]:
        if len(v) != 2 or not all(s.strip() for s in v):
            raise _problem("det skal være nøyaktig to underskrivere (001 §2.8)")
        return v


# The rows of a record, fag and programme area lines, are validated like the models (the same
# config) but are slotted dataclasses: a row is a small object with its fields inline (a fag
# row about 180 bytes, against 1,300 for a model with its ``__dict__`` and fields-set), and
# reading a field is a slot read. The fullførtkode engine reads about ten fields of every row
# (docs/decisions.md, issue 3). ``modellfelter`` lists the fields of either kind;
# ``uten_kontroll`` builds one without validation.
_rad = pydantic_dataclass(frozen=True, slots=True, kw_only=True,
                          config=ConfigDict(extra="forbid", str_strip_whitespace=True))


@_rad
class Programomrade:
    """One programme area line (one per year, 001 §2.3) with the facts 004 needs."""

    kode: Annotated[str, BeforeValidator(_upper)] = Field(
        description="Programområdekode: 5 letters, 1 digit, 4 dashes, or a named exception "
        "(001 §2.3, §4.3, §7.7, §13.2; 004 komprimerte løp)"
    )
    navn: Annotated[str, _tekst("navnet på programområdet")] = Field(min_length=1)
    utdanningsprogram: Annotated[str, _tekst("utdanningsprogrammet")] | None = Field(
        default=None,
        description="Name of the utdanningsprogram; none for påbygging and fag for "
        "studiekompetanse (001 §2.3)",
    )
    niva: Annotated[Niva, BeforeValidator(_lower)] = Field(
        description="Level of the programme area: vg1 … vg5")
    skolear: str = Field(description="School year, e.g. 2025-2026")
    deltid: bool = Field(
        default=False, description="Part-time or only some fag of the programme area (004 H)"
    )
    over_to_ar: Annotated[Literal[1, 2] | None, BeforeValidator(_ikke_sannhetsverdi)] = Field(
        default=None, description="Programme area taken over two years: year 1 or 2 (004 H)"
    )
    unormalt_skolear: Literal["underveis", "avsluttet"] | None = Field(
        default=None,
        description="Unusual school year (e.g. January–December): «underveis» at normal "
        "school end, «avsluttet» when the whole programme area is finished (004 H)",
    )
    sluttet: bool = Field(
        default=False, description="Interrupted the whole programme area during the year (004 S)"
    )
    hele_programomradet: bool | None = Field(
        default=None,
        description="Registered information that the whole programme area is completed; "
        "needed for adults and privatister to get B/I/M (004 H)",
    )
    fremmedsprak_som_privatist: bool = Field(
        default=False,
        description="The pupil is to take the foreign language as privatist (004 NB, 001 §1.3)",
    )
    laretid_fullfort: bool = Field(
        default=False, description="Læretid finished (lærling/lærekandidat, 004 L/K)"
    )
    fagprove_avlagt: bool = Field(
        default=False, description="Fag-/svenne-/kompetanseprøve taken (004 L/K)"
    )
    utland: bool = Field(
        default=False, description="Year taken abroad (no fravær is printed, 001 §2.7)"
    )

    @field_validator("kode")
    @classmethod
    def _kode(cls, v: str) -> str:
        from vitnemal.kodeverk import programomradekode_feil

        reason = programomradekode_feil(v)
        if reason:
            raise _problem(reason)
        return intern(v)

    @field_validator("skolear")
    @classmethod
    def _skolear(cls, v: str) -> str:
        m = _SKOLEAR.match(v)
        if not m or int(m.group(2)) != int(m.group(1)) + 1:
            raise _problem("skoleår skrives som to påfølgende år, f.eks. 2025-2026")
        return intern(v)

    @model_validator(mode="after")
    def _niva_matches_kode(self, info: ValidationInfo) -> Programomrade:
        if _enkeltfelt(info):
            return self
        from vitnemal.kodeverk import load

        _raise("Programomrade", list(kombinasjoner.programomrade_kombinasjoner(
            _felter(self), load().spesielle_programomradekoder)))
        return self

    @property
    def start_ar(self) -> int:
        return int(self.skolear[:4])


@_rad
class Fag:
    """One fag row (001 §2.6)."""

    fagkode: Annotated[str, BeforeValidator(_upper)] = Field(
        description="Fagkode from Udir's Grep (3 letters + 4 digits, or 4 letters + 3 digits)", examples=["NOR1260"]
    )
    fagnavn: Annotated[str, _tekst("fagnavnet")] = Field(min_length=1)
    fagtype: Annotated[Fagtype, BeforeValidator(_upper)] = Field(description="001 §2.5")
    omfang: HeltallEllerIngen = Field(
        default=None, ge=0, le=2000, description="Årstimer in 60-minute units; none prints «--»"
    )
    trinn: Annotated[Niva, BeforeValidator(_lower)] = Field(description="Level of the fag: vg1 … vg5")
    programomrade: str | None = Field(
        default=None,
        description="Code of the programme area line the fag belongs to, when the level alone "
        "does not tell (e.g. two programme areas on one level)",
    )
    vurdering: Annotated[Vurdering, BeforeValidator(_lower)] = Field(
        default=Vurdering.STANDPUNKT,
        description="standpunkt or halvar (halvårsvurdering, 001 §5.1/§5.7, 004)",
    )
    standpunkt: GradeField = Field(default=None, description="Standpunkt or halvår grade")
    eksamen: GradeField = Field(default=None, description="Exam grade")
    eksamensform: Annotated[Eksamensform | None, BeforeValidator(_upper)] = Field(
        default=None, description="S, M, MP or P (001 §6.1)"
    )
    tverrfaglig: bool = Field(default=False, description="The exam is a tverrfaglig eksamen")
    termin: str = Field(
        description="Halvår and year the grade was obtained: V2025 or H2024 (V25/H24 accepted)"
    )
    fagmerknad: MerknadRef | None = Field(default=None, description="One FAM per fag (001 §3)")
    privatist: bool = Field(default=False, description="Taken as privatist")
    mer_opplaering: bool = Field(
        default=False, description="Taken as «mer opplæring» (opplæringsforskriften § 4-3/14-2)"
    )
    sluttet: bool = Field(default=False, description="Quit this fag during the year (004 H)")

    @field_validator("fagkode")
    @classmethod
    def _fagkode(cls, v: str) -> str:
        if not _FAGKODE.match(v):
            raise _problem(
                "fagkode skal være sju tegn: tre bokstaver og fire sifre (f.eks. NOR1260) "
                "eller fire bokstaver og tre sifre (f.eks. SLGV100)"
            )
        return intern(v)  # codes repeat across rows and records: one string each

    @field_validator("termin")
    @classmethod
    def _termin(cls, v: str) -> str:
        m = _TERMIN.match(v)
        if not m:
            raise _problem("termin skrives V eller H og årstall, f.eks. V2025 (eller V25)")
        year = int(m.group(2))
        if year < 100:
            year += 2000
        if not 1950 <= year <= 2100:
            raise _problem(f"årstallet {year} i termin er ikke mulig")
        return intern(f"{m.group(1).upper()}{year}")

    @field_validator("fagmerknad")
    @classmethod
    def _fam(cls, v: MerknadRef | None) -> MerknadRef | None:
        if v is None:
            return v
        from vitnemal.kodeverk import load

        if not v.kode.startswith("FAM"):
            raise _problem(f"{v.kode} er en vitnemålsmerknad; her skal det stå en fagmerknad (FAM)")
        if v.kode not in load().fagmerknader:
            raise _problem(f"ukjent fagmerknad {v.kode}")
        return v

    @model_validator(mode="after")
    def _combinations(self, info: ValidationInfo) -> Fag:
        if not _enkeltfelt(info):
            _raise("Fag", list(kombinasjoner.fag_kombinasjoner(_felter(self))))
        return self

    @property
    def halvar(self) -> str:
        return self.termin[0]

    @property
    def ar(self) -> int:
        return int(self.termin[1:])

    @property
    def termin_kort(self) -> str:
        """As printed: V25 / H24 (001 §2.6)."""
        return f"{self.termin[0]}{self.termin[3:]}"


class Fravaer(Strict):
    """Fravær for one year of the opplæring (001 §2.7, §8.1)."""

    ar: Heltall = Field(ge=1, le=5, description="1. år … 5. år")
    dager: Heltall = Field(ge=0, le=366)
    timer: Heltall = Field(ge=0, le=2000)


class Elevmappe(Strict):
    """One person's results for documentation."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        title="Elevmappe",
        json_schema_extra={"$id": "https://vitnemal.example/schema/elevmappe.schema.json"},
    )

    versjon: Literal["1"] = Field(default=FORMAT_VERSJON, description="Format version")
    person: Person = Field(description="The person the document is for (001 §2.2)")
    utsteder: Utsteder = Field(description="School or county issuing the document (001 §2.8)")
    programomrader: list[Programomrade] = Field(
        default_factory=list, description="Programme area lines, one per year (001 §2.3)"
    )
    fag: list[Fag] = Field(default_factory=list, description="Fag rows (001 §2.4–2.6)")
    orden: Annotated[OrdenAdferd | None, BeforeValidator(_upper)] = Field(
        default=None, description="001 §5.6"
    )
    adferd: Annotated[OrdenAdferd | None, BeforeValidator(_upper)] = Field(
        default=None, description="001 §5.6"
    )
    fravaer: list[Fravaer] = Field(default_factory=list, description="001 §2.7, §8.1")
    vitnemalsmerknader: list[MerknadRef] = Field(
        default_factory=list, description="VMM codes with their parameters (001 §3.2–3.6)"
    )
    maalform: Annotated[Maalform, BeforeValidator(_lower)] = Field(
        default=Maalform.NB, description="Målform of the document: nb, nn or en"
    )
    vedlegg: list[Annotated[str, Field(min_length=1), _tekst("vedleggsteksten")]] = Field(
        default_factory=list,
        description="Text of an attachment written by the school or county, one paragraph per "
        "item; printed on pages of its own with the document's identification, signatures and "
        "number (001 §2.10). A fag- or vitnemålsmerknad must say that there is one.",
    )

    @field_validator("vitnemalsmerknader")
    @classmethod
    def _vmm(cls, v: list[MerknadRef]) -> list[MerknadRef]:
        from vitnemal.kodeverk import load

        _raise("vitnemalsmerknader", list(kombinasjoner.merknad_problemer(
            [(i, _felter(m)) for i, m in enumerate(v)], load().vitnemalsmerknader)))
        return v

    @field_validator("fravaer")
    @classmethod
    def _fravaer_unique(cls, v: list[Fravaer]) -> list[Fravaer]:
        _raise("fravaer", list(kombinasjoner.fravaer_problemer(
            [(i, _felter(f)) for i, f in enumerate(v)])))
        return v

    @model_validator(mode="after")
    def _cross(self, info: ValidationInfo) -> Elevmappe:
        if _enkeltfelt(info):
            return self
        from vitnemal.kodeverk import load

        kv = load()
        _raise("Elevmappe", list(kombinasjoner.mappe_kombinasjoner(
            self.person.iop,
            [(i, _felter(p)) for i, p in enumerate(self.programomrader)],
            [(i, _felter(f)) for i, f in enumerate(self.fag)],
            linjer_kjent=True,
            iop_fagkoder=kv.iop_fagkoder,
            komprimerte=komprimerte_koder(),
        )))
        return self

    def programomrade_for(self, fag: Fag) -> list[Programomrade]:
        """Programme area lines the fag row belongs to (by explicit code, else by level)."""
        if fag.programomrade:
            return [p for p in self.programomrader if p.kode == fag.programomrade]
        return [p for p in self.programomrader if p.niva == fag.trinn]


@cache
def komprimerte_koder() -> frozenset[str]:
    """Ref: 004 vg3 — programområdekoder of komprimerte løp (PBPBY4----, PBPBY4--6P,
    PBPBY4VO--), from the bundled kodeverk (cached, as ``kodeverk.load()`` is)."""
    from vitnemal.kodeverk import load

    return frozenset(k for k, e in load().spesielle_programomradekoder.items() if e.komprimert)
