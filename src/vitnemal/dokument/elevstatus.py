"""Who gets orden, adferd and fravær on the document (001 §2.7, §5.6, §7.7, §8.1)."""

from __future__ import annotations

from vitnemal.model import Elevmappe, Fag, Status

#: Fag rows that are not taken as elev although they carry a standpunkt column: fritak for
#: lærlinger, praksiskandidater and kandidater for fagbrev på jobb (001 §9.5, §9.8), and fag
#: taken at ungdomstrinnet, whose orden/adferd stand on the grunnskole vitnemål (001 §7.7).
IKKE_ELEVFAG_MERKNADER = ("FAM38", "FAM40", "FAM55", "FAM34")


def tatt_som_elev(fag: Fag) -> bool:
    """Ref: 001 §5.6 — «Dere skal føre karakterer i orden og i adferd dersom minst ett av fagene
    er tatt som elev.» A fag is taken as elev when it has a standpunkt (or halvår) grade, is not
    taken as privatist and is not a fritak for lærlinger/praksiskandidater."""
    if fag.privatist or fag.standpunkt is None:
        return False
    return not (fag.fagmerknad and fag.fagmerknad.kode in IKKE_ELEVFAG_MERKNADER)


def skal_ha_orden_adferd(mappe: Elevmappe) -> bool:
    """Ref: 001 §2.7 — «Det er bare elever som skal ha standpunktkarakterer i orden og adferd.
    Lærlinger, praksisbrevkandidater og lærekandidater skal ikke …» and «Voksne skal ikke ha
    karakter i orden og adferd»; 001 §5.6 — also «lærlinger, praksisbrevkandidater og
    lærekandidater som tar ett eller flere fag som elev i skole».

    True when the person is not a voksen deltaker and at least one fag is taken as elev.
    """
    if mappe.person.status is Status.VOKSEN:
        return False
    return any(tatt_som_elev(f) for f in mappe.fag)


def skal_ha_fravaer(mappe: Elevmappe) -> bool:
    """Ref: 001 §8.1 — «Dere fører fravær dersom minst ett av fagene er tatt som elev»; 001 §2.7 —
    no fravær for «voksne som får opplæring etter opplæringsloven kapittel 4A»."""
    if mappe.person.status is Status.VOKSEN:
        return False
    return any(tatt_som_elev(f) for f in mappe.fag)


def skolear(mappe: Elevmappe) -> list[str]:
    """The distinct school years of the programme area lines, in order (1. år, 2. år …)."""
    return sorted({p.skolear for p in mappe.programomrader})


def utlandsar(mappe: Elevmappe) -> list[int]:
    """Ref: 001 §2.7 — no fravær for «elever som har et år i utlandet og som ikke har fravær på sin
    dokumentasjon fra utlandet». The year numbers (1 …) whose programme area was taken abroad."""
    ar = skolear(mappe)
    return sorted({ar.index(p.skolear) + 1 for p in mappe.programomrader if p.utland})


def antall_fravaersar(mappe: Elevmappe, linjer) -> int:
    """Ref: 001 §2.7 — «Fravær spesifisert for hvert år»; a fourth (and fifth) year is printed for
    løp longer than three years and for extended time. At least three lines, as on the blankett.
    ``linjer``: the lines printed (``lop.linjer``)."""
    ar = [f.ar for f in mappe.fravaer]
    hoyeste = max((p.niva.nummer for p in linjer), default=0)
    return min(5, max([3, hoyeste, len(skolear(mappe)), *ar]))
