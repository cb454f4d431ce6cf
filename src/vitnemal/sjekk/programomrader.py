"""Checks of the programme area lines (001 §2.3, §4.1, §7.7, §13.2)."""

from __future__ import annotations

from vitnemal.dokument import lop
from vitnemal.findings import Alvorlighet
from vitnemal.kodeverk import programomradekode_feil
from vitnemal.sjekk.katalog import DOKUMENT, MAPPE, Avvik, kontroll

FEIL, VARSEL = Alvorlighet.FEIL, Alvorlighet.VARSEL


@kontroll("PROGRAMOMRADE-FORMAT", "001 §2.3", FEIL, "Programområdekodens form", trenger=DOKUMENT)
def programomrade_format(ktx):
    """Ref: 001 §2.3 — «Det er kun de sentralt gitte programområdekodene som kan føres … Disse har
    formen 5 bokstaver, 1 tall og 4 bindestreker» (exceptions: Den Tyske Skole, Steiner- og
    Montessoriskoler, GSGSK0VG--, 001 §13.2 R94, 004 komprimerte løp)."""
    for p in ktx.koder.programomrader:
        why = programomradekode_feil(p.kode)
        if why:
            yield Avvik(f"programområdekoden {p.kode}: {why}", sti=ktx.linjesti(p.indeks, "kode"))


@kontroll("PROGRAMOMRADE-MAKS-FIRE", "001 §2.3", FEIL, "Høyst fire programområdelinjer", trenger=DOKUMENT)
def programomrade_maks_fire(ktx):
    """Ref: 001 §2.3 — «Dere kan føre inntil fire linjer med utdanningsprogram/programområder på et
    vitnemål eller kompetansebevis»; 001 §4.1 — «en grense på inntil fire programområder»."""
    n = len(ktx.dokument.programomrader)
    if n > 4:
        koder = ", ".join(p.kode for p in ktx.dokument.programomrader)
        yield Avvik(f"{n} programområder ({koder}); høyst fire kan føres på samme dokument")


@kontroll("PROGRAMOMRADE-UNGDOMSTRINN", "001 §7.7", FEIL, "GSGSK0VG-- bare på kompetansebevis", trenger=DOKUMENT)
def programomrade_ungdomstrinn(ktx):
    """Ref: 001 §7.7 — «På kompetansebeviset må det også føres programområdekode GSGSK0VG--»;
    001 §2.3 — «Elever på ungdomstrinnet … skal ha koden GSGSK0VG— på sitt kompetansebevis»."""
    if ktx.vitnemal:
        for p in ktx.koder.programomrader:
            if p.kode == lop.UNGDOMSTRINN:
                yield Avvik(f"{p.kode} (fag tatt på ungdomstrinnet) kan bare stå på kompetansebevis",
                            sti=ktx.linjesti(p.indeks, "kode"))


@kontroll("PROGRAMOMRADE-UTDANNINGSPROGRAM", "001 §2.3", VARSEL, "Utdanningsprogram som ikke skrives ut", trenger=MAPPE)
def programomrade_utdanningsprogram(ktx):
    """Ref: 001 §2.3 — «For påbygging til generell studiekompetanse fører dere ikke navn på
    utdanningsprogram. Det samme gjelder fag for studiekompetanse.»; 001 §13.2 — R94 lines:
    «Rubrikken for utdanningsprogram fyller dere ikke ut». The registered name is not printed."""
    for i, p in enumerate(ktx.mappe.programomrader):
        if p.utdanningsprogram and not lop.utdanningsprogram_tekst(p, ktx.kv, "nb"):
            yield Avvik(f"{p.kode}: navn på utdanningsprogram ({p.utdanningsprogram}) skal ikke "
                        "føres og skrives ikke ut", sti=f"$.programomrader[{i}].utdanningsprogram")


@kontroll("PROGRAMOMRADE-R94-NIVA", "001 §13.2", FEIL, "R94-koder bare for vg1 og vg2", trenger=DOKUMENT)
def programomrade_r94_niva(ktx):
    """Ref: 001 §13.2 — «R94GK1---- … for vg1», «R94VKI---- … for vg2»; «På dokumentasjon i
    Kunnskapsløftet må dere alltid føre vg3 med ordinær programområdekode»."""
    riktig = {"R94GK1----": 1, "R94VKI----": 2}
    for p in ktx.koder.programomrader:
        if p.kode in riktig and p.niva.nummer != riktig[p.kode]:
            yield Avvik(f"{p.kode} gjelder vg{riktig[p.kode]}, ikke {p.niva.value}",
                        sti=ktx.linjesti(p.indeks, "niva"))


@kontroll("PROGRAMOMRADE-UKJENT", "001 §2.3", FEIL, "Programområdekode med ukjent utdanningsprogram",
          trenger=DOKUMENT)
def programomrade_ukjent(ktx):
    """Ref: 001 §2.3 — «navn på utdanningsprogrammet som programområdet tilhører»; «Det er kun
    de sentralt gitte programområdekodene som kan føres». A code whose first two letters are no
    utdanningsprogram of the kodeverk (and which is none of the named exceptions) is named:
    neither its utdanningsprogram nor the sluttkompetanse it gives can be decided (the decision
    would otherwise only say that the lines give no sluttkompetanse)."""
    spesielle = ktx.kv.spesielle_programomradekoder
    for p in ktx.koder.programomrader:
        if p.kode not in spesielle and p.kode[:2] not in ktx.kv.utdanningsprogram:
            yield Avvik(f"programområdekoden {p.kode}: utdanningsprogrammet «{p.kode[:2]}» finnes "
                        "ikke i kodeverket; utdanningsprogram og sluttkompetanse kan ikke avgjøres",
                        sti=ktx.linjesti(p.indeks, "kode"))
