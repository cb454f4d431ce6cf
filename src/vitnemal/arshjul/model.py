"""The årshjul's data model: one ``Oppforing`` per entry of seed 000, and derived occurrences.

Ref: 000 juli 2023 (the whole seed: VIGO Opplæring, årshjul skoleåret 2023–2024)

Columns follow the seed's own header «Måned Fra Hva Til Kommentar»: ``fra`` is who delivers,
``til`` to whom. ``kategori`` is the seed's colour code (legend «FARGEKODER» at the end of the
seed); the colours themselves are lost in the text extraction, so the category of each entry
is this project's reading of its recipient (see docs/arshjul.md).
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAANEDSNAVN = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)
UKEDAGER = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

# VIGO report (xAnnn) and screen (xSnnn) codes as they appear in the seed's text.
RAPPORTKODE = re.compile(r"\b\d[AS]\d{3}\b")


class Kategori(StrEnum):
    """The colour codes of the seed's legend («FARGEKODER»), a closed list."""

    OT = "ot"
    SSB_UDIR = "ssb_udir"
    VILBLI = "vilbli"
    CONEXUS = "conexus"
    UDIR_FAGOPPLAERING = "udir_fagopplaering"
    UDIR_PRIVATSKOLE = "udir_privatskole"
    UDIR_SOKER_INNTAK = "udir_soker_inntak"
    LANEKASSEN = "lanekassen"
    FPVS = "fpvs"
    INTERN = "intern"

    @property
    def navn(self) -> str:
        return KATEGORINAVN[self]


KATEGORINAVN: dict[Kategori, str] = {
    Kategori.OT: "Oppfølgingstjenesten",
    Kategori.SSB_UDIR: "SSB og Utdanningsdirektoratet ssbResultat og ssbElev",
    Kategori.VILBLI: "vilbli.no (Fagbokforlaget)",
    Kategori.CONEXUS: "Insight (tidligere PULS) (Conexus)",
    Kategori.UDIR_FAGOPPLAERING: "Utdanningsdirektoratet Fagopplæringsfiler",
    Kategori.UDIR_PRIVATSKOLE: "Utdanningsdirektoratet Privatskolerapportering",
    Kategori.UDIR_SOKER_INNTAK: "Utdanningsdirektoratet Søker- og inntaksfil",
    Kategori.LANEKASSEN: "Lånekassen",
    Kategori.FPVS: "Forsvarets personell- og vernepliktssenter (FPVS)",
    Kategori.INTERN: "Interne datoer for Vigo",
}


class Art(StrEnum):
    DATO = "dato"  # one day («15.sep»)
    PERIODE = "periode"  # a date range («19.jun til 21.jun», «I løpet av august»)
    UKE = "uke"  # ISO week(s) («uke 40», «Uke 31/32»)
    GJENTAKENDE = "gjentakende"  # a rule («En gang pr. måned etter overføring …»)


class Referanse(BaseModel):
    """A cross-reference «Se 22. september» resolved to the entry it points at.

    ``tekst`` is the date as the seed writes it; ``avvik`` explains a reference whose
    written date is not the target's date (required then, checked on load).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    tekst: str
    avvik: str | None = None


class Oppforing(BaseModel):
    """One entry of the årshjul as written in seed 000."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    linje: int = Field(ge=1)
    maaned: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}$")
    art: Art
    dato: date | None = None
    start: date | None = None
    slutt: date | None = None
    aar: int | None = None
    uker: tuple[int, ...] = ()
    dato_tekst: str | None = None
    regel: str | None = None
    etter: str | None = None
    fra: str | None = None
    hva: str
    til: str | None = None
    kommentar: str | None = None
    kategori: Kategori
    rapportkoder: tuple[str, ...] = ()
    referanser: tuple[Referanse, ...] = ()
    folger: str | None = None
    notat: str | None = None
    klarsjekk: str | None = None

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Oppforing:
        needed = {
            Art.DATO: ("dato",),
            Art.PERIODE: ("start", "slutt"),
            Art.UKE: ("aar", "uker"),
            Art.GJENTAKENDE: ("regel", "etter", "slutt"),
        }[self.art]
        missing = [name for name in needed if not getattr(self, name)]
        if missing:
            raise ValueError(f"art «{self.art}» krever feltet {', '.join(missing)}")
        if self.art == Art.PERIODE and self.slutt < self.start:
            raise ValueError("slutt er før start")
        if self.art == Art.UKE and any(not 1 <= u <= 53 for u in self.uker):
            raise ValueError("ukenummer må være 1–53")
        if self.art != Art.GJENTAKENDE and not self.maaned:
            raise ValueError("maaned mangler")
        return self

    @property
    def seed_date(self) -> date | None:
        """The entry's first date in the seed year (None for recurring rules)."""
        if self.art == Art.DATO:
            return self.dato
        if self.art == Art.PERIODE:
            return self.start
        if self.art == Art.UKE:
            return date.fromisocalendar(self.aar, self.uker[0], 1)
        return None

    @property
    def ref(self) -> str:
        """The house-style reference, e.g. ``000 september 2023``."""
        if not self.maaned:
            return "000 hver måned"
        year, month = self.maaned.split("-")
        return f"000 {MAANEDSNAVN[int(month) - 1]} {year}"

    def tekst(self, hva: str | None = None, kommentar: str | None = None) -> str:
        """The full text of the entry (``hva``/``kommentar`` replace the seed's, e.g. shifted)."""
        lines = []
        if self.dato_tekst:
            lines.append(f"Når (i årshjulet 2023–2024): {self.dato_tekst}")
        for label, value in (("Fra", self.fra), ("Hva", hva or self.hva), ("Til", self.til),
                             ("Kommentar", kommentar or self.kommentar)):
            if value:
                lines.append(f"{label}: {value}")
        if self.rapportkoder:
            lines.append("Rapportkoder: " + ", ".join(self.rapportkoder))
        return "\n".join(lines)


class Arshjul(BaseModel):
    """The whole årshjul of the seed year, entries in seed order."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    skolear: str = Field(pattern=r"^\d{4}-\d{4}$")
    kilde: str
    notater: dict[str, str] = {}
    oppforinger: tuple[Oppforing, ...]

    @property
    def start_year(self) -> int:
        return int(self.skolear[:4])

    def by_id(self) -> dict[str, Oppforing]:
        return {o.id: o for o in self.oppforinger}


class Flagg(BaseModel):
    """A date of a derived occurrence that needs a clerk's review (never moved silently)."""

    model_config = ConfigDict(frozen=True)
    dato: date
    grunn: str  # «lørdag», «søndag» or the holiday's Norwegian name

    def __str__(self) -> str:
        return f"{self.dato.isoformat()} er {self.grunn} – vurder dato"


class Hendelse(BaseModel):
    """A concrete occurrence of an entry in a given school year."""

    model_config = ConfigDict(frozen=True)
    oppforing: Oppforing
    skolear: str
    start: date
    slutt: date  # inclusive; equals start for single days
    hva: str  # the text with seed-relative years shifted to this school year
    kommentar: str | None
    flagg: tuple[Flagg, ...] = ()
    overstyrt: bool = False
    flyttet_med: str | None = None  # anchor id when moved because the anchor was overridden
    nr: int | None = None  # occurrence number for recurring entries

    @property
    def uid(self) -> str:
        suffix = f"-{self.nr}" if self.nr is not None else ""
        return f"{self.oppforing.id}{suffix}-{self.skolear}@vitnemal"
