"""The programme area lines of a document and the opplæringsløp they form (001 §2.3, §4.1, §4.3).

Facts about the lines only (no grades): which lines are printed and in what order, which
utdanningsprogram a line belongs to, whether the lines form a complete løp and which
sluttkompetanse that løp can give. The decision that uses these is ``dokument.beslutning``.
"""

from __future__ import annotations

from vitnemal.kodeverk import Kodeverk
from vitnemal.model import Elevmappe, Programomrade

#: Codes of «fag for studiekompetanse» (001 §4.3; 004 vg3 «Komprimerte løp»).
FAG_FOR_STUDIEKOMPETANSE = ("PBPBY4----", "PBPBY4--6P", "PBPBY4VO--")
#: Pupils at ungdomstrinnet taking fag from upper secondary (001 §2.3, §7.7).
UNGDOMSTRINN = "GSGSK0VG--"
#: Reform 94 lines (001 §13.2): no utdanningsprogram is printed.
R94_KODER = ("R94GK1----", "R94VKI----")


def linjer(mappe: Elevmappe) -> list[Programomrade]:
    """Ref: 001 §2.3 — «Rekkefølgen skal være: vg1, vg2, vg3 og vg4».

    One line per programme area: a programme area registered for several school years (over
    two years, extended time) is printed once, with its last school year. Sorted by level,
    then school year, then code.
    """
    last: dict[tuple[str, str], Programomrade] = {}
    for p in mappe.programomrader:
        key = (p.kode, p.niva.value)
        if key not in last or p.skolear >= last[key].skolear:
            last[key] = p
    return sorted(last.values(), key=lambda p: (p.niva.nummer, p.skolear, p.kode))


def er_pabygging(p: Programomrade) -> bool:
    """Ref: 001 §4.4 — «vg4 påbygg … Dere skal føre med PBPBY4---- ‹Fag for studiekompetanse›»:
    påbygging til generell studiekompetanse and fag for studiekompetanse (codes PB…)."""
    return p.kode.startswith("PB")


def bare_fag_for_studiekompetanse(ls: list[Programomrade]) -> bool:
    """Ref: 001 §4.3 — «Elever og privatister som tar enkeltfag for å oppfylle kravene til generell
    studiekompetanse, får et kompetansebevis … programområdekode PBPBY4---- ‹Fag for
    studiekompetanse›» (also PBPBY4--6P and PBPBY4VO--, 004 vg3 komprimerte løp)."""
    return bool(ls) and all(p.kode in FAG_FOR_STUDIEKOMPETANSE for p in ls)


def studieforberedende(p: Programomrade, kv: Kodeverk) -> bool | None:
    """Whether the line's utdanningsprogram is studieforberedende; None when unknown."""
    if p.kode in R94_KODER or p.kode == UNGDOMSTRINN:
        return None
    u = kv.utdanningsprogram.get(p.kode[:2])
    return None if u is None else u.studieforberedende


def utdanningsprogram_tekst(p: Programomrade, kv: Kodeverk, maalform: str) -> str:
    """Ref: 001 §2.3 — «For påbygging til generell studiekompetanse fører dere ikke navn på
    utdanningsprogram. Det samme gjelder fag for studiekompetanse.» Nor for the Reform 94 lines
    (001 §13.2: «Rubrikken for utdanningsprogram fyller dere ikke ut»).

    The kodeverk's name (in the målform) is used where it has one, else the record's.
    """
    if p.kode in R94_KODER or p.kode == UNGDOMSTRINN:
        return ""
    u = kv.utdanningsprogram.get(p.kode[:2])
    if u is not None:
        return u.tekst(maalform) if u.skrives_ut else ""
    if er_pabygging(p):
        return ""
    return p.utdanningsprogram or ""


def utdanningsprogram_kode(p: Programomrade, kv: Kodeverk) -> str:
    """The two-letter utdanningsprogram code of a line (NVB P8, e.g. ST, HS), "" where the
    kodeverk does not know it or the guideline prints none (001 §2.3, §13.2)."""
    if p.kode in R94_KODER or p.kode == UNGDOMSTRINN:
        return ""
    return p.kode[:2] if p.kode[:2] in kv.utdanningsprogram else ""


def ufullstendig(p: Programomrade) -> str | None:
    """Ref: 004 H — why a line is not a whole programme area this year, or None.

    Part-time or only some fag, the first of two years, an unusual school year still under way,
    interrupted (004 S), or registered as not the whole programme area.
    """
    if p.deltid:
        return "er tatt på deltid eller bare med noen av fagene"
    if p.over_to_ar == 1:
        return "er første år av et programområde over to år"
    if p.unormalt_skolear == "underveis":
        return "har et skoleår som ikke er avsluttet"
    if p.sluttet:
        return "er avbrutt i løpet av skoleåret"
    if p.hele_programomradet is False:
        return "er ikke registrert som fullført i hele programområdet"
    return None


def lop_mangler(ls: list[Programomrade], kv: Kodeverk) -> list[tuple[str, str]]:
    """Ref: 001 §4.1 — «På et vitnemål kan dere bare føre de tre (eller fire) programområdene som
    inngår i et definert opplæringsløp». Why the lines are not a complete løp ([] when they are).

    Formalised: one line per level vg1, vg2, vg3 (and optionally vg4), each a whole programme
    area; not only «fag for studiekompetanse» (§4.3, which gives a kompetansebevis); no
    ungdomstrinn line (§7.7). Ikke formalisert: whether the programme areas belong to one løp of
    the tilbudsstruktur (needs Udir's tilbudsstruktur). ``ls``: the lines printed (``linjer``).
    Returns (paragraph, reason) pairs.
    """
    out: list[tuple[str, str]] = []
    if not ls:
        return [("001 §2.3", "ingen programområder er ført")]
    if bare_fag_for_studiekompetanse(ls):
        return [("001 §4.3", "fag for studiekompetanse (PBPBY4----) gir kompetansebevis")]
    if any(p.kode == UNGDOMSTRINN for p in ls):
        out.append(("001 §7.7", f"{UNGDOMSTRINN} (fag tatt på ungdomstrinnet) hører til et "
                                "kompetansebevis"))
    nivaer = [p.niva.nummer for p in ls]
    for n in sorted(set(nivaer)):
        if nivaer.count(n) > 1:
            koder = ", ".join(p.kode for p in ls if p.niva.nummer == n)
            out.append(("001 §4.1", f"flere programområder på vg{n} ({koder}); et vitnemål har "
                                    "ett per årstrinn i et definert opplæringsløp"))
    for n in (1, 2, 3):
        if n not in nivaer:
            out.append(("001 §4.1", f"programområde på vg{n} mangler"))
    if 5 in nivaer:
        out.append(("001 §4.1", "nivåene danner ikke et opplæringsløp vg1–vg3 eller vg1–vg4"))
    for p in ls:
        why = ufullstendig(p)
        if why:
            out.append(("004 H", f"programområdet {p.kode} ({p.niva.value}) {why}"))
    return out


def sluttkompetanser(ls: list[Programomrade], mappe: Elevmappe,
                     kv: Kodeverk) -> tuple[bool, bool, bool]:
    """Ref: 001 §2.3 — «og har oppnådd generell studiekompetanse», «og har oppnådd
    yrkeskompetanse», «og har bestått fagopplæring»; «Dersom vitnemålet gir grunnlag for flere
    av disse sluttkompetansene, fører dere de aktuelle».

    (studiekompetanse, yrkeskompetanse, fagopplæring) from the lines: studiekompetanse when the
    løp ends in a studieforberedende vg3 or has påbygging (vg3/vg4, 001 §4.4); fagopplæring when
    VMM31 «Bestått fagopplæring» is registered (001 §9.1); else yrkeskompetanse when a yrkesfag
    programme area on vg3 or higher (not påbygging) is part of the løp. ``ls``: the lines
    printed (``linjer``).
    """
    hoyeste = max((p.niva.nummer for p in ls), default=0)
    studie = any(er_pabygging(p) and p.niva.nummer >= 3 for p in ls) or any(
        p.niva.nummer == 3 == hoyeste and studieforberedende(p, kv) for p in ls
    )
    yrkes_linje = any(
        p.niva.nummer >= 3 and not er_pabygging(p) and studieforberedende(p, kv) is False
        for p in ls
    )
    fagopplaering = yrkes_linje and any(m.kode == "VMM31" for m in mappe.vitnemalsmerknader)
    return studie, yrkes_linje and not fagopplaering, fagopplaering
