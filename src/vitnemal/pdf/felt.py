"""The room each text of the record has on the blankett: face, size, width and lines.

One definition used twice: the layout wraps a text with its ``Felt`` and the fit check
(``vitnemal.pdf.kontroll``) asks the same ``Felt`` whether the text fits, so the check and
the print can never disagree. Ref: 001 §2.1 — «skriftstørrelse 11»: a text that does not fit
wraps (at spaces and hyphens, up to ``maks_linjer``); it is never set smaller.
"""

from __future__ import annotations

from dataclasses import dataclass

from vitnemal.pdf import fonts
from vitnemal.pdf.maal import (
    BREDDE,
    CELLE_LUFT,
    FAG_MAKS_LINJER,
    HOYRE,
    HOYREJUSTERT,
    HOYREJUSTERT_LUFT,
    IDENTITET_VERDI_X,
    KODE_LUFT,
    KOLONNER,
    MERKNAD_BREDDE,
    NAVN_MAKS_LINJER,
    PASTAND_BREDDE,
    PROGRAM_MAKS_LINJER,
    PROGRAM_NAVN_X,
    PROGRAM_UTDANNINGSPROGRAM_X,
    SKOLE_MAKS_LINJER,
    SKRIFT,
    UNDERSKRIFT_X,
    VENSTRE,
)

TOLERANSE = 0.01
"""mm: widths are sums of font units; a line this much wider still counts as fitting."""

VIST = 40
"""At most this many characters of a text are quoted in a message."""


@dataclass(frozen=True, slots=True)
class Felt:
    """Where one text of the record is printed: who it is (for findings), face, size, the
    width in mm and the most lines it may take (None: as many as the pages hold)."""

    regel: str
    paragraf: str
    navn: str  # Norwegian, as a finding names the field: «navnet», «skolenavnet» …
    font: str
    bredde: float
    maks_linjer: int | None
    size: float = SKRIFT

    def linjer(self, tekst: str) -> list[str]:
        """The text wrapped as the layout prints it."""
        return fonts.wrap(tekst, self.font, self.size, self.bredde)

    def problem(self, tekst: str) -> str | None:
        """Why ``tekst`` does not fit (Norwegian), or None.

        >>> STED_DATO.problem("Oslo, 20.06.2026") is None
        True
        >>> STED_DATO.problem("Oslo" * 20 + ", 20.06.2026")
        'ordet «OsloOsloOsloOsloOsloOsloOsloOsloOsloOslo…» er 148 mm bredt, og det er plass til 82 mm'
        """
        linjer = self.linjer(tekst)
        for s in linjer:
            bredde = fonts.width(s, self.font, self.size)
            if bredde > self.bredde + TOLERANSE:
                return (f"ordet «{kort(s)}» er {bredde:.0f} mm bredt, og det er plass til "
                        f"{self.bredde:.0f} mm")
        if self.maks_linjer is not None and len(linjer) > self.maks_linjer:
            plass = "én linje" if self.maks_linjer == 1 else f"{self.maks_linjer} linjer"
            return f"teksten trenger {len(linjer)} linjer, og det er plass til {plass}"
        return None


def kort(tekst: str) -> str:
    """``tekst`` cut to ``VIST`` characters for a message (never an unbounded value)."""
    return tekst if len(tekst) <= VIST else tekst[:VIST] + "…"


def identitet_x(lt: dict[str, str]) -> float:
    """Ref: 001 §2.2 — where the values of «Navn:» and «Fødselsnummer:» start: under each
    other, right of the longer label (the English one is longer)."""
    return max(IDENTITET_VERDI_X, VENSTRE + 3.0 + max(
        fonts.width(lt["navn"], "B", SKRIFT), fonts.width(lt["fodselsnummer"], "B", SKRIFT)))


def navn(lt: dict[str, str]) -> Felt:
    """Ref: 001 §2.2 — «Navn: <navn>» in bold, to the right edge."""
    return Felt("PLASS-NAVN", "001 §2.2", "navnet", "B", HOYRE - identitet_x(lt),
                NAVN_MAKS_LINJER)


PROGRAMOMRADE = Felt("PLASS-PROGRAMOMRADE", "001 §2.3", "navnet på programområdet", "R",
                     PROGRAM_UTDANNINGSPROGRAM_X - PROGRAM_NAVN_X - 2.0, PROGRAM_MAKS_LINJER)
"""Ref: 001 §2.3 — the programme area's name, in its column."""


def utdanningsprogram(med_pastand: bool) -> Felt:
    """Ref: 001 §2.3 — the utdanningsprogram, in the last column; on a kompetansebevis with
    «fullført»/«bestått» «til høyre på linjen» that column leaves room for it."""
    bredde = HOYRE - PROGRAM_UTDANNINGSPROGRAM_X - (PASTAND_BREDDE if med_pastand else 0.0)
    return Felt("PLASS-UTDANNINGSPROGRAM", "001 §2.3", "utdanningsprogrammet", "R",
                bredde - 2.0, PROGRAM_MAKS_LINJER)


_CELLE_NAVN = {
    "omfang": "omfanget", "kode": "fagkoden", "fag": "fagnavnet", "standpunkt":
    "standpunktkarakteren", "eksamen": "eksamenskarakteren", "eksamensform": "eksamensformen",
    "ar": "året", "merknader": "fagmerknaden",
}

def _celle_bredde(key: str, w: float) -> float:
    """Room in a cell of width ``w``: the column less the air at its right; a right-aligned
    number ends HOYREJUSTERT_LUFT from the column's edge; a fagkode, which cannot wrap, may
    use the air but KODE_LUFT (HUM3001 is 17.0 mm wide, the column 18 mm)."""
    if key in HOYREJUSTERT:
        return w - HOYREJUSTERT_LUFT
    return w - (KODE_LUFT if key == "kode" else CELLE_LUFT)


CELLER: dict[str, Felt] = {
    key: Felt("PLASS-FAG", "001 §2.6", _CELLE_NAVN[key], "R", _celle_bredde(key, w),
              FAG_MAKS_LINJER)
    for key, _x, w in KOLONNER
}
"""Ref: 001 §2.6 — each cell of a fag row, in its column (KOLONNER)."""

MERKNAD = Felt("PLASS-MERKNAD", "001 §2.8", "vitnemålsmerknaden", "R", MERKNAD_BREDDE, None)
"""Ref: 001 §2.8 — «Til venstre på blanketten under fravær … vitnemålsmerknader»; as many
lines as the last page holds above the stamp (checked for the whole block)."""

_UNDERSKRIFT_BREDDE = HOYRE - UNDERSKRIFT_X

STED_DATO = Felt("PLASS-STED", "001 §2.8", "stedet (med dato)", "R", _UNDERSKRIFT_BREDDE, 1)
"""Ref: 001 §2.8 — «sted, dato» on one line at the fixed place."""

SKOLE = Felt("PLASS-SKOLE", "001 §2.8", "skolenavnet", "R", _UNDERSKRIFT_BREDDE,
             SKOLE_MAKS_LINJER)
"""Ref: 001 §2.8 — «skole eller fylkeskommune» under place and date."""

UNDERSKRIVER = Felt("PLASS-UNDERSKRIVER", "001 §2.8", "underskriverens navn", "R",
                    _UNDERSKRIFT_BREDDE, 1)
"""Ref: 001 §2.8 — «underskrift av to personer»: each name under its signature line."""

VEDLEGG = Felt("PLASS-VEDLEGG", "001 §2.10", "vedleggsteksten", "R", BREDDE, None)
"""Ref: 001 §2.10 — attachment paragraphs across the written area, on as many pages as
they need."""
