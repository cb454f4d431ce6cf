"""Deliveries to Nasjonal vitnemålsdatabase (NVB): the ¤-file of every document issued and
every annulment made that NVB has not had yet, recorded as one delivery.

Ref: docs/nvb-format.md; 003 A01 — «Vitnemål for elever med fiktive fødselsnummer vil ikke bli
overført til NVB»: such documents are left out and listed (person id, name, number) so the
county can follow them up; they are delivered by a later export once the document carries a
real number (a new document, 001 §2.12/003 A01).

What is delivered:
- a document (``tildelt``: the number was allocated to it) issued in the period, not annulled,
  not delivered before — from the STORED ``Dokument`` (``UtstedtDokument.dokument``), never
  from the record as it stands today;
- an annulment, made in the period, of a document NVB has had (a document annulled before it
  was ever delivered is not sent at all: NVB never knew its number).

The file is written and the delivery recorded (what, when, file, SHA-256) in one transaction:
a failed write records nothing. A run with nothing new writes no file and records nothing. A
test file (``test``) is written but never recorded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.db import transaction
from django.db.models import TextField
from django.db.models.functions import Cast

from vitnemal.dokument.model import Dokument
from vitnemal.errors import VitnemalError
from vitnemal.ids import fodselsnummer
from vitnemal.ids.fnr_resultat import Nummertype
from vitnemal.nvb import eksport, skriv
from vitnemal.nvb.skriv import skriv_atomisk
from vitnemal.store import hendelser, tilgang
from vitnemal.store.models import (
    Annullering,
    Hendelse,
    NvbLevering,
    NvbLevert,
    Skole,
    UtstedtDokument,
)


@dataclass
class Eksportresultat:
    """What an export did. ``fiktive``: documents left out (person id, name, number)."""

    levering_id: int | None = None
    fil: str = ""
    sha256: str = ""
    test: bool = False
    dokumenter: list[str] = field(default_factory=list)
    annulleringer: list[str] = field(default_factory=list)
    fiktive: list[dict] = field(default_factory=list)
    tekst: str = ""

    @property
    def tom(self) -> bool:
        return not (self.dokumenter or self.annulleringer)

    def as_dict(self) -> dict:
        return {"levering": self.levering_id, "fil": self.fil, "sha256": self.sha256,
                "test": self.test, "dokumenter": self.dokumenter,
                "annulleringer": self.annulleringer, "fiktive": self.fiktive}


def _i_perioden(qs, felt: str, fra: date | None, til: date | None):
    if fra is not None:
        qs = qs.filter(**{f"{felt}__gte": fra})
    if til is not None:
        qs = qs.filter(**{f"{felt}__lte": til})
    return qs


def ulevert(*, skole: Skole | None = None, fra: date | None = None, til: date | None = None):
    """The documents an export would deliver (no permission check: callers check)."""
    qs = UtstedtDokument.objects.filter(tildelt=True, annullering__isnull=True,
                                        nvb_levert__isnull=True)
    if skole is not None:
        qs = qs.filter(skole=skole)
    return _i_perioden(qs, "utstedt", fra, til)


def ulevert_annullering(*, skole: Skole | None = None, fra: date | None = None,
                        til: date | None = None):
    qs = Annullering.objects.filter(dokument__nvb_levert__hva=NvbLevert.Hva.DOKUMENT,
                                    nvb_levert__isnull=True)
    if skole is not None:
        qs = qs.filter(dokument__skole=skole)
    return _i_perioden(qs, "dato", fra, til)


def fiktivt(fnr: str, testdata: bool) -> bool:
    """003 A01: a VIGO fictive number (not delivered to NVB). Only a number with day + 40
    (first digit 4–7) can be one, so the others skip the full analysis."""
    if fnr[:1] not in ("4", "5", "6", "7"):
        return False
    return fodselsnummer.analyse(fnr, testdata=testdata).type is Nummertype.VIGO_FIKTIVT


_FELT = ("id", "nummer", "orgnr", "person_id", "person__navn", "person__testdata", "skole_id",
         "tekst")


def _rader(qs) -> list[dict]:
    """The documents to deliver as plain rows, the stored document as JSON text: no model
    instances and one JSON pass (pydantic's) per document (speed: bench/nvb_eksport.py)."""
    qs = qs.annotate(tekst=Cast("dokument", TextField())).order_by("orgnr", "ar", "lopenummer")
    return [dict(zip(_FELT, r, strict=True)) for r in qs.values_list(*_FELT)]


def _skolenr(skoler: dict[str, Skole], dokumenter) -> dict[str, int]:
    """A2 per orgnr: the school's VIGO number, as printed on the document or registered."""
    ut: dict[str, int] = {}
    for d in dokumenter:
        nr = d.koder.skolenummer or ""
        if nr.isdigit():
            ut.setdefault(d.koder.orgnr, int(nr))
    for orgnr, s in skoler.items():
        if orgnr not in ut and s.skolenummer.isdigit():
            ut[orgnr] = int(s.skolenummer)
    mangler = sorted(set(skoler) - set(ut))
    if mangler:
        raise VitnemalError(
            "NVB krever skolenummeret (VIGO, felt A2) for hver organisasjon; registrer det med "
            "«vitnemal skole registrer --skolenummer» for: " + ", ".join(
                f"{skoler[o].navn} ({o})" for o in mangler))
    return ut


def eksporter(bruker, *, sti: str | Path, tidspunkt: datetime, skole: Skole | None = None,
              fra: date | None = None, til: date | None = None, test: bool = False,
              formal: str = "") -> Eksportresultat:
    """Write the ¤-file of everything not yet delivered (see the module docstring) to ``sti``
    and record it as a delivery (unless ``test``). ``tidspunkt``: A10, Norwegian local time."""
    tilgang.krev(bruker, "utstede", skole)
    tilgang.krev(bruker, "lese", skole)
    if fra and til and fra > til:
        raise VitnemalError(f"--fra {fra.isoformat()} er etter --til {til.isoformat()}")
    sti = Path(sti)
    res = Eksportresultat(fil=str(sti), test=test)
    with transaction.atomic():
        rader = _rader(ulevert(skole=skole, fra=fra, til=til))
        annulleringer = list(ulevert_annullering(skole=skole, fra=fra, til=til)
                             .select_related("dokument", "dokument__skole", "erstattet_av")
                             .defer("dokument__pdf", "dokument__dokument",
                                    "erstattet_av__pdf", "erstattet_av__dokument")
                             .order_by("dokument__orgnr", "dato", "id"))
        leveres, dokumenter = [], []
        for r in rader:
            dok = Dokument.from_json(r["tekst"])
            if fiktivt(dok.fodselsnummer, r["person__testdata"]):
                res.fiktive.append({"person": r["person_id"], "navn": r["person__navn"],
                                    "dokument": r["nummer"]})
                continue
            leveres.append(r)
            dokumenter.append(dok)
        res.dokumenter = [r["nummer"] for r in leveres]
        res.annulleringer = [a.dokument.nummer for a in annulleringer]
        _logg_lesing(bruker, rader, annulleringer, formal, test)
        if res.tom:
            return res
        skoler = {s.orgnr: s for s in Skole.objects.filter(
            pk__in={r["skole_id"] for r in leveres})}
        skoler.update({a.dokument.orgnr: a.dokument.skole for a in annulleringer})
        fil = eksport.lag_fil(
            dokumenter, (_annullering(a) for a in annulleringer),
            skolenr=_skolenr(skoler, dokumenter), tidspunkt=tidspunkt, test=test)
        res.tekst = skriv(fil)
        data = res.tekst.encode("utf-8")
        res.sha256 = hashlib.sha256(data).hexdigest()
        if not test:
            lev = NvbLevering.objects.create(
                bruker=bruker, filnavn=str(sti.resolve()), sha256=res.sha256, skole=skole,
                fra=fra, til=til, antall_dokumenter=len(leveres),
                antall_annulleringer=len(annulleringer))
            NvbLevert.objects.bulk_create(
                [NvbLevert(levering=lev, hva=NvbLevert.Hva.DOKUMENT, dokument_id=r["id"])
                 for r in leveres]
                + [NvbLevert(levering=lev, hva=NvbLevert.Hva.ANNULLERING, annullering=a)
                   for a in annulleringer], batch_size=500)
            res.levering_id = lev.pk
        try:
            skriv_atomisk(res.tekst, sti)
        except OSError as exc:
            raise VitnemalError(f"kan ikke skrive {sti}: {exc.strerror or exc}") from None
    return res


def _annullering(a: Annullering) -> eksport.Annulleringsdata:
    return eksport.Annulleringsdata(
        nummer=a.dokument.nummer, orgnr=a.dokument.orgnr, dato=a.dato,
        saksbehandler=a.saksbehandler,
        erstattet_av=a.erstattet_av.nummer if a.erstattet_av_id else "",
        arsak=a.arsak, fritekst=a.fritekst)


def _logg_lesing(bruker, rader, annulleringer, formal: str, test: bool) -> None:
    """Every person whose document is read for the export gets a read event (no fnr)."""
    personer = {r["person_id"] for r in rader} | {a.dokument.person_id for a in annulleringer}
    hva = "nvb-testfil" if test else "nvb-eksport"

    def ny(pid: int) -> Hendelse:
        h = hendelser.ny(bruker, Hendelse.Handling.LEST, formal=formal, hva=hva)
        h.person_id = pid
        return h

    hendelser.logg_mange(ny(pid) for pid in sorted(personer))


def leveringer(bruker, *, antall: int = 20) -> list[NvbLevering]:
    """The latest deliveries (no personal data)."""
    tilgang.krev(bruker, "lese")
    return list(NvbLevering.objects.order_by("-id")[:antall])
