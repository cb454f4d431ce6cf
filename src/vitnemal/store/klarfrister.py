"""The start page's deadlines (issue 16): the årshjul's next entries and NVB's 1 July, each
with its readiness check (``arshjul.klarsjekk``) and, where a count query gives it, how many
are not ready at the user's schools (``klar.tell``). The other checks validate every record
(``klar.kjor``), too slow for a start page on a large register: the page links them to the
«Klar til frist» page, which runs them for one school."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from vitnemal.store import klar


@dataclass(frozen=True)
class Fristsjekk:
    navn: str
    beskrivelse: str
    antall: int | None  # None: not counted on the start page (run it on the «klar» page)


@dataclass
class Fristrad:
    start: date
    slutt: date
    hva: str
    sjekker: list[Fristsjekk] = field(default_factory=list)


def neste(bruker, i_dag: date, *, dager: int = 90, antall: int = 8) -> list[Fristrad]:
    """The deadlines with a readiness check in the next ``dager`` days, and the first
    ``antall`` other entries of the årshjul, by date."""
    from vitnemal.arshjul import seed_arshjul, timeline
    from vitnemal.arshjul.klarsjekk import KLARSJEKKER, frister

    til = i_dag + timedelta(days=dager)
    rader = [Fristrad(h.start, h.slutt, h.hva,
                      [h.oppforing.klarsjekk] if h.oppforing.klarsjekk else [])
             for h in timeline(seed_arshjul(), i_dag, til)]
    nvb: dict[date, Fristrad] = {}
    for f in frister([], i_dag, til):  # no årshjul entries: NVB's deadline only
        nvb.setdefault(f.dato, Fristrad(f.dato, f.dato, f.hva)).sjekker.append(f.klarsjekk)
    med = [r for r in rader if r.sjekker] + list(nvb.values())  # every deadline with a check
    rader = sorted(med + [r for r in rader if not r.sjekker][:antall],
                   key=lambda r: (r.start, r.slutt))
    navn = sorted({n for r in rader for n in r.sjekker})
    tall = klar.tell(bruker, navn)
    for r in rader:
        r.sjekker = [Fristsjekk(n, KLARSJEKKER[n].beskrivelse, tall.get(n)) for n in r.sjekker]
    return rader
