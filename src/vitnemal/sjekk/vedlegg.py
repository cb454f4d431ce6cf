"""Checks of attachments to the document (001 §2.10)."""

from __future__ import annotations

from vitnemal.findings import Alvorlighet
from vitnemal.sjekk.katalog import DOKUMENT, Avvik, kontroll
from vitnemal.sjekk.kontekst import fagsti


def viser_til_vedlegg(ktx) -> list[tuple[str, str | None, str | None]]:
    """The remarks on the record whose printed text says there is an attachment («jf. vedlegg»,
    «dokumentert i vedlegg»): (code, fagkode or None, JSON path). Read from the kodeverk's
    bokmål text, so a new remark of that kind needs no code change."""
    def nevner(kode: str, tabell) -> bool:
        e = tabell.get(kode)
        return e is not None and "vedlegg" in e.tekster.get("nb", "").lower()

    out = [(f.fagmerknad.kode, f.fagkode, fagsti(i, "fagmerknad")) for i, f in ktx.trykte_fag()
           if f.fagmerknad and nevner(f.fagmerknad.kode, ktx.kv.fagmerknader)]
    out += [(m.kode, None, ktx.vmmsti(i)) for i, m in enumerate(ktx.merknader)
            if nevner(m.kode, ktx.kv.vitnemalsmerknader)]
    return out


@kontroll("VEDLEGG-UTEN-MERKNAD", "001 §2.10", Alvorlighet.FEIL, "Vedlegg uten merknad som viser til det", trenger=DOKUMENT)
def vedlegg_uten_merknad(ktx):
    """Ref: 001 §2.10 — «Det skal framgå av fag- eller vitnemålsmerknaden at vitnemålet/
    kompetansebeviset har vedlegg.»"""
    if ktx.dokument.vedlegg and not viser_til_vedlegg(ktx):
        yield Avvik("elevmappen har vedlegg, men ingen fag- eller vitnemålsmerknad viser til det "
                    "(f.eks. FAM03 «Jf. vedlegg» eller VMM23 «Jf. vedlegg.»)",
                    sti=ktx.sti("$.vedlegg"))


@kontroll("MERKNAD-UTEN-VEDLEGG", "001 §2.10", Alvorlighet.VARSEL, "Merknad viser til vedlegg som mangler", trenger=DOKUMENT)
def merknad_uten_vedlegg(ktx):
    """Ref: 001 §2.10 — «Dersom vedlegget er utstedt av en annen instans, må skolen/
    fylkeskommunen føre de nødvendige identifikasjonsopplysninger som mangler og påføre skolens
    eller fylkeskommunens stempel og underskrifter». A remark points at an attachment the
    record does not hold: it must be written here or come from elsewhere and be marked so."""
    if ktx.dokument.vedlegg:
        return
    for kode, fagkode, sti in viser_til_vedlegg(ktx):
        hvor = f" på {fagkode}" if fagkode else ""
        yield Avvik(f"{kode}{hvor} viser til et vedlegg, men elevmappen har ikke noe vedlegg; "
                    "legg det inn, eller merk et vedlegg fra en annen instans med navn, "
                    "fødselsnummer, dokumentnummer, stempel og underskrifter",
                    fagkode=fagkode, merknad=kode, sti=sti)
