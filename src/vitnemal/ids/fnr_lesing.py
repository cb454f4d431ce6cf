"""How a number with check digits is read: date fields, check-digit rule, scheme, birth
date and gender — one small step each, composed by ``fodselsnummer``.

Ref: Skatteetaten, «Nytt fødselsnummer fra 2032», version of 23 June 2025,
https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/
— «For fødselsnumre og d-numre utstedt etter 1. januar 2032 endres kontrollberegningen … I ny
kontrollberegning vil rest etter moduluskontrollen tillate 0, 1, 2 og 3»; «Nye fødselsnumre
og d-numre blir kjønnsnøytrale, og systemene skal ikke lenger utlede kjønn fra numrene»;
«Individnummeret vil ikke lenger angi århundre»; the new rule «vil gjelde for alle nye
tildelinger, dvs. også de som er født FØR 01.01.2032». Skatteetaten's own validator checks
the date with the century taken as 2000 and never compares it with today's date.

The scheme a number is read by (docs/decisions.md, «Identifiers: the 2032 scheme and foreign
schools»):

- ``"2032"`` when k1 leaves remainder 1–3 (only the new rule allows it); when the
  individnummer gives no century under the pre-2032 table, or a date that does not exist; or
  when that table would put the birth date after ``today``. Then neither century nor gender
  is read: the birth date is the latest one not after ``today`` (age 0–99), and without
  ``today`` it is unknown.
- ``"1964"`` otherwise (remainder 0, the table gives a date not after ``today``): century
  from the table; gender from the ninth digit, except from 1 January 2032 on, when a
  remainder-0 number may be a new, gender-neutral one, so the gender is not read.

Every check-digit variant of the same nine digits that is read by the 2032 scheme is read
alike: the same birth date, no gender.

>>> from datetime import date
>>> n, today, notes = '02013299997', date(2025, 8, 1), []
>>> tabell = dato_1964(n, datofelt(n, 0))
>>> tabell, ordning(n, '1964', tabell, today, notes)
(datetime.date(2032, 1, 2), '2032')
>>> notes[0][:60]
'Etter individnummertabellen før 2032 ville fødselsdatoen bli'
>>> fodselsdato(n, '2032', (2, 1, 32), tabell, today, [])
datetime.date(1932, 1, 2)
"""

from __future__ import annotations

from datetime import date

from vitnemal.ids import mod11
from vitnemal.ids.exceptions import InvalidChecksum, InvalidComponent
from vitnemal.ids.fnr_resultat import KVINNE, MANN, Nummertype

# Numbers issued from this date follow the 2032 rule (gender-neutral, no century).
NY_ORDNING_FRA = date(2032, 1, 1)

Datofelt = tuple[int, int, int]  # day, month, two-digit year as written in the number


def er_d_nummer(n: str) -> bool:
    """Day + 40 (first digit 4–7): a D-number or, without check digits, a VIGO fictive one."""
    return n[0] in "4567"


def datofelt(n: str, month_offset: int) -> Datofelt:
    """Day, month and two-digit year; raise InvalidComponent when no century makes the date
    exist (the year 2000 is tried: a leap year, as in Skatteetaten's validator).

    >>> datofelt('42059199202', 0), datofelt('15850756217', 80)
    ((2, 5, 91), (15, 5, 7))
    """
    day = int(n[:2]) - (40 if er_d_nummer(n) else 0)
    month = int(n[2:4]) - month_offset
    yy = int(n[4:6])
    try:
        date(2000 + yy, month, day)
    except ValueError:
        raise InvalidComponent(
            f"datoen {day:02d}.{month:02d}.{yy:02d} i fødselsnummeret finnes ikke"
        ) from None
    return day, month, yy


def kontrollregel(n: str, kind: Nummertype) -> str:
    """Ref: Skatteetaten 2032. ``"1964"`` (k1 remainder 0) or ``"2032"`` (1–3); else raise."""
    regel = mod11.rule(n)
    if regel is None:
        raise InvalidChecksum(
            "kontrollsifrene stemmer ikke (modulus 11); sjekk at nummeret er skrevet riktig",
            failed_kind(kind),
        )
    return regel


def failed_kind(kind: Nummertype) -> Nummertype:
    """The kind reported for a rejected number: synthetic numbers keep theirs."""
    synthetic = (Nummertype.SYNTETISK_NAV, Nummertype.SYNTETISK_TENOR)
    return kind if kind in synthetic else Nummertype.UGYLDIG


def arhundre_1964(individnummer: int, yy: int) -> int | None:
    """Ref: Skatteetaten, individnummer series (rule until 2032). Full year, or None.

    >>> arhundre_1964(268, 82), arhundre_1964(999, 32), arhundre_1964(800, 80)
    (1982, 2032, None)
    """
    if individnummer <= 499:
        return 1900 + yy
    if individnummer <= 749 and yy >= 54:
        return 1800 + yy
    if yy <= 39:
        return 2000 + yy
    if individnummer >= 900:
        return 1900 + yy
    return None


def dato_1964(n: str, felt: Datofelt) -> date | None:
    """The birth date under the pre-2032 individnummer table; None for a D-number, or where
    the table gives no century or a date that does not exist (29.02 in a year that is no
    leap year).

    >>> dato_1964('30108299920', (30, 10, 82)), dato_1964('29020010000', (29, 2, 0))
    (datetime.date(1982, 10, 30), None)
    """
    if er_d_nummer(n):
        return None
    day, month, yy = felt
    year = arhundre_1964(int(n[6:9]), yy)
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def ordning(
    n: str, regel: str, tabell: date | None, today: date | None, notes: list[str]
) -> str:
    """The scheme the number is read by, ``"1964"`` or ``"2032"`` (module docstring);
    ``tabell`` is ``dato_1964(n, …)``."""
    if regel == "2032":
        notes.append(
            "Kontrollsifrene følger 2032-regelen (første kontrollsiffer gir rest 1–3): "
            "kjønn går ikke fram av nummeret, og individnummeret angir ikke århundre."
        )
        return "2032"
    if er_d_nummer(n):
        return "1964"  # the birth year of a D-number is never read (see ``fodselsdato``)
    if tabell is None:
        notes.append(
            f"Individnummeret {n[6:9]} gir ingen gyldig fødselsdato for år {n[4:6]} etter "
            "ordningen før 2032; lest som nummer etter 2032-ordningen (kjønn og århundre går "
            "ikke fram av nummeret)."
        )
        return "2032"
    if today is not None and tabell > today:
        notes.append(
            f"Etter individnummertabellen før 2032 ville fødselsdatoen bli {tabell:%d.%m.%Y}, "
            f"som ligger etter {today:%d.%m.%Y}; lest som nummer etter 2032-ordningen "
            "(kjønn og århundre går ikke fram av nummeret)."
        )
        return "2032"
    return "1964"


def fodselsdato(
    n: str, ordning: str, felt: Datofelt, tabell: date | None, today: date | None,
    notes: list[str],
) -> date | None:
    """The birth date the scheme gives; None for D-numbers and where the century is unknown."""
    day, month, yy = felt
    if er_d_nummer(n):
        notes.append(
            f"D-nummer: fødselsdag og -måned {day:02d}.{month:02d}; fødselsåret fastsettes "
            "ikke, fordi individnummeret ikke sikkert angir århundret for D-numre "
            "(utvidet D-nummerserie fra 2021)."
        )
        return None
    if ordning == "1964":
        return tabell
    return siste_dato(yy, month, day, today, notes)


def kjonn(n: str, ordning: str, today: date | None, notes: list[str]) -> str | None:
    """The gender the ninth digit gives under the pre-2032 scheme, or None (module docstring)."""
    if ordning == "2032":
        return None
    if today is not None and today >= NY_ORDNING_FRA:
        notes.append(
            f"Kjønn leses ikke av nummeret per {today:%d.%m.%Y}: numre tildelt fra 1.1.2032 er "
            "kjønnsnøytrale, og et nummer med rest 0 kan være tildelt etter begge ordninger "
            "(kjønn står i Folkeregisteret)."
        )
        return None
    if today is None:
        notes.append(
            "Kjønn er lest av niende siffer etter ordningen før 2032; numre tildelt fra "
            "1.1.2032 er kjønnsnøytrale."
        )
    return KVINNE if int(n[8]) % 2 == 0 else MANN


def siste_dato(yy: int, month: int, day: int, today: date | None, notes: list[str]) -> date | None:
    """The latest date with year ending in ``yy`` not after ``today`` (age 0–99).

    >>> siste_dato(10, 1, 1, date(2009, 8, 1), [])
    datetime.date(1910, 1, 1)
    """
    if today is None:
        notes.append(
            "Århundret går ikke fram av nummeret, og ingen dato er oppgitt å velge etter; "
            "fødselsdatoen er ikke fastsatt."
        )
        return None
    year = today.year - (today.year - yy) % 100
    for candidate in (year, year - 100):
        try:
            born = date(candidate, month, day)
        except ValueError:
            continue
        if born <= today:
            notes.append(
                f"Århundret går ikke fram av nummeret; valgt {candidate}, siste mulige "
                f"fødselsår per {today:%d.%m.%Y}."
            )
            return born
    raise InvalidComponent(f"datoen {day:02d}.{month:02d}.{yy:02d} i fødselsnummeret finnes ikke")
