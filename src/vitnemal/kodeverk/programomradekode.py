"""The format of a programområdekode (001 §2.3, §4.3, §13.2; 004 generelt)."""

from __future__ import annotations

import re

_ORDINARY = re.compile(r"^[A-ZÆØÅ]{5}[0-9]----$")
_LETTERS_7_8 = re.compile(r"^[A-ZÆØÅ]{5}[0-9][A-ZÆØÅ]{2}--$")


def programomradekode_feil(kode: str) -> str | None:
    """Ref: 001 §2.3 — None if ``kode`` has the form of a programområdekode, else why not.

    «Disse har formen 5 bokstaver, 1 tall og 4 bindestreker. Unntaket er Den Tyske Skole
    Oslo, Steinerskoler og Montessoriskoler som har fått tildelt egne koder som inneholder
    bokstaver i 7. og 8. posisjon.» Exceptions named elsewhere (kodeverk
    ``spesielle_programomradekoder``): GSGSK0VG-- (§2.3, §7.7), PBPBY4---- (§4.3, §4.4),
    R94GK1---- and R94VKI---- (§13.2), PBPBY4--6P and PBPBY4VO-- (004 generelt, komprimerte løp).

    Ikke formalisert: whether the code is one of the «sentralt gitte» codes — the list of
    codes (Grep) is not bundled; only the form is checked.

    >>> programomradekode_feil("STSSA1----") is None
    True
    >>> programomradekode_feil("STSSA2DT--") is None  # letters in positions 7–8 (form only)
    True
    >>> programomradekode_feil("R94GK1----") is None
    True
    >>> programomradekode_feil("STSSA1---")
    'programområdekoden «STSSA1---» har 9 tegn; den skal ha 10 (5 bokstaver, 1 tall og 4 bindestreker)'
    """
    if not isinstance(kode, str) or not kode:
        return "programområdekoden mangler"
    if kode in _special_codes():
        return None
    if len(kode) != 10:
        return (
            f"programområdekoden «{kode}» har {len(kode)} tegn; den skal ha 10 "
            "(5 bokstaver, 1 tall og 4 bindestreker)"
        )
    if _ORDINARY.match(kode) or _LETTERS_7_8.match(kode):
        return None
    if kode != kode.upper():
        return f"programområdekoden «{kode}» skal skrives med store bokstaver"
    if not re.match(r"^[A-ZÆØÅ]{5}$", kode[:5]):
        return f"programområdekoden «{kode}» skal begynne med 5 bokstaver"
    if not kode[5].isdigit():
        return f"programområdekoden «{kode}» skal ha et tall i 6. posisjon"
    return (
        f"programområdekoden «{kode}» skal slutte med 4 bindestreker (eller 2 bokstaver i "
        "7. og 8. posisjon fulgt av 2 bindestreker)"
    )


def _special_codes() -> dict:
    from vitnemal.kodeverk.loader import load

    return load().spesielle_programomradekoder
