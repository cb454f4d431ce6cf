"""Readiness checks (``arshjul.klarsjekk``) against the register: for each check, how many and
which persons are concerned — by name and record id (person and version), never by
fødselsnummer. Reads only; every person named is logged as a read (audit).

The checks read each person's latest record version (the one that would be issued from) and
the issued documents:

- ``karakterer_registrert``: fag rows of the period's termin (V before August, H after) with
  neither standpunkt nor eksamen, not quit;
- ``eksamensresultater_lanekassen``: rows of the period with an exam form but no exam grade;
- ``halvarsvurdering_registrert``: halvårsvurdering rows with no grade;
- ``fullfortkoder_satt``: programme lines of school years begun before the deadline for which
  no fullførtkode can be set (``rules.fullfortkode.beregn`` gives none);
- ``resultater_ssb``: the two above that concern the school year: rows without grade and lines
  without fullførtkode;
- ``klage_ny_eksamen_oppdatert``: a valid issued document made from an older version than the
  latest (grades changed after issue, e.g. after a complaint or a new exam, not yet reissued);
- ``vitnemal_utstedt``: the latest record gives a document without FEIL (finished) but the
  person has no valid issued document of that type;
- ``dokumenter_uten_feil``: the latest record gives FEIL (cannot be issued);
- ``nvb_levert``: issued documents (and annulments) not yet delivered to NVB.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from vitnemal.arshjul.klarsjekk import KLARSJEKKER
from vitnemal.dokument.model import Dokumenttype
from vitnemal.errors import InputError
from vitnemal.model.enums import Vurdering
from vitnemal.store import hendelser, kjerne, tilgang
from vitnemal.store.models import Elevmappeversjon, Hendelse, Skole, UtstedtDokument
from vitnemal.store.services.utstedelse import GJELDENDE_ARTER, klargjor


@dataclass(frozen=True)
class Berort:
    person_id: int
    navn: str
    versjon: int | None  # the record version concerned (None: a document's person)
    detalj: str

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Klarresultat:
    navn: str
    beskrivelse: str
    berorte: list[Berort] = field(default_factory=list)

    @property
    def antall(self) -> int:
        return len(self.berorte)

    def as_dict(self) -> dict:
        return {"navn": self.navn, "beskrivelse": self.beskrivelse, "antall": self.antall,
                "berorte": [b.as_dict() for b in self.berorte]}


def _termin(dato: date) -> str:
    return f"{'V' if dato.month <= 7 else 'H'}{dato.year}"


class _Mappe:
    """One latest record version, validated once, with what the checks share."""

    def __init__(self, v: Elevmappeversjon, dato: date):
        self.v, self.dato = v, dato
        try:
            self.mappe = kjerne.mappe_fra_data(v.data, testdata=v.person.testdata,
                                               navn=f"person {v.person_id}")
        except InputError:
            self.mappe = None
        self._dok = None

    def berort(self, detalj: str) -> Berort:
        return Berort(self.v.person_id, self.v.person.navn, self.v.versjon, detalj)

    def dokument(self):
        """(Dokument | None, FEIL) for issue on the date (composed once)."""
        if self._dok is None:
            self._dok = klargjor(self.v, dato=self.dato) if self.mappe is not None else (
                None, ["elevmappen er ikke gyldig"])
        return self._dok


def _uten_karakter(m: _Mappe, termin: str | None) -> list[str]:
    return [f.fagkode for f in m.mappe.fag if (termin is None or f.termin == termin)
            and f.standpunkt is None and f.eksamen is None and not f.sluttet
            and f.vurdering is Vurdering.STANDPUNKT]


def _uten_fullfortkode(m: _Mappe) -> list[str]:
    from vitnemal.rules.fullfortkode import beregn

    foer = m.dato.year if m.dato.month >= 8 else m.dato.year - 1
    return [f"{k.programomrade} {k.skolear}" for k in beregn(m.mappe)
            if int(k.skolear[:4]) <= foer and k.kode is None]


def _mappesjekk(navn: str, m: _Mappe, gjeldende: dict[int, list[UtstedtDokument]]) -> str:
    """The detail when record ``m`` fails check ``navn``, else ""."""
    if navn == "dokumenter_uten_feil":
        dok, feil = m.dokument()
        return f"{len(feil)} FEIL" if dok is None else ""
    if m.mappe is None:
        return "elevmappen er ikke gyldig" if navn != "klage_ny_eksamen_oppdatert" else ""
    termin = _termin(m.dato)
    if navn == "karakterer_registrert":
        fag = _uten_karakter(m, termin)
        return f"uten karakter i {termin}: {', '.join(fag)}" if fag else ""
    if navn == "eksamensresultater_lanekassen":
        fag = [f.fagkode for f in m.mappe.fag if f.termin == termin and f.eksamensform
               and f.eksamen is None]
        return f"eksamen uten resultat i {termin}: {', '.join(fag)}" if fag else ""
    if navn == "halvarsvurdering_registrert":
        fag = [f.fagkode for f in m.mappe.fag if f.vurdering is Vurdering.HALVAR
               and f.standpunkt is None and not f.sluttet]
        return f"halvårsvurdering mangler: {', '.join(fag)}" if fag else ""
    if navn == "fullfortkoder_satt":
        linjer = _uten_fullfortkode(m)
        return f"uten fullførtkode: {', '.join(linjer)}" if linjer else ""
    if navn == "resultater_ssb":
        deler = [_mappesjekk(n, m, gjeldende) for n in ("karakterer_registrert",
                                                        "fullfortkoder_satt")]
        return "; ".join(d for d in deler if d)
    if navn == "klage_ny_eksamen_oppdatert":
        eldre = [d.nummer for d in gjeldende.get(m.v.person_id, [])
                 if d.mappeversjon_id != m.v.pk]
        return f"elevmappen er endret etter at {', '.join(eldre)} ble utstedt" if eldre else ""
    if navn == "vitnemal_utstedt":
        dok, _ = m.dokument()
        if dok is None:
            return ""
        if not any(d.type == dok.type.value for d in gjeldende.get(m.v.person_id, [])):
            typ = "vitnemål" if dok.type is Dokumenttype.VITNEMAL else "kompetansebevis"
            return f"har fullført ({typ}), men ikke fått dokumentet utstedt"
        return ""
    raise ValueError(f"ukjent klarsjekk {navn}")


def _nvb_levert(skole: Skole | None, ids: set[int] | None = None) -> list[Berort]:
    from vitnemal.store.services import nvb

    ut = []
    dokumenter, annulleringer = nvb.ulevert(skole=skole), nvb.ulevert_annullering(skole=skole)
    if ids is not None:
        dokumenter = dokumenter.filter(skole_id__in=ids)
        annulleringer = annulleringer.filter(dokument__skole_id__in=ids)
    for d in dokumenter.defer("pdf").select_related("person").order_by("id"):
        fiktivt = nvb.fiktivt(d.dokument.get("fodselsnummer", ""), d.person.testdata)
        ut.append(Berort(d.person_id, d.person.navn, None, f"{d.nummer} ikke levert" + (
            " (fiktivt fødselsnummer: leveres ikke, følg opp)" if fiktivt else "")))
    for a in annulleringer.select_related("dokument__person"):
        ut.append(Berort(a.dokument.person_id, a.dokument.person.navn, None,
                         f"annullering av {a.dokument.nummer} ikke levert"))
    return ut


def kjor(bruker, navn: list[str], *, dato: date, skole: Skole | None = None,
         formal: str = "") -> list[Klarresultat]:
    """The checks ``navn`` (registry names) on the register as of ``dato``, at ``skole`` or
    (None) at every school the user may read."""
    tilgang.krev(bruker, "lese", skole)
    ids = tilgang.skoler(bruker, "lese") if skole is None else None
    ukjente = [n for n in navn if n not in KLARSJEKKER]
    if ukjente:
        raise InputError(f"ukjente klarsjekker: {', '.join(ukjente)}")
    ut = [Klarresultat(n, KLARSJEKKER[n].beskrivelse) for n in navn]
    mappesjekker = [r for r in ut if r.navn != "nvb_levert"]
    if mappesjekker:
        qs = Elevmappeversjon.objects.select_related("person", "skole", "skole__fylke")
        if skole is not None:
            qs = qs.filter(skole=skole)
        elif ids is not None:
            qs = qs.filter(skole_id__in=ids)
        siste: dict[int, Elevmappeversjon] = {}
        for v in qs.order_by("person_id", "versjon"):
            siste[v.person_id] = v
        gjeldende: dict[int, list[UtstedtDokument]] = {}
        for d in (UtstedtDokument.objects.filter(person_id__in=list(siste),
                                                 art__in=GJELDENDE_ARTER,
                                                 annullering__isnull=True)
                  .only("id", "person_id", "type", "nummer", "mappeversjon_id")):
            gjeldende.setdefault(d.person_id, []).append(d)
        for v in siste.values():
            if v.data.get("kilde") == "nvb-import":  # no elevmappe: a document from a ¤-file
                continue
            m = _Mappe(v, dato)
            for r in mappesjekker:
                detalj = _mappesjekk(r.navn, m, gjeldende)
                if detalj:
                    r.berorte.append(m.berort(detalj))
    for r in ut:
        if r.navn == "nvb_levert":
            r.berorte = _nvb_levert(skole, ids)
    personer = sorted({b.person_id for r in ut for b in r.berorte})

    def lest(pid: int) -> Hendelse:
        h = hendelser.ny(bruker, Hendelse.Handling.LEST, formal=formal, hva="klarsjekk")
        h.person_id = pid
        return h

    hendelser.logg_mange(lest(pid) for pid in personer)
    return ut


BILLIGE = ("nvb_levert", "klage_ny_eksamen_oppdatert")
"""The checks ``tell`` counts with count queries (the others validate every record)."""


def tell(bruker, navn: list[str]) -> dict[str, int]:
    """The counts of the cheap checks among ``navn`` (``BILLIGE``) at the schools the user may
    read, as ``kjor`` (skole None) would give them, by count queries — for the start page of a
    register of 100,000 persons. Counts only: no person is named, nothing is logged.
    (``klage_ny_eksamen_oppdatert`` also counts a person whose latest record no longer
    validates, which ``kjor`` leaves out.)"""
    from django.db.models import Exists, F, OuterRef, Subquery

    from vitnemal.store.services import nvb

    ids = tilgang.skoler(bruker, "lese")
    if ids is not None and not ids:
        return {n: 0 for n in navn if n in BILLIGE}
    ut = {}
    if "nvb_levert" in navn:
        dokumenter, annulleringer = nvb.ulevert(), nvb.ulevert_annullering()
        if ids is not None:
            dokumenter = dokumenter.filter(skole_id__in=ids)
            annulleringer = annulleringer.filter(dokument__skole_id__in=ids)
        ut["nvb_levert"] = dokumenter.count() + annulleringer.count()
    if "klage_ny_eksamen_oppdatert" in navn:
        versjoner = Elevmappeversjon.objects.filter(person=OuterRef("person_id"))
        if ids is not None:
            versjoner = versjoner.filter(skole_id__in=ids)
        siste = versjoner.order_by("-versjon").values("pk")[:1]
        nvb_import = Elevmappeversjon.objects.filter(pk=OuterRef("siste"),
                                                     data__kilde="nvb-import")
        ut["klage_ny_eksamen_oppdatert"] = (
            UtstedtDokument.objects.filter(art__in=GJELDENDE_ARTER, annullering__isnull=True)
            .annotate(siste=Subquery(siste)).filter(siste__isnull=False)
            .exclude(mappeversjon_id=F("siste")).exclude(Exists(nvb_import))
            .values("person_id").distinct().count())
    return ut
