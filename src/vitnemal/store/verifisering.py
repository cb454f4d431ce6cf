"""``verifiser``: render every stored document again and compare with what was stored."""

from __future__ import annotations

from dataclasses import dataclass

from vitnemal.store import hendelser, kjerne, tilgang
from vitnemal.store.models import Hendelse, UtstedtDokument


@dataclass(frozen=True)
class Avvik:
    nummer: str
    dokument_id: int
    feil: str

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def kontroller(d: UtstedtDokument) -> str:
    """"" when the stored PDF is the one its hash names and the stored document renders to
    exactly those bytes; else what differs."""
    pdf = bytes(d.pdf)
    if kjerne.sha256(pdf) != d.sha256:
        return "PDF-en er endret etter utstedelse (SHA-256 stemmer ikke)"
    try:
        ny = kjerne.render_pdf(kjerne.fra_dict(d.dokument))
    except Exception as exc:  # noqa: BLE001 - a stored document that no longer renders
        return f"det lagrede dokumentet kan ikke gjengis ({type(exc).__name__})"
    if ny != pdf:
        return ("ny gjengivelse av det lagrede dokumentet gir ikke de samme bytene "
                f"(lagret med {d.programversjon}, nå {kjerne.programversjon()})")
    return ""


def verifiser(bruker, *, nummer: str | None = None, formal: str = "",
              fremdrift=None) -> tuple[int, list[Avvik]]:
    """Check every stored document (or those with ``nummer``); returns how many were checked
    and those that differ. The run is logged (one event; the documents are read, not shown)."""
    tilgang.krev(bruker, "lese")
    qs = UtstedtDokument.objects.only("id", "nummer", "pdf", "sha256", "dokument",
                                      "programversjon").order_by("id")
    if nummer:
        qs = qs.filter(nummer=nummer.strip())
    antall = 0
    avvik = []
    for d in qs.iterator(chunk_size=200):
        antall += 1
        feil = kontroller(d)
        if feil:
            avvik.append(Avvik(d.nummer, d.id, feil))
        if fremdrift:
            fremdrift(antall)
    hendelser.logg(bruker, Hendelse.Handling.VERIFISERT, formal=formal, antall=antall,
                   avvik=[a.dokument_id for a in avvik])
    return antall, avvik
