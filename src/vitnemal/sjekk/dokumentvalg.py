"""Checks of the document decision: type, førstegangsvitnemål (001 §1.1–1.3, §1.9, §4.2, §5.5)."""

from __future__ import annotations

from vitnemal.findings import Alvorlighet
from vitnemal.model import Status
from vitnemal.sjekk.katalog import DOKUMENT, MAPPE, Avvik, kontroll
from vitnemal.sjekk.kontekst import fagsti

FEIL, VARSEL, INFO = Alvorlighet.FEIL, Alvorlighet.VARSEL, Alvorlighet.INFO

#: Remarks of §3.2 for extended time; they stand only together with VMM06.
FORSTEGANG = "VMM06"


@kontroll("DOKUMENTTYPE", "001 §1.3", INFO, "Hvilket dokument elevmappen gir", trenger=MAPPE)
def dokumenttype(ktx):
    """Ref: 001 §1.3 — «Kompetansebevis er dokumentasjon på gjennomført videregående opplæring som
    ikke kvalifiserer for vitnemål»: the type chosen and, for a kompetansebevis, why."""
    b = ktx.beslutning
    if b.vitnemal:
        deler = [t for t, on in (("generell studiekompetanse", b.studiekompetanse),
                                 ("yrkeskompetanse", b.yrkeskompetanse),
                                 ("bestått fagopplæring", b.fagopplaering)) if on]
        tekst = "vitnemål" + (" (førstegangsvitnemål)" if b.forstegangsvitnemal else
                              " (VMM06 er ført, men vilkårene for førstegangsvitnemål er ikke "
                              "oppfylt)" if FORSTEGANG in ktx.merknadskoder() else "")
        yield Avvik(f"dokumentet blir {tekst}: {' og '.join(deler) or 'ingen sluttkompetanse'}")
    elif b.grunner:
        yield Avvik("dokumentet blir kompetansebevis: "
                    + "; ".join(f"{g.tekst} ({g.ref})" for g in b.grunner))


@kontroll("DOKUMENTTYPE-GRUNNLAG", "001 §1.1", FEIL, "Vitnemål uten grunnlag", trenger=MAPPE)
def dokumenttype_grunnlag(ktx):
    """Ref: 001 §1.1 — «Vitnemål er dokumentasjon på et fullført og bestått videregående
    opplæringsløp»: a vitnemål asked for where the record does not give one (fag are reported
    one by one by IKKE-BESTATT-VITNEMAL, FAM37 by the FAM37 checks)."""
    if ktx.vitnemal:
        for g in ktx.beslutning.grunner:
            if g.regel is None:
                yield Avvik(f"vitnemål kan ikke utstedes: {g.tekst} ({g.ref})")


@kontroll("IKKE-BESTATT-VITNEMAL", "001 §5.5", FEIL, "Ikke bestått fag på vitnemål", trenger=MAPPE)
def ikke_bestatt_vitnemal(ktx):
    """Ref: 001 §5.5 — «Vurderingsuttrykkene som angir at faget ikke er bestått, vil i
    utgangspunktet ikke bli ført på vitnemålet … Slike vurderingsuttrykk vil ordinært bare
    framkomme på et kompetansebevis» (exception: FAM37, 001 §9.2). The decision's reasons
    (``rules.bestatt``), each citing the pass rule that failed."""
    if not ktx.vitnemal:
        return
    for g in ktx.beslutning.grunner:
        if g.regel == "IKKE-BESTATT-VITNEMAL":
            yield Avvik(f"{g.tekst}; kan ikke stå på vitnemål ({g.ref})", fagkode=g.fagkode,
                        sti=fagsti(g.indeks))


@kontroll("FORSTEGANG-VILKAR", "001 §1.2", FEIL, "Førstegangsvitnemål bare for generell studiekompetanse", trenger=MAPPE)
def forstegang_vilkar(ktx):
    """Ref: 001 §1.2 — «Den som ved utløpet av normal tid … har bestått videregående opplæring som
    gir generell studiekompetanse, kan få førstegangsvitnemål»; «Elever som får vitnemål som
    dokumentasjon på yrkeskompetanse har ikke rett til førstegangsvitnemål. Det samme gjelder
    elever som tar vg4 påbygging». VMM06 on a kompetansebevis is MERKNAD-DOKUMENTTYPE."""
    for tekst in ktx.beslutning.forstegang_hindringer:  # only on a vitnemål with VMM06
        yield Avvik(tekst, merknad=FORSTEGANG)


@kontroll("FORSTEGANG-MERKNAD-UTEN-VMM06", "001 §3.2", FEIL, "Utvidet-tid-merknad uten VMM06", trenger=DOKUMENT)
def forstegang_merknad_uten_vmm06(ktx):
    """Ref: 001 §3.2 — «Vitnemålsmerknader som bare kan stå på førstegangsvitnemål»; 001 §1.2 —
    VMM07–10, VMM20–22, VMM24 «kommer i tillegg til VMM06»."""
    koder = ktx.merknadskoder()
    if FORSTEGANG in koder:
        return
    for i, m in enumerate(ktx.merknader):
        e = ktx.kv.vitnemalsmerknader.get(m.kode)
        if e and e.gruppe == "forstegang" and m.kode != FORSTEGANG:
            yield Avvik(f"{m.kode} kan bare stå på førstegangsvitnemål, sammen med VMM06",
                        merknad=m.kode, sti=ktx.vmmsti(i))


@kontroll("FORSTEGANG-NORMAL-TID", "001 §1.2", VARSEL, "Førstegangsvitnemål etter normal tid", trenger=MAPPE)
def forstegang_normal_tid(ktx):
    """Ref: 001 §1.2 — «Den som ved utløpet av normal tid (sammenhengende) har bestått …»; «For
    elever som har utvidet opplæringstid, men som likevel har rett til førstegangsvitnemål …
    skal dere føre en av vitnemålsmerknadene VMM07-10, VMM20-22 eller VMM24».

    Formalised: normal tid is three school years from the first programme area (four with vg4 or
    VMM24); a grade obtained after the spring of the last normal year needs one of the
    extended-time remarks. Ikke formalisert: the reasons themselves (a clerk's judgement).
    """
    if not ktx.beslutning.forstegangsvitnemal:
        return
    koder = ktx.merknadskoder()
    utvidet = {k for k, e in ktx.kv.vitnemalsmerknader.items()
               if e.gruppe == "forstegang" and k != FORSTEGANG}
    if koder & utvidet or not ktx.mappe.programomrader:
        return
    start = min(p.start_ar for p in ktx.mappe.programomrader)
    ar = 4 if any(p.niva.nummer == 4 for p in ktx.mappe.programomrader) else 3
    slutt = start + ar
    sene = [f.fagkode for _, f in ktx.trykte_fag()
            if f.ar > slutt or (f.ar == slutt and f.halvar == "H")]
    if sene:
        yield Avvik(f"karakter oppnådd etter normal tid (våren {slutt}) i {', '.join(sene)}; "
                    "førstegangsvitnemål krever da en av VMM07–10, VMM20–22 eller VMM24",
                    merknad=FORSTEGANG)


@kontroll("FORSTEGANG-PRIVATIST", "001 §4.2", VARSEL, "Privatistfag på førstegangsvitnemål", trenger=DOKUMENT)
def forstegang_privatist(ktx):
    """Ref: 001 §4.2 — «For å få førstegangsvitnemål, kan ikke en elev innenfor det fastsatte
    minstekravet … erstatte et fullført fag, med et annet fag tatt som privatist» (unntak 1T/1P).
    Whether the fag replaces one completed as elev is a clerk's judgement: a warning to check."""
    if not ktx.dokument.forstegangsvitnemal:
        return
    for i, f in ktx.trykte_fag():
        if f.privatist:
            yield Avvik(f"{f.fagkode} er tatt som privatist; kontroller at faget ikke erstatter et "
                        "fag fullført som elev (førstegangsvitnemål)", fagkode=f.fagkode,
                        sti=fagsti(i))


@kontroll("STATUS-VITNEMAL", "001 §1.9", INFO, "Status og dokumentrett", trenger=MAPPE)
def status_vitnemal(ktx):
    """Ref: 001 §1.9 — «Praksiskandidater og kandidater for fagbrev på jobb kan bare få vitnemål
    dersom kandidaten kan dokumentere … fellesfagene»: a reminder when such a candidate gets one."""
    if ktx.vitnemal and ktx.mappe.person.status in (Status.PRAKSISKANDIDAT, Status.FAGBREV_PA_JOBB):
        yield Avvik("vitnemål for praksiskandidat/kandidat for fagbrev på jobb: kontroller at "
                    "fellesfagene som kreves for yrkesfag er dokumentert")
