"""Result types and rejection reasons for ``vitnemal.ids.fodselsnummer``.

Kept apart so the classification module stays small; import them from
``vitnemal.ids.fodselsnummer``, which re-exports them with the exceptions of
``vitnemal.ids.exceptions``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Nummertype(StrEnum):
    """What kind of identifier an 11-digit (or 12/13-digit) number is."""

    FODSELSNUMMER = "fodselsnummer"
    D_NUMMER = "d_nummer"
    VIGO_FIKTIVT = "vigo_fiktivt"
    SYNTETISK_TENOR = "syntetisk_tenor"
    SYNTETISK_NAV = "syntetisk_nav"
    H_NUMMER = "h_nummer"
    FH_NUMMER = "fh_nummer"
    PAS_NUMMER = "pas_nummer"
    DUF_NUMMER = "duf_nummer"
    UGYLDIG = "ugyldig"

    @property
    def tekst(self) -> str:
        """Norwegian label for output."""
        return _TEKST[self]


_TEKST = {
    Nummertype.FODSELSNUMMER: "fødselsnummer",
    Nummertype.D_NUMMER: "D-nummer",
    Nummertype.VIGO_FIKTIVT: "fiktivt fødselsnummer (VIGO)",
    Nummertype.SYNTETISK_TENOR: "syntetisk testnummer (Skatteetaten Tenor)",
    Nummertype.SYNTETISK_NAV: "syntetisk testnummer (NAV Dolly)",
    Nummertype.H_NUMMER: "H-nummer",
    Nummertype.FH_NUMMER: "FH-nummer",
    Nummertype.PAS_NUMMER: "fiktivt nummer fra PAS (eksamenstjenesten)",
    Nummertype.DUF_NUMMER: "DUF-nummer",
    Nummertype.UGYLDIG: "ugyldig",
}

# Reasons for rejected kinds (003 A01 for PAS and DUF).
_BRUK = "Bruk fødselsnummer, D-nummer eller et fiktivt fødselsnummer fra VIGO (003 A01)."
GRUNN_PAS = (
    "13 siffer: et fiktivt fødselsnummer fra Utdanningsdirektoratets eksamenstjeneste "
    "(PAS-Eksamen/PAS-Prøver). Det har et eget format på 13 siffer og kan ikke benyttes i "
    "andre systemer enn eksamenstjenesten (003 A01). " + _BRUK
)
GRUNN_DUF = (
    "DUF-nummer (12 siffer): søkerens registreringsnummer i Utlendingsdirektoratets "
    "datasystem, brukt ved søknad om opphold i Norge. DUF-nummer kan ikke benyttes i VIGO "
    "(003 A01). " + _BRUK
)
GRUNN_FH = (
    "FH-nummer (felles hjelpenummer, første siffer 8 eller 9): et hjelpenummer fra "
    "helsetjenesten uten fødselsdato og kjønn, ikke et fødselsnummer. " + _BRUK
)
GRUNN_H = (
    "H-nummer (hjelpenummer, måned + 40): et virksomhetsinternt hjelpenummer, ikke et "
    "fødselsnummer. " + _BRUK + " Er det et syntetisk testnummer fra NAV Dolly (også "
    "måned + 40), slå på testdata."
)
GRUNN_TENOR = (
    "syntetisk testnummer fra Skatteetatens Tenor (måned + 80): godtas bare når testdata "
    "er slått på"
)

KVINNE = "kvinne"
MANN = "mann"


@dataclass(frozen=True)
class Analyse:
    """What a number is and what can be read from it.

    ``fodselsdato`` is None where the birth date cannot be known (D-numbers; a century
    that the number does not give and no ``today`` to choose one); ``kjonn`` is None where
    the number does not tell the gender (2032 scheme). ``kontrollregel`` is the check-digit
    rule the digits satisfy; ``ordning`` the scheme the number was read by: ``"1964"``
    (century from the individnummer, gender from the ninth digit), ``"2032"`` (neither) or
    None (VIGO fictive numbers, which have their own rules). ``grunn`` is the Norwegian
    reason a number is rejected (``gyldig`` False). ``merknader`` are Norwegian notes on how
    it was read.
    """

    nummer: str
    gyldig: bool
    type: Nummertype
    fodselsdato: date | None = None
    kjonn: str | None = None
    fylkesnummer: str | None = None
    privatskole: bool = False
    syntetisk: bool = False
    kontrollregel: str | None = None  # "1964" (k1 remainder 0), "2032" (remainder 1-3), None
    ordning: str | None = None  # "1964", "2032" or None: see the class docstring
    grunn: str | None = None
    merknader: tuple[str, ...] = field(default_factory=tuple)

    def som_dict(self) -> dict:
        """JSON-friendly dict (dates as ISO strings, the kind as its value)."""
        return {
            "nummer": self.nummer,
            "gyldig": self.gyldig,
            "type": self.type.value,
            "typetekst": self.type.tekst,
            "fodselsdato": self.fodselsdato.isoformat() if self.fodselsdato else None,
            "kjonn": self.kjonn,
            "fylkesnummer": self.fylkesnummer,
            "privatskole": self.privatskole,
            "syntetisk": self.syntetisk,
            "kontrollregel": self.kontrollregel,
            "ordning": self.ordning,
            "grunn": self.grunn,
            "merknader": list(self.merknader),
        }
