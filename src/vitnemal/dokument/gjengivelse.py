"""A document issued again from the stored one: a duplicate (001 §2.11) or the new document
after a change of legal gender (001 §2.12).

Both are made from the ``Dokument`` that was printed, never from today's elevmappe: only the
issuance facts change (``Utstedelse``: the DUPLIKAT stamp, the new date, the signatures and,
when asked for, a new number; for §2.12 also the new fødselsnummer and name). Everything else
is the original's, byte for byte. For a record that has not changed, the result equals what
``vitnemal.utskrift.forbered`` composes from that record with the same facts (tested), so the
two ways of issuing cannot drift apart. Pure.
"""

from __future__ import annotations

from dataclasses import replace

from vitnemal.dokument import celler
from vitnemal.dokument.model import Dokument
from vitnemal.dokument.utstedelse import Utstedelse
from vitnemal.errors import InputError


def gjengi(dok: Dokument, u: Utstedelse, *, fodselsnummer: str | None = None,
           navn: str | None = None) -> Dokument:
    """Ref: 001 §2.11 — «Duplikat skal stemples med duplikat og dere skal påføre en ny dato og
    underskrift. For øvrig skal et duplikat være identisk med originalvitnemålet.» Ref: 001
    §2.12 — «nytt vitnemål må derfor være påført nytt personnummer og vitnemålsnummer. Dette er
    ikke et duplikat … Reglene om utstedelse av duplikat gjelder for øvrig.»

    ``dok`` is the stored original; ``u`` the new issuance: ``u.dato`` the new date,
    ``u.utsteder.underskrivere`` the signatures (None: the original's), ``u.duplikat`` the
    stamp, ``u.lopenummer`` a new number in the year of ``u.dato`` (None: the original's
    number, for a duplicate only). School name and place are the original's. ``fodselsnummer``
    and ``navn`` (§2.12) replace the person's; such a document is not a duplicate and needs a
    new number. Raises ``InputError`` naming every problem of ``u``."""
    u.kontroller()
    ny_person = fodselsnummer is not None or navn is not None
    feil = []
    if u.dato is None:
        feil.append("et dokument som utstedes på nytt skal ha ny dato (001 §2.11)")
    if ny_person and u.duplikat:
        feil.append("nytt fødselsnummer gir et nytt dokument, ikke et duplikat (001 §2.12)")
    if (ny_person or not u.duplikat) and u.lopenummer is None:
        feil.append("et nytt dokument skal ha nytt løpenummer (001 §2.8, §2.12)")
    if dok.koder is None:
        feil.append("det lagrede dokumentet mangler kodene (dokument.koder)")
    if feil:
        raise InputError("dokumentet kan ikke utstedes på nytt: " + "; ".join(feil))
    koder = dok.koder
    nummer, lopenummer, nummer_ar = dok.dokumentnummer, koder.lopenummer, koder.nummer_ar
    if u.lopenummer is not None:
        orgnr = u.utsteder.orgnr if u.utsteder else koder.orgnr
        lopenummer, nummer_ar = u.lopenummer, u.dato.year
        nummer = celler.dokumentnummer(dok.type, orgnr, nummer_ar, lopenummer)
        koder = replace(koder, orgnr=orgnr,
                        utenlandsk=u.utsteder.utenlandsk if u.utsteder else koder.utenlandsk)
    return replace(
        dok,
        fodselsnummer=fodselsnummer if fodselsnummer is not None else dok.fodselsnummer,
        navn=navn if navn is not None else dok.navn,
        dato=celler.dato(u.dato),
        underskrivere=u.utsteder.underskrivere if u.utsteder else dok.underskrivere,
        dokumentnummer=nummer,
        duplikat=u.duplikat,
        utkast=u.utkast,
        fortrykt=u.fortrykt,
        koder=replace(koder, lopenummer=lopenummer, nummer_ar=nummer_ar, dato=u.dato),
    )
