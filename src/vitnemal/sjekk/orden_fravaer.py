"""Checks of orden, adferd and fravær, and of documents for adults (001 §2.7, §5.6, §7.4, §8.1)."""

from __future__ import annotations

from vitnemal.dokument import elevstatus
from vitnemal.findings import Alvorlighet
from vitnemal.model import Status
from vitnemal.sjekk.katalog import MAPPE, Avvik, kontroll

FEIL, VARSEL = Alvorlighet.FEIL, Alvorlighet.VARSEL


def _hvem(ktx) -> str:
    if ktx.mappe.person.status is Status.VOKSEN:
        return "voksne deltakere (opplæringsloven kapittel 4A)"
    return "personer uten fag tatt som elev"


@kontroll("ORDEN-ADFERD-SKAL-IKKE", "001 §2.7", VARSEL, "Orden og adferd for en som ikke skal ha det", trenger=MAPPE)
def orden_adferd_skal_ikke(ktx):
    """Ref: 001 §2.7 — «Det er bare elever som skal ha standpunktkarakterer i orden og adferd …
    Voksne skal ikke ha karakter i orden og adferd.» Registered grades are not printed."""
    if elevstatus.skal_ha_orden_adferd(ktx.mappe):
        return
    if ktx.mappe.orden or ktx.mappe.adferd:
        yield Avvik(f"orden/adferd er registrert, men skal ikke føres for {_hvem(ktx)}; de "
                    "skrives ikke ut", sti="$.orden")


@kontroll("ORDEN-ADFERD-MANGLER", "001 §5.6", FEIL, "Orden og adferd mangler", trenger=MAPPE)
def orden_adferd_mangler(ktx):
    """Ref: 001 §5.6 — «Dere skal føre karakterer i orden og i adferd dersom minst ett av fagene er
    tatt som elev»; «På vitnemålet skal dere føre standpunktkarakter i orden og i adferd for det
    siste årstrinnet eleven hadde elevstatus i minst ett fag»."""
    if not elevstatus.skal_ha_orden_adferd(ktx.mappe):
        return
    for felt, navn in (("orden", "orden"), ("adferd", "adferd")):
        if getattr(ktx.mappe, felt) is None:
            yield Avvik(f"karakter i {navn} mangler (minst ett fag er tatt som elev)", sti=f"$.{felt}")


@kontroll("FRAVAER-SKAL-IKKE", "001 §2.7", VARSEL, "Fravær for en som ikke skal ha det", trenger=MAPPE)
def fravaer_skal_ikke(ktx):
    """Ref: 001 §2.7 — «Dere skal ikke føre fravær for … voksne som får opplæring etter
    opplæringsloven kapittel 4A»; 001 §8.1 — only «dersom minst ett av fagene er tatt som elev».
    Registered fravær is not printed."""
    if not elevstatus.skal_ha_fravaer(ktx.mappe) and ktx.mappe.fravaer:
        yield Avvik(f"fravær er registrert, men skal ikke føres for {_hvem(ktx)}; det skrives ikke "
                    "ut", sti="$.fravaer")


@kontroll("FRAVAER-MANGLER", "001 §8.1", FEIL, "Fravær mangler", trenger=MAPPE)
def fravaer_mangler(ktx):
    """Ref: 001 §8.1 — «I videregående opplæring skal dere føre alt fravær for elever … Når en elev
    ikke har fravær, skal det stå 0 (fravær skal føres med tall), ikke stiplet linje.» Formalised:
    some fravær must be registered when fag are taken as elev (per year: ikke formalisert, years
    in a company or abroad have none)."""
    if elevstatus.skal_ha_fravaer(ktx.mappe) and not ktx.mappe.fravaer:
        yield Avvik("fravær mangler; minst ett fag er tatt som elev (0 føres som 0)", sti="$.fravaer")


@kontroll("FRAVAER-UTLAND", "001 §2.7", VARSEL, "Fravær for et år i utlandet", trenger=MAPPE)
def fravaer_utland(ktx):
    """Ref: 001 §2.7 — «Dere skal ikke føre fravær for … elever som har et år i utlandet og som
    ikke har fravær på sin dokumentasjon fra utlandet»: check that the foreign documentation has it."""
    utland = set(elevstatus.utlandsar(ktx.mappe))
    for i, f in enumerate(ktx.mappe.fravaer):
        if f.ar in utland:
            yield Avvik(f"fravær er ført for {f.ar}. år, som ble tatt i utlandet; før det bare om "
                        "dokumentasjonen fra utlandet har fravær", sti=f"$.fravaer[{i}]")


@kontroll("VOKSEN-VMM36", "001 §7.4", FEIL, "VMM36 på vitnemål for voksne", trenger=MAPPE)
def voksen_vmm36(ktx):
    """Ref: 001 §7.4 — «På vitnemål for voksne fører dere VMM36 ‹Opplæring etter opplæringsloven
    § 4A-3›.»"""
    if ktx.vitnemal and ktx.mappe.person.status is Status.VOKSEN and "VMM36" not in ktx.merknadskoder():
        yield Avvik("vitnemål for voksne skal ha VMM36 «Opplæring etter opplæringsloven § 4A-3»",
                    merknad="VMM36")
