"""Reads of background batches (issue 17), shaped so that a CLI command or a web view only
calls them: the list, the progress of one batch (counts only, no personal data), its result
table (names: an audited read per person) and its PDFs in order (an audited PDF read per
document, logged before the bytes are handed out)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass

from django.db.models import Count

from vitnemal.errors import VitnemalError
from vitnemal.store import hendelser, tilgang
from vitnemal.store.models import Batch, Batchperson, Hendelse, Skole, UtstedtDokument
from vitnemal.store.selectors import _lest

#: PDFs loaded (and their reads logged) per query: memory stays at this many PDFs.
PDF_BIT = 100


@dataclass(frozen=True)
class Fremdrift:
    id: int
    tilstand: str
    tilstand_tekst: str
    skole: str
    orgnr: str
    skolear: str
    trinn: str
    dato: str
    startet_av: str
    opprettet: str
    avsluttet: str
    melding: str
    antall: int
    utstedt: int
    nektet: int
    hoppet_over: int
    avbrutt: int
    venter: int

    @property
    def behandlet(self) -> int:
        return self.antall - self.venter

    @property
    def ferdig(self) -> bool:
        return self.tilstand in ("ferdig", "avbrutt", "feilet")

    def as_dict(self) -> dict:
        return {**asdict(self), "behandlet": self.behandlet, "ferdig": self.ferdig}


@dataclass(frozen=True)
class Resultatlinje:
    rekkefolge: int
    person_id: int
    navn: str
    status: str
    nummer: str
    dokument_id: int | None
    type: str
    melding: str
    feil: list

    def as_dict(self) -> dict:
        return asdict(self)


def _batch(bruker, batch_id: int, handling: str = "lese") -> Batch:
    b = Batch.objects.select_related("skole", "startet_av").filter(pk=batch_id).first()
    if b is None:
        raise VitnemalError(f"batch {batch_id} finnes ikke")
    tilgang.krev(bruker, handling, b.skole)
    return b


def _fremdrift(b: Batch) -> Fremdrift:
    tall = dict(Batchperson.objects.filter(batch=b).values_list("status")
                .annotate(n=Count("id")).values_list("status", "n"))
    S = Batchperson.Status
    return Fremdrift(
        b.pk, b.tilstand, b.get_tilstand_display(), b.skole.navn, b.skole.orgnr, b.skolear,
        b.trinn, b.dato.isoformat(), b.startet_av.username,
        b.opprettet.isoformat(timespec="seconds"),
        b.avsluttet.isoformat(timespec="seconds") if b.avsluttet else "", b.melding, b.antall,
        tall.get(S.UTSTEDT, 0), tall.get(S.NEKTET, 0), tall.get(S.HOPPET_OVER, 0),
        tall.get(S.AVBRUTT, 0), tall.get(S.VENTER, 0))


def fremdrift(bruker, batch_id: int) -> Fremdrift:
    """State and counts of one batch (what a progress bar polls; no personal data)."""
    return _fremdrift(_batch(bruker, batch_id))


def batcher(bruker, *, skole: Skole | None = None, antall: int = 50) -> list[Fremdrift]:
    """The newest batches (of ``skole``) at the schools ``bruker`` may read, with progress."""
    tilgang.krev(bruker, "lese", skole)
    qs = Batch.objects.select_related("skole", "startet_av").order_by("-id")
    if skole is not None:
        qs = qs.filter(skole=skole)
    ider = tilgang.skoler(bruker, "lese")
    if ider is not None:  # a web user: only the batches of their own schools
        qs = qs.filter(skole_id__in=ider)
    return [_fremdrift(b) for b in qs[:antall]]


def resultater(bruker, batch_id: int, *, formal: str = "") -> list[Resultatlinje]:
    """The outcome per person, in the batch's order; names are personal data, so the read is
    logged per person."""
    b = _batch(bruker, batch_id)
    rader = list(Batchperson.objects.filter(batch=b)
                 .select_related("person", "dokument").defer("dokument__pdf",
                                                             "dokument__dokument")
                 .order_by("rekkefolge"))
    _lest(bruker, {r.person_id for r in rader}, formal, "batchresultat", batch=b.pk)
    return [Resultatlinje(r.rekkefolge, r.person_id, r.person.navn, r.status,
                          r.dokument.nummer if r.dokument_id else "", r.dokument_id,
                          r.dokument.type if r.dokument_id else "", r.melding, r.feil)
            for r in rader]


def pdfer(bruker, batch_id: int, *, formal: str = "") -> Iterator[tuple[str, bytes]]:
    """(file name, PDF) of every document the batch issued, in the batch's order; file names
    carry the order and the document number, never a fødselsnummer. ``PDF_BIT`` at a time:
    each group's reads are logged before its bytes are yielded."""
    b = _batch(bruker, batch_id)
    ider = list(Batchperson.objects.filter(batch=b, dokument__isnull=False)
                .order_by("rekkefolge").values_list("rekkefolge", "dokument_id"))
    for i in range(0, len(ider), PDF_BIT):
        del_ = ider[i:i + PDF_BIT]
        docs = UtstedtDokument.objects.in_bulk([d for _, d in del_])
        hendelser.logg_mange(
            hendelser.ny(bruker, Hendelse.Handling.PDF_LEST, formal=formal, dokument=d,
                         person=d.person, hva="batch", batch=b.pk)
            for d in (docs[x] for _, x in del_))
        for nr, d in del_:
            yield f"{nr + 1:05d}-{docs[d].nummer}.pdf", bytes(docs[d].pdf)
