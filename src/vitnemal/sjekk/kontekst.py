"""What a check sees: the document (printed text and coded facts) and, when the document was
composed here, the record and the decision it was composed from.

Every value a check needs more than once is computed once per document (``cached_property``).
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from vitnemal.dokument.beslutning import Beslutning
from vitnemal.dokument.koder import FagKoder, Koder, MerknadKoder
from vitnemal.dokument.model import Dokument, Dokumenttype
from vitnemal.errors import InputError
from vitnemal.kodeverk import Kodeverk
from vitnemal.model import Elevmappe, Fag


class Kontekst:
    """The document being checked, the kodeverk, and — unless the document was read from
    elsewhere (an NVB file) — the elevmappe and the decision (``mappe``, ``beslutning``)."""

    def __init__(self, dokument: Dokument, kv: Kodeverk, *, testdata: bool = False,
                 mappe: Elevmappe | None = None, beslutning: Beslutning | None = None) -> None:
        if dokument.koder is None:
            raise InputError("dokumentet har ikke kodede opplysninger (Dokument.koder) og kan "
                             "ikke kontrolleres")
        self.dokument, self.kv, self.testdata = dokument, kv, testdata
        self.mappe, self.beslutning = mappe, beslutning
        self._per_dokument: dict = {}

    def per_dokument(self, funksjon):
        """``funksjon(self)``, computed once for this document and shared by the checks that
        read it (e.g. which group of data/fagkoder.yaml each printed fag belongs to)."""
        try:
            return self._per_dokument[funksjon]
        except KeyError:
            verdi = self._per_dokument[funksjon] = funksjon(self)
            return verdi

    @property
    def koder(self) -> Koder:
        return self.dokument.koder

    @property
    def today(self) -> date | None:
        """The issue date the checks judge against (None: unknown)."""
        return self.koder.dato

    @property
    def dokumenttype(self) -> Dokumenttype:
        return self.dokument.type

    @property
    def vitnemal(self) -> bool:
        return self.dokumenttype is Dokumenttype.VITNEMAL

    @property
    def typenavn(self) -> str:
        return "vitnemål" if self.vitnemal else "kompetansebevis"

    @cached_property
    def _trykte(self) -> list[tuple[int | None, FagKoder]]:
        if self.mappe is None:  # nothing to point into
            return [(None, f) for f in self.koder.fag]
        return [(f.indeks, f) for f in self.koder.fag]

    def trykte_fag(self) -> list[tuple[int | None, FagKoder]]:
        """The fag rows printed on this document, in print order, with their index in the
        elevmappe being checked (None when there is none)."""
        return self._trykte

    def fag(self) -> list[tuple[int, Fag]]:
        """Every fag row of the elevmappe with its index (checks that need ``MAPPE``)."""
        return list(enumerate(self.mappe.fag))

    @cached_property
    def _med_fagmerknad(self) -> dict[str, list[tuple[int | None, FagKoder]]]:
        ut: dict[str, list[tuple[int | None, FagKoder]]] = {}
        for i, f in self._trykte:
            if f.fagmerknad is not None:
                ut.setdefault(f.fagmerknad.kode, []).append((i, f))
        return ut

    def med_fagmerknad(self, *koder: str) -> list[tuple[int | None, FagKoder]]:
        """The printed rows whose fagmerknad is one of ``koder``, in print order."""
        if len(koder) == 1:
            return self._med_fagmerknad.get(koder[0], [])
        return [r for r in self._trykte if r[1].fagmerknad is not None
                and r[1].fagmerknad.kode in koder]

    @property
    def merknader(self) -> tuple[MerknadKoder, ...]:
        """The vitnemålsmerknader, in print order (the elevmappe's order)."""
        return self.koder.merknader

    @cached_property
    def _merknadskoder(self) -> frozenset[str]:
        return frozenset(m.kode for m in self.koder.merknader)

    def merknadskoder(self) -> frozenset[str]:
        return self._merknadskoder

    def sti(self, sti: str) -> str | None:
        """A JSON path into the elevmappe, or None when there is none to point into."""
        return None if self.mappe is None else sti

    def vmmsti(self, i: int) -> str | None:
        """The JSON path of the ``i``-th vitnemålsmerknad (printed in the elevmappe's order)."""
        return self.sti(f"$.vitnemalsmerknader[{i}]")

    def linjesti(self, indeks: int | None, felt: str | None = None) -> str | None:
        """The JSON path of a programme area line of the elevmappe."""
        if indeks is None or self.mappe is None:
            return None
        return f"$.programomrader[{indeks}]" + (f".{felt}" if felt else "")


def fagsti(i: int | None, felt: str | None = None) -> str | None:
    """The JSON path of a fag row of the elevmappe (None when there is no elevmappe)."""
    if i is None:
        return None
    return f"$.fag[{i}]" + (f".{felt}" if felt else "")

