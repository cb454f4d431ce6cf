"""What a check sees: the record, the kodeverk, the document decision and the composed document."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vitnemal.dokument.beslutning import Beslutning, skrives_ut
from vitnemal.dokument.model import Dokument, Dokumenttype
from vitnemal.kodeverk import Kodeverk
from vitnemal.model import Elevmappe, Fag


@dataclass(frozen=True)
class Kontekst:
    mappe: Elevmappe
    kv: Kodeverk
    beslutning: Beslutning
    dokument: Dokument
    today: date | None = None  # the issue date the checks judge against (None: unknown)
    testdata: bool = False

    @property
    def dokumenttype(self) -> Dokumenttype:
        return self.beslutning.dokumenttype

    @property
    def vitnemal(self) -> bool:
        return self.dokumenttype is Dokumenttype.VITNEMAL

    @property
    def typenavn(self) -> str:
        return "vitnemål" if self.vitnemal else "kompetansebevis"

    def fag(self) -> list[tuple[int, Fag]]:
        """Every fag row with its index in the record."""
        return list(enumerate(self.mappe.fag))

    def trykte_fag(self) -> list[tuple[int, Fag]]:
        """The fag rows printed on this document (001 §5.1: halvår only on kompetansebevis)."""
        return [(i, f) for i, f in enumerate(self.mappe.fag) if skrives_ut(f, self.dokumenttype)]

    def merknadskoder(self) -> set[str]:
        return {m.kode for m in self.mappe.vitnemalsmerknader}


def fagsti(i: int, felt: str | None = None) -> str:
    return f"$.fag[{i}]" + (f".{felt}" if felt else "")
