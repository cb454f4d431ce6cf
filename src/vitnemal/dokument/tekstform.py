"""A plain-text rendering of a ``Dokument`` for the terminal (``vitnemal vis``)."""

from __future__ import annotations

from vitnemal.dokument.model import Dokument

# The units of fravær for a count of one (the ledetekster hold the plural the PDF prints).
_ENTALL = {"dager": {"nb": "dag", "nn": "dag", "en": "day"},
           "timer": {"nb": "time", "nn": "time", "en": "hour"}}


def _enhet(antall: str, key: str, lt: dict, maalform: str) -> str:
    """«1 dag», «2 dager», «-- dager» (the count is printed text: a number or a dash)."""
    if antall.strip() == "1":
        return _ENTALL[key].get(maalform, _ENTALL[key]["nb"])
    return lt.get(key, key)


def tekst(d: Dokument) -> str:
    """The document as lines of text, in the blankett's order (001 §2.2–2.8)."""
    lt = d.ledetekster
    ut: list[str] = []
    merke = [m for m, on in (("utkast", d.utkast), ("duplikat", d.duplikat)) if on]
    ut.append(d.tittel + "".join(f"  [{lt.get(m, m.upper())}]" for m in merke))
    ut.append(f"{lt.get('navn', 'Navn:')} {d.navn}")
    ut.append(f"{lt.get('fodselsnummer', 'Fødselsnummer:')} {d.fodselsnummer}")
    ut.append("")
    ut.append(d.innledning + (f" {d.innledning_program}" if d.innledning_program else ""))
    for p in d.programomrader:
        felt = [p.kode, p.navn, p.utdanningsprogram, p.pastand]
        ut.append("  " + "  ".join(f for f in felt if f))
    ut.extend(d.sluttkompetanse)
    ut.append("")
    kol = [lt.get(k, k) for k in ("omfang", "kode", "fag", "standpunkt", "eksamen",
                                  "eksamensform", "ar", "merknader")]
    ut.append(" | ".join(kol))
    for g in d.grupper:
        ut.append(f"{g.overskrift}")
        for r in g.rader:
            ut.append(" | ".join([r.omfang, r.fagkode, r.fagnavn, r.standpunkt, r.eksamen,
                                  r.eksamensform, r.ar, r.merknad]).rstrip(" |"))
    ut.append("")
    ut.append(f"{lt.get('sum_omfang', 'Sum omfang')}: {d.sum_omfang}")
    if d.orden or d.adferd:
        ut.append(f"{lt.get('orden', 'Orden')}: {d.orden}   {lt.get('adferd', 'Adferd')}: {d.adferd}")
    if d.fravaer:
        ut.append(f"{lt.get('fravaer', 'Fravær')}:")
        for f in d.fravaer:
            ut.append(f"  {f.etikett}: {f.dager} {_enhet(f.dager, 'dager', lt, d.maalform)}, "
                      f"{f.timer} {_enhet(f.timer, 'timer', lt, d.maalform)}")
    if d.merknader:
        ut.append("")
        ut.extend(d.merknader)
    ut.append("")
    ut.append(f"{d.sted}, {d.dato}   {d.skole}")
    ut.append(f"{d.underskrivere[0]}   {d.underskrivere[1]}")
    ut.append(f"{lt.get('nummer', 'Nr.')} {d.dokumentnummer}")
    return "\n".join(ut)
