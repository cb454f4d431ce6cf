"""From an elevmappe to the printed document (001 chapter 2, seed 002).

``compose(mappe, beslutning, utstedelse)`` fills every field of ``Dokument`` with the final
printed text in the document's målform, from the decision made once (``dokument.beslutning``)
and the issuance facts (``dokument.utstedelse``). It never reads the clock and decides nothing.
"""

from __future__ import annotations

from vitnemal.dokument import celler, elevstatus, koder, lop
from vitnemal.dokument.beslutning import Beslutning, skrives_ut
from vitnemal.dokument.model import (
    STIPLET,
    Dokument,
    Dokumenttype,
    FagGruppe,
    FagRad,
    FravaerLinje,
    ProgramLinje,
)
from vitnemal.dokument.tekster import innhold, ledetekster
from vitnemal.dokument.utstedelse import Utstedelse, Utsteder
from vitnemal.kodeverk import Kodeverk, load
from vitnemal.model import FAGTYPE_REKKEFOLGE, Elevmappe, Fag, Fagtype


def programlinjer(mappe: Elevmappe, b: Beslutning, kv: Kodeverk, maalform: str) -> tuple[ProgramLinje, ...]:
    """Ref: 001 §2.3 — «For hvert årstrinn fører dere … kode for programområdet, navn på
    programområdet, navn på utdanningsprogrammet»; «Bare for kompetansebevis: … om årstrinnet er
    ‹fullført› eller ‹bestått› til høyre på linjen».

    All lines are kept (more than four is reported by PROGRAMOMRADE-MAKS-FIRE, not cut here).
    """
    t = innhold(maalform)
    out = []
    for p in b.linjer:
        pastand = b.pastander.get((p.kode, p.niva.value))
        out.append(ProgramLinje(
            niva=p.niva.value,
            kode=p.kode,
            navn=p.navn,
            utdanningsprogram=lop.utdanningsprogram_tekst(p, kv, maalform),
            pastand=t[pastand] if pastand else "",
        ))
    return tuple(out)


def sluttkompetanse(b: Beslutning, maalform: str) -> tuple[str, ...]:
    """Ref: 001 §2.3 — «Bare for vitnemål: Oppnådd sluttkompetanse», in the guideline's order."""
    t = innhold(maalform)
    keys = [k for k, on in (("studiekompetanse", b.studiekompetanse),
                            ("yrkeskompetanse", b.yrkeskompetanse),
                            ("fagopplaering", b.fagopplaering)) if on]
    return tuple(t[k] for k in keys)


def fagrekkefolge(kv: Kodeverk) -> dict[str, int]:
    """Ref: 001 §2.5 — «FF FP VP UP PF YF IO»: the kodeverk's order, else the enum's."""
    if kv.fagtyper:
        return {k: v.rekkefolge for k, v in kv.fagtyper.items()}
    return {t.value: i for t, i in FAGTYPE_REKKEFOLGE.items()}


def trykte_fag(mappe: Elevmappe, dokumenttype: Dokumenttype,
               kv: Kodeverk) -> list[tuple[int, Fag]]:
    """Ref: 001 §2.5 — «Fagene fører dere etter hvilken fagtype de tilhører og ordnet etter
    alfanumerisk fagkode.» The rows printed, in print order, with their index in the record:
    halvårsvurdering rows only on a kompetansebevis (001 §5.1)."""
    rekkefolge = fagrekkefolge(kv)
    rader = [(i, f) for i, f in enumerate(mappe.fag) if skrives_ut(f, dokumenttype)]
    return sorted(rader, key=lambda r: (rekkefolge.get(r[1].fagtype, 99), r[1].fagkode,
                                        r[1].termin))


def grupper(rader: list[tuple[int, Fag]], dokumenttype: Dokumenttype, kv: Kodeverk,
            maalform: str) -> tuple[FagGruppe, ...]:
    """Ref: 001 §2.5 — the printed rows under their fagtype headings, in print order."""
    per_type: dict[Fagtype, list[FagRad]] = {}
    for _, f in rader:
        per_type.setdefault(f.fagtype, []).append(celler.fagrad(f, dokumenttype, kv, maalform))
    out = []
    for typ, fagrader in per_type.items():
        entry = kv.fagtyper.get(typ)
        out.append(FagGruppe(fagtype=str(typ), overskrift=entry.tekst(maalform) if entry else str(typ),
                             rader=tuple(fagrader)))
    return tuple(out)


def sum_omfang(rader: list[tuple[int, Fag]]) -> int:
    """Ref: 001 §2.7 — «Total sum omfang for opplæringen (årstimetall i 60 minutters enheter)»,
    the sum of the omfang printed."""
    return sum(f.omfang or 0 for _, f in rader)


def orden_adferd(mappe: Elevmappe, kv: Kodeverk, maalform: str) -> tuple[str, str]:
    """Ref: 001 §5.6 — «God», «Nokså god», «Lite god», only for those who get them (001 §2.7);
    a dashed line where a grade is due but not registered."""
    if not elevstatus.skal_ha_orden_adferd(mappe):
        return "", ""

    def tekst(v):
        if v is None:
            return STIPLET
        e = kv.orden_adferd.get(v.value)
        return e.tekst(maalform) if e else v.value

    return tekst(mappe.orden), tekst(mappe.adferd)


def fravaer(mappe: Elevmappe, b: Beslutning, maalform: str) -> tuple[FravaerLinje, ...]:
    """Ref: 001 §2.7 — «Fravær spesifisert for hvert år … Dere fører stiplet linje i ubrukte
    rubrikker. Når en elev ikke har fravær, skal det stå 0»; none for voksne (4A) and for those
    with no fag taken as elev (001 §8.1). A year abroad without fravær gets a dashed line."""
    if not elevstatus.skal_ha_fravaer(mappe):
        return ()
    t = innhold(maalform)
    per_ar = {f.ar: f for f in mappe.fravaer}
    out = []
    for n in range(1, elevstatus.antall_fravaersar(mappe, b.linjer) + 1):
        f = per_ar.get(n)
        out.append(FravaerLinje(
            etikett=t["fravaer_ar"].format(n=n),
            dager=str(f.dager) if f else STIPLET,
            timer=str(f.timer) if f else STIPLET,
        ))
    return tuple(out)


def nummer(typ: Dokumenttype, orgnr: str, u: Utstedelse, mappe: Elevmappe) -> str:
    """Ref: 001 §2.8, §2.11 — the document number: the year of the issue date (the original's
    date for a duplicate with the original's number) and the serial. Without any date (which
    DATO-MANGLER reports) the year of the record's last fag stands in, so the document can be
    checked; it cannot be issued."""
    d = u.nummer_dato
    ar = d.year if d else max((f.ar for f in mappe.fag), default=2000)
    return celler.dokumentnummer(typ, orgnr, ar, u.nummer_lopenummer)


def compose(mappe: Elevmappe, b: Beslutning, u: Utstedelse, *,
            kv: Kodeverk | None = None) -> Dokument:
    """Ref: 001 §2.2 — the printed document, from identity (§2.2) to number (§2.8), composed
    from the decision ``b`` (made once, ``dokument.beslutning.beslutt``) and the issuance facts
    ``u`` (date, number, målform, duplicate, draft, issuer). Reads no clock and decides
    nothing: every fact comes from ``mappe``, ``b`` and ``u``."""
    kv = kv or load()
    mf = u.maalform or mappe.maalform.value
    typ = b.dokumenttype
    lt = ledetekster(mf)
    t = innhold(mf)
    vitnemal = typ is Dokumenttype.VITNEMAL
    orden, adferd = orden_adferd(mappe, kv, mf)
    utsteder = u.utsteder or Utsteder.fra_elevmappe(mappe)
    rader = trykte_fag(mappe, typ, kv)
    fravaer_linjer = fravaer(mappe, b, mf)
    return Dokument(
        type=typ,
        maalform=mf,
        tittel=lt["vitnemal" if vitnemal else "kompetansebevis"],
        navn=mappe.person.navn,
        fodselsnummer="".join(mappe.person.fodselsnummer.split()),
        innledning=(t["innledning_vitnemal"].format(ar=b.ar if b.ar else "")
                    if vitnemal else t["innledning_kompetansebevis"]),
        innledning_program=t["innledning_program"] if vitnemal else "",
        programomrader=programlinjer(mappe, b, kv, mf),
        sluttkompetanse=sluttkompetanse(b, mf) if vitnemal else (),
        grupper=grupper(rader, typ, kv, mf),
        sum_omfang=str(sum_omfang(rader)),
        orden=orden,
        adferd=adferd,
        fravaer=fravaer_linjer,
        merknader=tuple(celler.merknadstekst(m, kv, mf) for m in mappe.vitnemalsmerknader),
        sted=utsteder.sted,
        dato=celler.dato(u.dato) if u.dato else "",
        skole=utsteder.skolenavn,
        underskrivere=utsteder.underskrivere,
        dokumentnummer=nummer(typ, utsteder.orgnr, u, mappe),
        vedlegg=tuple(mappe.vedlegg),
        ledetekster=dict(lt),
        forstegangsvitnemal=b.forstegangsvitnemal,
        duplikat=u.duplikat,
        utkast=u.utkast,
        fortrykt=u.fortrykt,
        koder=koder.kod(mappe, b, u, utsteder, rader, kv, fravaer=bool(fravaer_linjer),
                        orden_adferd=bool(orden or adferd)),
    )
