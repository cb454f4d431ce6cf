"""Between the core's ``Dokument`` and one document of a ¤-file (``Vgdok``: ¤V ¤P ¤F ¤M).

``til_vgdok(dok)`` writes the records of an issued document from its coded facts
(``Dokument.koder``, computed when the document was composed) and its printed header — never
from a record as it stands today. ``fra_vgdok(vgdok)`` reads a document of a ¤-file from any
system back into a ``Dokument``: the coded facts exactly as the file gives them, and the
printed text made from them with the kodeverk (grades «5 fem», remark texts, headings), so the
core's checks (``vitnemal.sjekk.sjekk_dokument``) and the renderer can take it.

What the format does not carry is listed in ``IKKE_I_FILEN`` (docs/decisions.md, issue 15):
the programme areas' printed names, the fag rows' halvårsvurdering and tverrfaglig marks,
the attachments' text, and the ledetekster. Those come back empty or as the default.

Field choices (Ref: docs/nvb-format.md): V2 «J» for a first-time diploma, else «N»; V4 «KL»;
V18 «J»/«N» from the document's own ``studiekompetanse``; V22/V23 written as G, N, L; P6/P7
the fravær of the n-th year on the n-th programme-area line; F4 the row's place within its
fagtype group; F17 blank (NVB: «normally blank for KL», names come from Grep), so the printed
fag name is not carried; a file that has F17 gives it back.
"""

from __future__ import annotations

from datetime import date

from vitnemal.dokument import celler
from vitnemal.dokument.koder import (
    FagKoder,
    FravaerKoder,
    Koder,
    LinjeKoder,
    MerknadKoder,
)
from vitnemal.dokument.model import (
    INGEN_OMFANG,
    STIPLET,
    Dokument,
    Dokumenttype,
    FagGruppe,
    FagRad,
    FravaerLinje,
    ProgramLinje,
)
from vitnemal.dokument.tekster import innhold, ledetekster
from vitnemal.kodeverk import Kodeverk, load
from vitnemal.model import Eksamensform, Fagtype, Karakter, Niva, OrdenAdferd
from vitnemal.nvb.poster import PostF, PostM, PostP, PostV, Vgdok

#: What a ¤-file does not carry (round trips compare everything else).
IKKE_I_FILEN = ("programomrader[].navn", "fag.fagnavn", "fag.vurdering", "fag.tverrfaglig", "vedlegg",
                "ledetekster", "koder.utenlandsk", "duplikat",
                "utkast", "fortrykt", "fag.indeks", "programomrader.indeks")

MAALFORM_KODE = {"nb": "B", "nn": "N", "en": "E"}
_MAALFORM = {v: k for k, v in MAALFORM_KODE.items()}
ORDEN_KODE = {OrdenAdferd.G: "G", OrdenAdferd.NG: "N", OrdenAdferd.LG: "L"}
_ORDEN = {"G": OrdenAdferd.G, "God": OrdenAdferd.G, "N": OrdenAdferd.NG, "NG": OrdenAdferd.NG,
          "Nokså god": OrdenAdferd.NG, "L": OrdenAdferd.LG, "LG": OrdenAdferd.LG,
          "Lite god": OrdenAdferd.LG}
_PASTAND_TEKST = {"B": "bestatt", "F": "fullfort"}


class Tilordningsfeil(ValueError):
    """A value of the file that the core's document cannot hold (Norwegian message)."""


# --- Dokument → ¤-records ----------------------------------------------------------------------

def _dato(dok: Dokument) -> date | None:
    if dok.koder is not None and dok.koder.dato is not None:
        return dok.koder.dato
    try:
        d, m, a = dok.dato.split(".")
        return date(int(a), int(m), int(d))
    except ValueError:
        return None


def _linjenr(fag: tuple[FagKoder, ...]) -> list[int]:
    """F4: the row's place within its fagtype group (print order)."""
    teller: dict[str, int] = {}
    ut = []
    for f in fag:
        teller[f.fagtype] = teller.get(f.fagtype, 0) + 1
        ut.append(teller[f.fagtype])
    return ut


def _kode(v) -> str | None:
    return None if v is None else v.value


def til_vgdok(dok: Dokument) -> Vgdok:
    """The ¤V ¤P ¤F ¤M records of an issued document (Ref: docs/nvb-format.md ¤V–¤M)."""
    k = dok.koder
    if k is None:
        raise Tilordningsfeil(f"dokument {dok.dokumentnummer} har ikke kodede opplysninger")
    nr = dok.dokumentnummer
    vm = dok.type is Dokumenttype.VITNEMAL
    utstedt = _dato(dok)
    fnr = dok.fodselsnummer
    v = PostV(
        vgdoknr=nr, foerstegangsvm="J" if dok.forstegangsvitnemal else "N",
        reformkode="KL", vgdoktypekode="VM" if vm else "KB",
        avgangsaar=k.avgangsar if k.avgangsar is not None else (
            utstedt.year if utstedt else k.nummer_ar),
        orgnr=k.orgnr, utstedersted=dok.sted or None, dato_utstedt=utstedt,
        skolenavn=dok.skole or None, rektornavn=dok.underskrivere[0] or None,
        underskriver_2=dok.underskrivere[1] or None,
        foedtdato=int(fnr[:6]) if fnr[:6].isdigit() else None,
        personnummer=int(fnr[6:]) if fnr[6:].isdigit() else None,
        personnavn=dok.navn or None, dispensasjonkode=k.dispensasjon or None,
        gsk_ok="J" if k.studiekompetanse else "N", omfang=k.sum_omfang,
        orden=ORDEN_KODE.get(k.orden) if k.orden else None,
        adferd=ORDEN_KODE.get(k.adferd) if k.adferd else None,
        antall_vedlegg=len(dok.vedlegg), maalformkode=MAALFORM_KODE.get(dok.maalform))
    fravaer = {f.ar: f for f in k.fravaer}
    p = []
    for i, (linje, trykt) in enumerate(zip(k.programomrader, _trykte_linjer(dok), strict=False)):
        fr = fravaer.get(i + 1)
        p.append(PostP(vgdoknr=nr, promrkode=linje.kode, nivaakode=linje.niva.value.upper(),
                       paastandkode=linje.pastand or None,
                       paastand=(trykt.pastand if trykt else "") or None,
                       fravaer_dager=fr.dager if fr else None,
                       fravaer_timer=fr.timer if fr else None,
                       utdprogramkode=linje.utdanningsprogram or None, aarstall=linje.ar))
    f = []
    lag_f = PostF._make  # speed: positional, no keyword matching (a million lines a June)
    for linjenr, fk in zip(_linjenr(k.fag), k.fag, strict=True):
        fm = fk.fagmerknad
        par = fm.parametre if fm else ()
        termin = fk.termin
        f.append(lag_f((nr, fk.fagkode, str(fk.fagtype), linjenr, _kode(fk.standpunkt),
                        _kode(fk.eksamen), _kode(fk.eksamensform), fk.omfang, termin[:1],
                        int(termin[1:]), "P" if fk.privatist else "E",
                        fm.kode if fm else None, par[0] if len(par) > 0 else None,
                        par[1] if len(par) > 1 else None, None, None)))
    m = []
    for i, mk in enumerate(k.merknader, 1):
        m.append(PostM(vgdoknr=nr, merknadnr=i, merknadkode=mk.kode,
                       parameter_1=mk.parametre[0] if len(mk.parametre) > 0 else None,
                       parameter_2=mk.parametre[1] if len(mk.parametre) > 1 else None))
    return Vgdok(v=v, p=tuple(p), f=tuple(f), m=tuple(m))


def _trykte_linjer(dok: Dokument):
    """The printed programme lines beside the coded ones (same order), padded with None."""
    n = len(dok.koder.programomrader)
    return list(dok.programomrader[:n]) + [None] * (n - len(dok.programomrader))


# --- ¤-records → Dokument ----------------------------------------------------------------------

def _oppslag(enum) -> dict:
    """Code → member, with «-» (the format's «no grade») as None: a dict lookup per field
    instead of an enum call (speed: ~20 lookups per document at national volume)."""
    return {**{m.value: m for m in enum}, "-": None}


_KARAKTER = _oppslag(Karakter)
_EKSAMENSFORM = _oppslag(Eksamensform)
_FAGTYPE = _oppslag(Fagtype)
_NIVA = {m.value.upper(): m for m in Niva}


def _ukjent(problemer: list[str], hvor: str, felt: str, verdi: str) -> None:
    problemer.append(f"{hvor} {felt} «{verdi}» kan ikke føres på et dokument i vitnemal")


_UKJENT = object()
_TERMIN: dict[tuple, str] = {}


def _termin(halvar: str | None, ar: int | None) -> str:
    try:
        return _TERMIN[halvar, ar]
    except KeyError:
        t = _TERMIN[halvar, ar] = f"{halvar or 'V'}{ar or 0:04d}"
        return t


def _fagkoder(vg: Vgdok, problemer: list[str]) -> list[FagKoder]:
    """The ¤F lines as the core's coded fag rows (straight-line code: a national file has
    about a million of them)."""
    ut = []
    kar, form, typer, ukjent = _KARAKTER, _EKSAMENSFORM, _FAGTYPE, _UKJENT
    for i, f in enumerate(vg.f, 1):
        sp = kar.get(f.karakter_standpunkt, ukjent) if f.karakter_standpunkt else None
        ek = kar.get(f.karakter_eksamen, ukjent) if f.karakter_eksamen else None
        ef = form.get(f.eksamensformkode, ukjent) if f.eksamensformkode else None
        ft = typer.get(f.fagtypekode, ukjent) if f.fagtypekode else None
        if sp is ukjent or ek is ukjent or ef is ukjent or ft is ukjent or ft is None:
            _fagproblemer(i, f, problemer)
            continue
        mk = f.merknadkode
        ut.append(FagKoder(
            f.fagkode or "", f.fagnavn or "", ft, sp, ek, ef, f.omfang,
            _termin(f.terminkode, f.aar), f.fagstatuskode == "P",
            MerknadKoder(mk, tuple(x for x in (f.merknadparameter_1, f.merknadparameter_2)
                                   if x is not None)) if mk else None))
    return ut


def _fagproblemer(i: int, f, problemer: list[str]) -> None:
    hvor = f"¤F nr. {i} ({f.fagkode})"
    for felt, verdi, tabell in (("F5", f.karakter_standpunkt, _KARAKTER),
                                ("F6", f.karakter_eksamen, _KARAKTER),
                                ("F7", f.eksamensformkode, _EKSAMENSFORM),
                                ("F3", f.fagtypekode, _FAGTYPE)):
        if verdi and verdi not in tabell:
            _ukjent(problemer, hvor, felt, verdi)
    if not f.fagtypekode:
        problemer.append(f"{hvor} F3 (fagtype) mangler")


def fra_vgdok(vg: Vgdok, kv: Kodeverk | None = None, *, skolenr: int | None = None,
              tekster: bool = True) -> Dokument:
    """The core's document from a ¤-file's document; raises Tilordningsfeil listing every
    value it cannot hold (e.g. a grade code the core's model does not know, such as R).
    ``skolenr``: A2 of the document's ¤A (the school's VIGO number). ``tekster=False`` leaves
    the printed fag rows, remark texts and fravær lines empty: the checks read the codes
    (``Dokument.koder``), and the control of a national file makes no print."""
    kv = kv or load()
    v = vg.v
    nr = v.vgdoknr or ""
    problemer: list[str] = []
    vm = v.vgdoktypekode != "KB"
    typ = Dokumenttype.VITNEMAL if vm else Dokumenttype.KOMPETANSEBEVIS
    mf = _MAALFORM.get(v.maalformkode or "B", "nb")
    lt, t = ledetekster(mf), innhold(mf)
    fag = _fagkoder(vg, problemer)
    linjer, fravaer, trykte = [], [], []
    for i, p in enumerate(vg.p, 1):
        niva = _NIVA.get(p.nivaakode) if p.nivaakode else None
        if p.nivaakode and niva is None:
            _ukjent(problemer, f"¤P nr. {i}", "P3", p.nivaakode)
        aar = p.aarstall or 0
        linjer.append(LinjeKoder(kode=p.promrkode or "", niva=niva or Niva.VG1,
                                 pastand=p.paastandkode or "",
                                 utdanningsprogram=p.utdprogramkode or "",
                                 skolear=f"{aar - 1:04d}-{aar:04d}"))
        if p.fravaer_dager is not None or p.fravaer_timer is not None:
            fravaer.append(FravaerKoder(i, p.fravaer_dager or 0, p.fravaer_timer or 0))
        up = kv.utdanningsprogram.get(p.utdprogramkode or "")
        trykte.append(ProgramLinje(
            niva=(niva or Niva.VG1).value, kode=p.promrkode or "", navn="",
            utdanningsprogram=up.tekst(mf) if up and up.skrives_ut else "",
            pastand=p.paastand or (t[_PASTAND_TEKST[p.paastandkode]]
                                   if not vm and p.paastandkode in _PASTAND_TEKST else "")))
    merknader = tuple(MerknadKoder(m.merknadkode or "", tuple(
        x for x in (m.parameter_1, m.parameter_2) if x is not None)) for m in vg.m)
    orden = _ORDEN.get(v.orden) if v.orden else None
    adferd = _ORDEN.get(v.adferd) if v.adferd else None
    if problemer:
        raise Tilordningsfeil("; ".join(problemer))
    fnr = (f"{v.foedtdato:06d}" if v.foedtdato is not None else "") + (
        f"{v.personnummer:05d}" if v.personnummer is not None else "")
    lnr = nr[-5:] if len(nr) >= 5 and nr[-5:].isdigit() else ""
    koder = Koder(
        orgnr=v.orgnr or "", utenlandsk=False,
        skolenummer=f"{skolenr:05d}" if skolenr is not None else None,
        lopenummer=int(lnr) if lnr else None,
        nummer_ar=int(nr[10:14]) if nr[10:14].isdigit() else (v.avgangsaar or 0),
        dato=v.dato_utstedt, avgangsar=v.avgangsaar if vm else None,
        studiekompetanse=v.gsk_ok == "J", dispensasjon=v.dispensasjonkode or "",
        orden=orden, adferd=adferd, sum_omfang=v.omfang or 0, fag=tuple(fag),
        programomrader=tuple(linjer), fravaer=tuple(fravaer), merknader=merknader)
    return Dokument(
        type=typ, maalform=mf, tittel=lt["vitnemal" if vm else "kompetansebevis"],
        navn=v.personnavn or "", fodselsnummer=fnr,
        innledning=(t["innledning_vitnemal"].format(ar=v.avgangsaar or "") if vm
                    else t["innledning_kompetansebevis"]),
        innledning_program=t["innledning_program"] if vm else "",
        programomrader=tuple(trykte),
        sluttkompetanse=(t["studiekompetanse"],) if vm and koder.studiekompetanse else (),
        grupper=_grupper(fag, kv, mf) if tekster else (), sum_omfang=str(koder.sum_omfang),
        orden=_orden_tekst(orden, kv, mf), adferd=_orden_tekst(adferd, kv, mf),
        fravaer=tuple(FravaerLinje(t["fravaer_ar"].format(n=f.ar), str(f.dager), str(f.timer))
                      for f in fravaer) if tekster else (),
        merknader=tuple(_merknadstekst(m, kv, mf) for m in merknader) if tekster else (),
        sted=v.utstedersted or "", dato=celler.dato(v.dato_utstedt) if v.dato_utstedt else "",
        skole=v.skolenavn or "", underskrivere=(v.rektornavn or "", v.underskriver_2 or ""),
        dokumentnummer=nr, ledetekster=dict(lt),
        forstegangsvitnemal=vm and v.foerstegangsvm == "J", koder=koder)


def _orden_tekst(v: OrdenAdferd | None, kv: Kodeverk, mf: str) -> str:
    if v is None:
        return ""
    e = kv.orden_adferd.get(v.value)
    return e.tekst(mf) if e else v.value


def _merknadstekst(m: MerknadKoder | None, kv: Kodeverk, mf: str) -> str:
    if m is None:
        return ""
    entry = kv.merknad(m.kode)
    return entry.fyll_inn(m.parametre, mf) if entry else m.kode


def _grupper(fag: list[FagKoder], kv: Kodeverk, mf: str) -> tuple[FagGruppe, ...]:
    """The printed rows under their fagtype headings, in the file's order (001 §2.5)."""
    per_type: dict[str, list[FagRad]] = {}
    for f in fag:
        per_type.setdefault(str(f.fagtype), []).append(FagRad(
            omfang=str(f.omfang) if f.omfang is not None else INGEN_OMFANG,
            fagkode=f.fagkode, fagnavn=f.fagnavn,
            standpunkt=celler.karakter(f.standpunkt, kv, mf),
            eksamen=celler.karakter(f.eksamen, kv, mf),
            eksamensform=str(f.eksamensform) if f.eksamensform else STIPLET,
            ar=f.termin_kort, merknad=_merknadstekst(f.fagmerknad, kv, mf)))
    ut = []
    for typ_, rader in per_type.items():
        entry = kv.fagtyper.get(typ_)
        ut.append(FagGruppe(fagtype=typ_, overskrift=entry.tekst(mf) if entry else typ_,
                            rader=tuple(rader)))
    return tuple(ut)
