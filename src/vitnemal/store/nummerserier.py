"""The number series of the schools a user administers (issue 16, ``/nummerserier/``): per
school and year the last serial allocated, how many documents, how many annulled, and the gaps
(there must be none). No personal data: schools, years, serials and counts only.

Ref: 001 §2.8 — «Løpenummeret genereres fortløpende»: every serial 1 … last of an orgnr and
year belongs to a document in the register, or was reserved for numbers issued in another
system (``vitnemal skole nummer``, NVB import: ``Hendelse.Handling.NUMMERSERIE``). Any other
missing serial is a gap.

Cheap on a large register: one grouped count over the documents, one read of the series
counters, and the serials of a series are read only when its counts say something is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Max, Q

from vitnemal.store import nummer, tilgang
from vitnemal.store.models import Hendelse, Skole, UtstedtDokument


@dataclass
class Serie:
    skole: Skole
    orgnr: str
    ar: int
    siste: int  # the counter: the last serial allocated (0: none)
    tildelt: int = 0  # documents that were given a serial
    dokumenter: int = 0  # every document of the series (also duplicates keeping their number)
    annullert: int = 0
    hoyeste: int = 0  # the highest serial of a document in the register
    reservert: list[tuple[int, int]] = field(default_factory=list)
    hull: list[tuple[int, int]] = field(default_factory=list)

    @property
    def antall_hull(self) -> int:
        return sum(b - a + 1 for a, b in self.hull)

    @property
    def hull_tekst(self) -> str:
        return _intervaller(self.hull)

    @property
    def reservert_tekst(self) -> str:
        return _intervaller(self.reservert)


def _intervaller(deler: list[tuple[int, int]]) -> str:
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in deler)


def _som_intervaller(tall: list[int]) -> list[tuple[int, int]]:
    ut: list[tuple[int, int]] = []
    for t in sorted(tall):
        if ut and t == ut[-1][1] + 1:
            ut[-1] = (ut[-1][0], t)
        else:
            ut.append((t, t))
    return ut


def _reservert(skole: Skole, orgnr: str, ar: int) -> set[int]:
    """Serials reserved for another system's documents: below each «next number» set by hand
    (from the series' previous last) or by an NVB import (below the imported serials)."""
    ut: set[int] = set()
    for d in (Hendelse.objects.filter(handling=Hendelse.Handling.NUMMERSERIE, detaljer__ar=ar)
              .filter(Q(detaljer__orgnr=orgnr) | Q(skole=skole))
              .values_list("detaljer", flat=True)):
        if d.get("orgnr", orgnr) != orgnr:  # an NVB import names the series' orgnr
            continue
        fra = d.get("forrige_siste", 0) or 0
        ut.update(range(fra + 1, int(d["neste"])))
    return ut


def _finn_hull(s: Serie) -> None:
    brukt = set(UtstedtDokument.objects.filter(orgnr=s.orgnr, ar=s.ar, tildelt=True)
                .values_list("lopenummer", flat=True))
    mangler = set(range(1, max(s.siste, s.hoyeste) + 1)) - brukt
    reservert = _reservert(s.skole, s.orgnr, s.ar) & mangler
    s.reservert = _som_intervaller(list(reservert))
    s.hull = _som_intervaller(list(mangler - reservert))


def serier(bruker) -> list[Serie]:
    """The number series of the schools where ``bruker`` may ``forvalte``, by school and year
    (newest year first)."""
    from sequences.models import Sequence

    tilgang.krev(bruker, "forvalte")
    ids = tilgang.skoler(bruker, "forvalte")
    skoler = Skole.objects.all() if ids is None else Skole.objects.filter(pk__in=ids)
    skoler_per_orgnr = {s.orgnr: s for s in skoler}
    per_pk = {s.pk: s for s in skoler_per_orgnr.values()}
    ut: dict[tuple[str, int], Serie] = {}
    rader = (UtstedtDokument.objects.filter(skole_id__in=list(per_pk))
             .values("skole_id", "orgnr", "ar")
             .annotate(n_dok=Count("id"), n_tildelt=Count("id", filter=Q(tildelt=True)),
                       n_annullert=Count("id", filter=Q(annullering__isnull=False)),
                       maks=Max("lopenummer", filter=Q(tildelt=True)))
             .order_by())
    for r in rader:
        s = ut.setdefault((r["orgnr"], r["ar"]), Serie(per_pk[r["skole_id"]], r["orgnr"],
                                                        r["ar"], 0))
        s.dokumenter += r["n_dok"]
        s.tildelt += r["n_tildelt"]
        s.annullert += r["n_annullert"]
        s.hoyeste = max(s.hoyeste, r["maks"] or 0)
    tellere = Sequence.objects.filter(name__startswith="dokumentnummer:")
    if ids is not None:
        q = Q(pk__in=[])
        for orgnr in skoler_per_orgnr:
            q |= Q(name__startswith=nummer.serienavn(orgnr, 0)[:-4])
        tellere = tellere.filter(q)
    for sekv in tellere:
        _, orgnr, ar = sekv.name.split(":")
        if orgnr in skoler_per_orgnr:
            s = ut.setdefault((orgnr, int(ar)), Serie(skoler_per_orgnr[orgnr], orgnr, int(ar),
                                                      0))
            s.siste = sekv.last
    for s in ut.values():
        if s.tildelt != max(s.siste, s.hoyeste):  # something is missing: which serials
            _finn_hull(s)
    return sorted(ut.values(), key=lambda s: (s.skole.navn, s.orgnr, -s.ar))
