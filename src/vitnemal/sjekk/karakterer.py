"""Checks of the fag rows: values, columns, exam form, codes (001 §2.5, §2.6, §5.1–5.2, §6.1, §11.3)."""

from __future__ import annotations

import functools
from collections import Counter

from vitnemal.findings import Alvorlighet
from vitnemal.model import Fagtype, Karakter
from vitnemal.sjekk.katalog import DOKUMENT, Avvik, kontroll
from vitnemal.sjekk.kontekst import fagsti

FEIL, VARSEL = Alvorlighet.FEIL, Alvorlighet.VARSEL

#: Rows where the exam grade stands without an exam form: fag-/svenneprøve, praksisbrev- and
#: kompetanseprøve (001 §6.1: «Dere skal føre stiplet linje i rubrikken for eksamensform når dere
#: fører vurderingen av fag-/svenneprøve»), prøve not attended (001 §6.4), R94 with another
#: assessment scheme (001 §13.3), and Fritatt/Godkjent (001 §5.3, §5.8, §7.4).
UTEN_FORM_MERKNADER = {"FAM27", "FAM28", "FAM31", "FAM53", "FAM49", "FAM50", "FAM54", "FAM56",
                       "FAM39", "FAM13"}
UTEN_FORM_KARAKTERER = {Karakter.F, Karakter.GK}
#: Rows with an exam form but no exam grade: annulled (001 §6.2 without dispensation, §6.6) or
#: cancelled exam (001 §6.7), and the corona springs (001 §6.9–6.11, VMM39–41 on the document).
FORM_UTEN_KARAKTER_MERKNADER = {"FAM04", "FAM36"}
KORONA_MERKNADER = {"VMM39", "VMM40", "VMM41"}


@kontroll("KARAKTER-KOLONNE", "001 §5.2", FEIL, "Vurderingsuttrykk i riktig rubrikk", trenger=DOKUMENT)
def karakter_kolonne(ktx):
    """Ref: 001 §5.2 — «Andre vurderingsformer/-uttrykk»: each expression has its column (IM
    «Ikke møtt» only for exams, D «Deltatt» and VO only in the standpunkt column, BM only for the
    fag-/svenneprøve in the exam column …), as the kodeverk's vurderingsuttrykk say."""
    sp_ok, ek_ok = _tillatte(ktx.kv)
    for i, f in ktx.trykte_fag():
        if (f.standpunkt is None or f.standpunkt in sp_ok) and (
                f.eksamen is None or f.eksamen in ek_ok):
            continue  # the common case, decided by two set look-ups
        for kolonne, k in (("standpunkt", f.standpunkt), ("eksamen", f.eksamen)):
            if k is None:
                continue
            e = ktx.kv.vurderingsuttrykk.get(k.value)
            if e is None:
                yield Avvik(f"{f.fagkode}: ukjent vurderingsuttrykk {k.value}", fagkode=f.fagkode,
                            sti=fagsti(i, kolonne))
            elif not getattr(e, kolonne):
                navn = e.navn or e.tekst()
                yield Avvik(f"{f.fagkode}: {k.value} ({navn}) kan ikke stå i rubrikken for "
                            f"{kolonne}skarakter", fagkode=f.fagkode, sti=fagsti(i, kolonne))


def _per_kodeverk(funksjon):
    """``funksjon(kv)`` computed once per kodeverk object (the NVB control checks a national
    file's documents with one kodeverk: compile once, look up per row)."""
    minne: dict[int, tuple] = {}

    def hent(kv):
        treff = minne.get(id(kv))
        if treff is None or treff[0] is not kv:
            treff = minne[id(kv)] = (kv, funksjon(kv))
        return treff[1]

    return hent


@_per_kodeverk
def _tillatte(kv) -> tuple[frozenset[Karakter], frozenset[Karakter]]:
    """The expressions (as ``Karakter`` members: a member's hash is its name's, not its
    value's) the kodeverk allows in the standpunkt and in the exam column."""
    kjente = {k.value: k for k in Karakter}
    v = {kjente[k]: e for k, e in kv.vurderingsuttrykk.items() if k in kjente}
    return (frozenset(k for k, e in v.items() if e.standpunkt),
            frozenset(k for k, e in v.items() if e.eksamen))


@kontroll("FRITATT-FAGMERKNAD", "001 §5.2", FEIL, "Fritatt krever fagmerknad", trenger=DOKUMENT)
def fritatt_fagmerknad(ktx):
    """Ref: 001 §5.2 — «kan dere i noen tilfeller føre vurderingen ‹Fritatt› … disse tilfellene har
    vi beskrevet i dette brevet»: every case (§5.8, §6.2, §7.1–7.5, §9.5, §9.8, §13.3) pairs
    «Fritatt» with a fagmerknad (NVB: F requires a FAM code)."""
    for i, f in ktx.trykte_fag():
        if Karakter.F in (f.standpunkt, f.eksamen) and f.fagmerknad is None:
            yield Avvik(f"{f.fagkode} er ført med «Fritatt» uten fagmerknad", fagkode=f.fagkode,
                        sti=fagsti(i, "fagmerknad"))


@kontroll("EKSAMENSFORM-MANGLER", "001 §6.1", FEIL, "Eksamenskarakter uten eksamensform", trenger=DOKUMENT)
def eksamensform_mangler(ktx):
    """Ref: 001 §6.1 — «Dere fører eksamensformen på vitnemålet/kompetansebeviset i fag
    eleven/privatisten har avlagt eksamen» (not for a fag-/svenneprøve, §6.1, §6.4; nor with
    Fritatt/Godkjent, §5.3, §5.8, §7.4; nor R94 with another scheme, §13.3)."""
    for i, f in ktx.trykte_fag():
        if f.eksamen is None or f.eksamensform is not None:
            continue
        if f.eksamen in UTEN_FORM_KARAKTERER:
            continue
        if f.fagmerknad and f.fagmerknad.kode in UTEN_FORM_MERKNADER:
            continue
        yield Avvik(f"{f.fagkode} har eksamenskarakter {f.eksamen.value}, men ingen eksamensform",
                    fagkode=f.fagkode, sti=fagsti(i, "eksamensform"))


@kontroll("EKSAMENSFORM-UTEN-EKSAMEN", "001 §6.1", FEIL, "Eksamensform uten eksamenskarakter", trenger=DOKUMENT)
def eksamensform_uten_eksamen(ktx):
    """Ref: 001 §6.1 — «Dere fyller bare ut eksamensform dersom vurdering for eksamen er aktuelt»
    (001 §2.6). Exceptions: annulled or cancelled exams keep the form (FAM04 §6.2/§6.6, FAM36
    §6.7, «Dersom det ikke er ført eksamenskarakter fordi eksamen ble avlyst, annullert … skal
    dere likevel føre eksamensform»), and the corona springs with VMM39–41 (§6.9–6.11)."""
    korona = bool(ktx.merknadskoder() & KORONA_MERKNADER)
    for i, f in ktx.trykte_fag():
        if f.eksamensform is None or f.eksamen is not None:
            continue
        if f.fagmerknad and f.fagmerknad.kode in FORM_UTEN_KARAKTER_MERKNADER:
            continue
        if korona:
            continue
        yield Avvik(f"{f.fagkode} har eksamensform {f.eksamensform.value}, men ingen "
                    "eksamenskarakter", fagkode=f.fagkode, sti=fagsti(i, "eksamensform"))


@kontroll("FAGKODE-UNIK", "001 §2.6", FEIL, "Samme fagkode bare én gang", trenger=DOKUMENT)
def fagkode_unik(ktx):
    """Ref: 001 §2.6 — «Dere fører fagkode og navn på fagene»; a fagkode stands once on a document
    (001 §4.2: «det ikke er mulig å være elev og privatist i fag med samme fagkode samtidig»;
    NVB: a fagkode appears at most once per document)."""
    koder = [f.fagkode for _, f in ktx.trykte_fag()]
    if len(set(koder)) == len(koder):
        return
    teller = Counter(koder)
    for kode, n in sorted(teller.items()):
        if n > 1:
            yield Avvik(f"fagkoden {kode} står {n} ganger på dokumentet", fagkode=kode)


@kontroll("FAGTYPE-IO", "001 §11.3", FEIL, "Fagtype IO og IOP-fagkoder hører sammen", trenger=DOKUMENT)
def fagtype_io(ktx):
    """Ref: 001 §11.3 — the IOP fagkoder «IOP1000 Indiv. opplæringsplan 1. år» …; 001 §2.5 —
    «IO Individuell opplæringsplan» is the fagtype of these codes and of no other."""
    for i, f in ktx.trykte_fag():
        iop = f.fagkode in ktx.kv.iop_fagkoder
        if iop and f.fagtype is not Fagtype.IO:
            yield Avvik(f"{f.fagkode} er en IOP-fagkode og skal ha fagtype IO", fagkode=f.fagkode,
                        sti=fagsti(i, "fagtype"))
        elif not iop and f.fagtype is Fagtype.IO:
            yield Avvik(f"{f.fagkode} har fagtype IO, men er ikke en IOP-fagkode (IOP1000–IOP5000)",
                        fagkode=f.fagkode, sti=fagsti(i, "fagtype"))


@kontroll("IOP-FAGKODE", "001 §11.3", FEIL, "IOP-fagkode med IV/VO og uten FAM05", trenger=DOKUMENT)
def iop_fagkode(ktx):
    """Ref: 001 §11.3 — «Dere skal alltid føre ‹Ikke vurderingsgrunnlag› (IV) i
    standpunktkarakterrubrikken når dere benytter disse fagkodene, men dere skal ikke føre noe i
    merknadsrubrikken (ikke FAM05)»; 004 iop: VO on an IOP fagkode."""
    for i, f in ktx.trykte_fag():
        if f.fagkode not in ktx.kv.iop_fagkoder:
            continue
        if f.standpunkt not in (Karakter.IV, Karakter.VO):
            vis = f.standpunkt.value if f.standpunkt else "ingen"
            yield Avvik(f"{f.fagkode} skal ha IV (eller VO) i standpunktrubrikken, ikke {vis}",
                        fagkode=f.fagkode, sti=fagsti(i, "standpunkt"))
        if f.eksamen is not None:
            yield Avvik(f"{f.fagkode} kan ikke ha eksamenskarakter", fagkode=f.fagkode,
                        sti=fagsti(i, "eksamen"))
        if f.fagmerknad is not None:
            yield Avvik(f"{f.fagkode} har fagmerknaden {f.fagmerknad.kode}, men en IOP-fagkode "
                        "skal ikke ha noe i merknadsrubrikken (heller ikke FAM05)",
                        fagkode=f.fagkode, merknad=f.fagmerknad.kode,
                        sti=fagsti(i, "fagmerknad"))


#: 001 §2.6 — what «karakteren er oppnådd» means: grades and «Deltatt», «Bestått (meget godt)»,
#: «Ikke bestått», «Godkjent» («Deltatt og bestått/bestått meget godt er i denne sammenheng å
#: anse som karakterer»). IV, IM, F, VO and a dashed line are «andre opplysninger istedenfor
#: karakter», whose year may be when the opplæring «naturlig ville være avsluttet».
OPPNADDE = frozenset({Karakter.K1, Karakter.K2, Karakter.K3, Karakter.K4, Karakter.K5,
                      Karakter.K6, Karakter.D, Karakter.B, Karakter.BM, Karakter.IB, Karakter.GK})


def _etter(f, d) -> bool:
    """The row's term lies after the issue date ``d`` (an H term starts in August)."""
    return f.ar > d.year or (f.ar == d.year and f.halvar == "H" and d.month < 8)


def _rader_etter(ktx) -> list:
    """The printed rows whose term lies after the issue date (once per document, shared by
    the two checks below): the termin «V2026» compared as text, the year parsed only for the
    rows of the issue year or later."""
    d = ktx.today
    ar = str(d.year)
    return [(i, f) for i, f in ktx.trykte_fag() if f.termin[1:] >= ar and _etter(f, d)]


@kontroll("TERMIN-ETTER-UTSTEDELSE", "001 §2.6", FEIL, "Karakter oppnådd etter utstedelsesdatoen",
          trenger=DOKUMENT)
def termin_etter_utstedelse(ktx):
    """Ref: 001 §2.6 — «Rubrikken angir kalenderåret, og om det er i vårhalvåret (V) eller
    høsthalvåret (H) karakteren er oppnådd»: a grade cannot have been obtained after the
    document was issued; 001 §2.8 «Det skal være årstallet vitnemålet skrives ut». A document
    dated before its own grades is wrong (docs/decisions.md, issue 13)."""
    d = ktx.today
    if d is None:
        return
    for i, f in ktx.per_dokument(_rader_etter):
        if f.standpunkt in OPPNADDE or f.eksamen in OPPNADDE:
            yield Avvik(f"{f.fagkode}: karakteren er oppnådd {f.termin_kort}, etter "
                        f"utstedelsesdatoen {d:%d.%m.%Y}", fagkode=f.fagkode,
                        sti=fagsti(i, "termin"))


@kontroll("TERMIN-ETTER-UTSTEDELSE-UTEN-KARAKTER", "001 §2.6", VARSEL,
          "År etter utstedelsesdatoen uten karakter", trenger=DOKUMENT)
def termin_etter_utstedelse_uten_karakter(ktx):
    """Ref: 001 §2.6 — «Dersom dere skal føre fritak av andre grunner eller andre opplysninger
    istedenfor karakter (f.eks. IV, IM eller stiplet linje), fører dere det året opplæringen
    etter tilbudsstrukturen naturlig ville være avsluttet eller det året fritaket ble
    fastsatt»: such a year may lie ahead; a warning to check it."""
    d = ktx.today
    if d is None:
        return
    for i, f in ktx.per_dokument(_rader_etter):
        if not (f.standpunkt in OPPNADDE or f.eksamen in OPPNADDE):
            yield Avvik(f"{f.fagkode}: året {f.termin_kort} ligger etter utstedelsesdatoen "
                        f"{d:%d.%m.%Y}; kontroller at det er året opplæringen naturlig avsluttes "
                        "eller fritaket ble fastsatt", fagkode=f.fagkode, sti=fagsti(i, "termin"))


@functools.cache
def _kjente_i_sjekkdata() -> frozenset[str]:
    """The fagkoder of sjekk/data/fagkoder.yaml: the ones the seeds name and the §4.5 groups'."""
    from vitnemal.sjekk.kombinasjoner import data

    koder = {k for liste in data()["kjente_fagkoder"].values() for k in liste}
    return frozenset(koder | {k for g in data()["grupper"].values() for k in g.get("fagkoder", [])})


def _kjente_fagkoder(ktx) -> frozenset[str]:
    """Every fagkode the bundled data knows: sjekk data, IOP-fagkoder, halvårsvurdering lists."""
    return _kjente_for(ktx.kv)


@_per_kodeverk
def _kjente_for(kv) -> frozenset[str]:
    return _kjente_i_sjekkdata() | frozenset(kv.iop_fagkoder) | frozenset(
        k for h in kv.halvarsvurdering for k in h.fagkoder if not k.endswith("*"))


@kontroll("FAGKODE-UKJENT", "001 §2.6", VARSEL, "Fagkode kodeverket ikke kjenner",
          trenger=DOKUMENT)
def fagkode_ukjent(ktx):
    """Ref: 001 §2.6 — «Dere kan bare føre godkjente fagkoder og fagnavn i
    Utdanningsdirektoratets læreplandatabase». Ikke formalisert: Grep is not bundled, so the
    kodeverk knows only the codes the seeds name (sjekk/data/fagkoder.yaml ``kjente_fagkoder``,
    IOP-fagkoder, halvårsvurdering lists); the others are named, once per document, as a
    warning to check them — never silently accepted."""
    kjente = _kjente_fagkoder(ktx)
    ukjente = list(dict.fromkeys(f.fagkode for _, f in ktx.trykte_fag()
                                 if f.fagkode not in kjente and not f.fagkode.startswith("FSP")))
    if ukjente:
        vis = ", ".join(ukjente[:8]) + (f" og {len(ukjente) - 8} til" if len(ukjente) > 8 else "")
        yield Avvik(f"fagkodene {vis} finnes ikke i kodeverket, som bare har fagkodene "
                    "retningslinjene nevner (ikke Grep); kontroller dem mot læreplandatabasen",
                    fagkode=ukjente[0])
