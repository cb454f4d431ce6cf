"""The human-readable report of a control run, grouped by document and severity, and its JSON.

Documents without findings are counted, not listed. Every finding shows its severity, check
id and paragraph, where it is (line, record, field) and the message. No fødselsnummer is ever
printed: the checks' messages do not quote V14/V15.
"""

from __future__ import annotations

from vitnemal.findings import Alvorlighet
from vitnemal.nvb.funn import NvbFinding
from vitnemal.nvb.kontroll import Kontrollresultat

_OVERSKRIFT = {Alvorlighet.FEIL: "Feil", Alvorlighet.VARSEL: "Varsler",
               Alvorlighet.TIPS: "Tips", Alvorlighet.INFO: "Informasjon"}


def _antall(r: Kontrollresultat) -> str:
    deler = [f"{r.antall[a]} {a.value}" for a in Alvorlighet if r.antall[a]]
    return ", ".join(deler) if deler else "ingen funn"


def _linjer_for(funn: tuple[NvbFinding, ...], innrykk: str) -> list[str]:
    ut = []
    for alv in Alvorlighet:
        gruppe = [f for f in funn if f.alvorlighet is alv]
        if not gruppe:
            continue
        ut.append(f"{innrykk}{_OVERSKRIFT[alv]} ({len(gruppe)}):")
        for f in gruppe:
            hvor = f"{f.sted}: " if f.sted else ""
            ut.append(f"{innrykk}  {alv.value} {f.regel} ({f.finding.paragraf}): {hvor}{f.tekst}")
    return ut


def tekst(r: Kontrollresultat, navn: str) -> str:
    """The report as text, ending with a newline."""
    fil = r.lesing.lesbart
    med_feil = sum(1 for d in r.dokumenter if d.har_feil)
    ut = [f"Kontroll av {navn}: {len(fil.organisasjoner)} organisasjon(er), "
          f"{len(r.dokumenter)} dokument(er), {sum(1 for _ in fil.annulleringer())} "
          f"annullering(er), {r.lesing.linjer} linjer.",
          f"Resultat: {_antall(r)}. {len(r.dokumenter) - med_feil} dokument(er) uten feil, "
          f"{med_feil} med feil (NVB tar ikke inn et dokument med FEIL)."]
    if not r.lest:
        ut.append("Filen kunne ikke leses; ingen dokumenter er kontrollert.")
    if r.filfunn:
        ut += ["", "Filen (gjelder ikke ett bestemt dokument):", *_linjer_for(r.filfunn, "  ")]
    for d in r.dokumenter:
        if not d.funn:
            continue
        linje = d.dok.linjer.v if d.dok.linjer else None
        status = "kan ikke tas inn" if d.har_feil else "kan tas inn"
        ut += ["", f"Dokument {d.dok.vgdoknr or '(uten nummer)'} (kontroll {d.kontrollnr}"
               + (f", linje {linje}" if linje else "") + f"): {status}",
               *_linjer_for(d.funn, "  ")]
    if r.utelatt:
        ut += ["", f"{r.utelatt} funn til er ikke vist: grensen for antall funn er nådd."]
    if r.ikke_kontrollert:
        ut += ["", "Kontrollen omfatter filkontrollene (formatet) og retningslinjenes kontroller "
               "som leser dokumentet. Ikke kontrollert (¤-filen har ikke elevmappen: status, "
               "alle programområdelinjer og fag, begrunnelser):"]
        ut += [f"  {f.regel} ({f.finding.paragraf}): "
               + f.tekst.removeprefix("ikke kontrollert: ").removesuffix(
                   " (¤-filen har ikke elevmappen)") for f in r.ikke_kontrollert]
    else:
        ut += ["", "Kontrollen omfatter filkontrollene (formatet)."]
    return "\n".join(ut) + "\n"


def som_dict(r: Kontrollresultat, navn: str) -> dict:
    """JSON-ready: counts, the file's findings and every document that has findings."""
    return {
        "fil": navn,
        "lest": r.lest,
        "linjer": r.lesing.linjer,
        "dokumenter": len(r.dokumenter),
        "dokumenter_med_feil": sum(1 for d in r.dokumenter if d.har_feil),
        "antall": {a.value: r.antall[a] for a in Alvorlighet},
        "utelatt": r.utelatt,
        "filfunn": [f.as_dict() for f in r.filfunn],
        "ikke_kontrollert": [f.as_dict() for f in r.ikke_kontrollert],
        "dokumentfunn": [
            {"kontrollnr": d.kontrollnr, "vgdoknr": d.dok.vgdoknr,
             "linje": d.dok.linjer.v if d.dok.linjer else None,
             "kan_tas_inn": not d.har_feil, "funn": [f.as_dict() for f in d.funn]}
            for d in r.dokumenter if d.funn],
    }
