"""Import of documents issued by another system, from its ¤-file (a county moving to vitnemal).

All or nothing: every problem of the file is listed at once (the parser's, with line, record
and field; the file control's FEIL; documents of another school; numbers the register already
has; values the core's document cannot hold) and then nothing is stored. Otherwise, in one
transaction, each ¤V becomes an issued document (``UtstedtDokument``, art «original») of the
person with that fødselsnummer (created when new), with the PDF rendered from the document as
the file gives it; each ¤D an annulment; and every number series moves past the highest
imported serial (001 §2.8: a number is never given twice; ``store.nummer.sett_neste``).

The documents were made from no record in this register: each gets a record version that says
so (``data`` = where it came from, not an elevmappe), so issuing for that person again asks
for an imported elevmappe first. Unless ``levert=False``, the import is recorded as an NVB
delivery of the file (the other system delivered them), so the next export does not resend.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.db import transaction

from vitnemal.errors import VitnemalError
from vitnemal.findings import Alvorlighet
from vitnemal.kodeverk import load
from vitnemal.nvb import kontroller
from vitnemal.nvb.dokumenter import Tilordningsfeil, fra_vgdok
from vitnemal.nvb.les import Lesing
from vitnemal.store import hendelser, kjerne, nummer, tilgang
from vitnemal.store.models import (
    Annullering,
    Elevmappeversjon,
    Fodselsnummerendring,
    Hendelse,
    NvbLevering,
    NvbLevert,
    Person,
    Skole,
    UtstedtDokument,
)

#: File checks that do not stop an import: the document is already issued; whether NVB may
#: have it is the export's business (003 A01).
IKKE_HINDER = {"NVB-FNR-FIKTIVT"}


@dataclass
class NvbImportFeil(VitnemalError):
    """Nothing was imported; ``problemer`` lists every reason (no fødselsnummer)."""

    problemer: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{len(self.problemer)} problem(er); ingenting er importert"


@dataclass
class Importresultat:
    dokumenter: list[dict] = field(default_factory=list)  # nummer, person, ny_person
    annulleringer: list[str] = field(default_factory=list)
    serier: dict[str, int] = field(default_factory=dict)  # «orgnr:år» → next serial
    levering_id: int | None = None

    def as_dict(self) -> dict:
        return {"dokumenter": self.dokumenter, "annulleringer": self.annulleringer,
                "serier": self.serier, "levering": self.levering_id}


def _problemer(lesing: Lesing, skole: Skole, testdata: bool) -> tuple[list[str], list]:
    """Every reason to refuse, and the documents as (Vgdok, Dokument) when there is none."""
    ut = [p.finding.melding for p in lesing.problemer
          if p.alvorlighet is Alvorlighet.FEIL]
    if not lesing.lest:
        return ut or ["filen kunne ikke leses"], []
    r = kontroller(lesing, testdata=testdata, retningslinjer=False)
    ut += [f.finding.melding for f in r.filfunn if f.alvorlighet is Alvorlighet.FEIL]
    for d in r.dokumenter:
        ut += [f.finding.melding for f in d.funn if f.alvorlighet is Alvorlighet.FEIL
               and f.regel not in IKKE_HINDER and f.klasse != "SYSTEM"
               and f.finding.melding not in ut]
    kv = load()
    doks = []
    for o in lesing.lesbart.organisasjoner:
        for vg in o.dokumenter:
            nr = vg.vgdoknr or "(uten nummer)"
            if vg.v.orgnr != skole.orgnr or nr[1:10] != skole.orgnr:
                ut.append(f"dokument {nr}: utstedt av {vg.v.orgnr}, ikke av skolen det "
                          f"importeres til ({skole.orgnr})")
            if nr[:1] not in ("V", "K"):
                ut.append(f"dokument {nr}: bare V- og K-nummer kan importeres (ikke testnummer)")
            try:
                doks.append((vg, fra_vgdok(vg, kv, skolenr=o.skolenr)))
            except Tilordningsfeil as e:
                ut.append(f"dokument {nr}: {e}")
    numre = [vg.vgdoknr for vg, _ in doks]
    for nr in UtstedtDokument.objects.filter(nummer__in=numre, tildelt=True).values_list(
            "nummer", flat=True):
        ut.append(f"dokument {nr} finnes allerede i registeret")
    fnr = {d.fodselsnummer for _, d in doks}
    erstattet = set(Fodselsnummerendring.objects.filter(gammelt__in=list(fnr))
                    .exclude(gammelt__in=Person.objects.values("fodselsnummer"))
                    .values_list("gammelt", flat=True))
    for vg, d in doks:
        if d.fodselsnummer in erstattet:
            ut.append(f"dokument {vg.vgdoknr}: personens fødselsnummer er erstattet i "
                      "registeret; rett filen")
    kjente = set(numre) | set(UtstedtDokument.objects.filter(
        nummer__in=[a.vgdoknr for a in lesing.lesbart.annulleringer()], tildelt=True)
        .values_list("nummer", flat=True))
    for a in lesing.lesbart.annulleringer():
        if a.vgdoknr not in kjente:
            ut.append(f"¤D for {a.vgdoknr}: dokumentet finnes verken i filen eller i registeret")
    return ut, doks


def importer(bruker, lesing: Lesing, skole: Skole, *, filnavn: str, data: bytes,
             testdata: bool = False, levert: bool = True, formal: str = "") -> Importresultat:
    """Import the documents of a parsed ¤-file for ``skole`` (see the module docstring);
    raises NvbImportFeil with every problem, storing nothing."""
    for handling in ("importere", "utstede", "forvalte"):
        tilgang.krev(bruker, handling, skole)
    with transaction.atomic():
        problemer, doks = _problemer(lesing, skole, testdata)
        if problemer:
            raise NvbImportFeil(problemer)
        if not doks and not any(True for _ in lesing.lesbart.annulleringer()):
            raise NvbImportFeil(["filen har ingen dokumenter"])
        return _lagre(bruker, lesing, skole, doks, filnavn=filnavn, data=data,
                      testdata=testdata, levert=levert, formal=formal)


def _person(bruker, fnr: str, navn: str, testdata: bool, formal: str,
            personer: dict[str, Person]) -> tuple[Person, bool]:
    p = personer.get(fnr) or Person.objects.filter(fodselsnummer=fnr).first()
    ny = p is None
    if ny:
        p = Person.objects.create(fodselsnummer=fnr, navn=navn, testdata=testdata)
        hendelser.logg(bruker, Hendelse.Handling.PERSON_OPPRETTET, formal=formal, person=p,
                       kilde="nvb-import")
    personer[fnr] = p
    return p, ny


def _versjon(bruker, p: Person, skole: Skole, nr: str, filnavn: str) -> Elevmappeversjon:
    forrige = (Elevmappeversjon.objects.filter(person=p).order_by("-versjon")
               .values_list("versjon", flat=True).first()) or 0
    data = {"kilde": "nvb-import", "vgdoknr": nr}
    return Elevmappeversjon.objects.create(
        person=p, skole=skole, versjon=forrige + 1, data=data,
        sha256=kjerne.fingeravtrykk(data), bruker=bruker,
        arsak=f"dokument {nr} importert fra ¤-fil (utstedt i et annet system)",
        kilde=filnavn[:500])


def _lagre(bruker, lesing: Lesing, skole: Skole, doks: list, *, filnavn: str, data: bytes,
           testdata: bool, levert: bool, formal: str) -> Importresultat:
    res = Importresultat()
    personer: dict[str, Person] = {}
    rader: dict[str, UtstedtDokument] = {}
    hoyeste: dict[tuple[str, int], int] = {}
    for vg, dok in doks:
        p, ny = _person(bruker, dok.fodselsnummer, dok.navn, testdata, formal, personer)
        versjon = _versjon(bruker, p, skole, vg.vgdoknr, filnavn)
        pdf = kjerne.render_pdf(dok)
        nr = vg.vgdoknr
        ar, lnr = int(nr[10:14]), int(nr[14:])
        rad = UtstedtDokument.objects.create(
            nummer=nr, tildelt=True, type=dok.type.value, orgnr=skole.orgnr, ar=ar,
            lopenummer=lnr, art=UtstedtDokument.Art.ORIGINAL, person=p, skole=skole,
            mappeversjon=versjon, dokument=kjerne.som_dict(dok), pdf=pdf,
            sha256=kjerne.sha256(pdf), regelsett_versjon="nvb-import",
            kodeverk_versjon=kjerne.kodeverk_versjon(), programversjon=kjerne.programversjon(),
            utstedt=dok.koder.dato, maalform=dok.maalform,
            underskrivere=list(dok.underskrivere),
            forstegangsvitnemal=dok.forstegangsvitnemal, bruker=bruker)
        hendelser.logg(bruker, Hendelse.Handling.UTSTEDT, formal=formal, dokument=rad,
                       person=p, type=rad.type, art=rad.art, kilde="nvb-import")
        rader[nr] = rad
        hoyeste[skole.orgnr, ar] = max(hoyeste.get((skole.orgnr, ar), 0), lnr)
        res.dokumenter.append({"nummer": nr, "person": p.pk, "ny_person": ny})
    annullert = []
    for a in lesing.lesbart.annulleringer():
        d = rader.get(a.vgdoknr) or UtstedtDokument.objects.get(nummer=a.vgdoknr, tildelt=True)
        erstatter = (rader.get(a.vgdoknr_erstattes_av) or UtstedtDokument.objects.filter(
            nummer=a.vgdoknr_erstattes_av, tildelt=True).first()) if a.vgdoknr_erstattes_av else None
        ann = Annullering.objects.create(
            dokument=d, dato=a.dato_annullert or d.utstedt, arsak=(
                a.annulleringaarsakkode if a.annulleringaarsakkode in Annullering.Arsak.values
                else "ANN"), saksbehandler=a.saksbehandler or bruker.username,
            fritekst=a.fritekst or "", erstattet_av=erstatter, bruker=bruker)
        hendelser.logg(bruker, Hendelse.Handling.ANNULLERT, formal=formal, dokument=d,
                       person=d.person, arsak=ann.arsak, kilde="nvb-import")
        res.annulleringer.append(d.nummer)
        annullert.append(ann)
    for (orgnr, ar), lnr in sorted(hoyeste.items()):
        if nummer.siste(orgnr, ar) < lnr:
            nummer.sett_neste(orgnr, ar, lnr + 1)
            hendelser.logg(bruker, Hendelse.Handling.NUMMERSERIE, formal=formal, skole=skole,
                           orgnr=orgnr, ar=ar, neste=lnr + 1, kilde="nvb-import")
        res.serier[f"{orgnr}:{ar}"] = nummer.siste(orgnr, ar) + 1
    if levert and (rader or annullert):
        lev = NvbLevering.objects.create(
            bruker=bruker, filnavn=filnavn, sha256=hashlib.sha256(data).hexdigest(), skole=skole,
            antall_dokumenter=len(rader), antall_annulleringer=len(annullert))
        NvbLevert.objects.bulk_create(
            [NvbLevert(levering=lev, hva=NvbLevert.Hva.DOKUMENT, dokument=r)
             for r in rader.values()]
            + [NvbLevert(levering=lev, hva=NvbLevert.Hva.ANNULLERING, annullering=a)
               for a in annullert])
        res.levering_id = lev.pk
    return res
