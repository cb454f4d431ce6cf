"""Norwegian fødselsnummer and the numbers that look like one, python-stdnum style.

``compact`` / ``validate`` / ``is_valid`` / ``analyse``. There is no hidden clock: where
the number does not give the century, pass ``today`` and the latest birth date not after
``today`` is chosen (age 0–99, which covers upper secondary and adult education); without
``today`` the birth date is left unknown (None) and a note says so.

Kinds (``Nummertype``):

- fødselsnummer: DDMMYY + individnummer + k1 k2 (mod 11, weights 3 7 6 1 8 9 4 5 2 and
  5 4 3 2 7 6 5 4 3 2). From 2032 k1 may leave remainder 0, 1, 2 or 3; such numbers encode
  neither gender nor century (Skatteetaten, «Nytt fødselsnummer fra 2032»).
- D-nummer: day + 40, valid check digits. Since the 2021 extension of the D-number series
  the individnummer does not give the century, so no birth year is invented.
- VIGO fictive number (003 A01): day + 40, then 99 (98, 97 …), a gender digit and the
  county number (00 for private schools), no check digits. A number whose check digits are
  valid is a D-number, not a fictive number.
- synthetic test numbers (Tenor: month + 80; NAV Dolly: month + 40): only with
  ``testdata=True``, then reported as synthetic.
- rejected with the reason: H-nummer (month + 40), FH-nummer (first digit 8 or 9),
  13-digit PAS number and 12-digit DUF number (003 A01).

Seed 003's two examples:

>>> from datetime import date
>>> a = analyse('42059199202', today=date(2025, 8, 1))
>>> a.type.value, a.fodselsdato, a.kjonn, a.fylkesnummer
('vigo_fiktivt', datetime.date(1991, 5, 2), 'kvinne', '02')
>>> a = analyse('550491 99119', today=date(2025, 8, 1))
>>> a.nummer, a.type.value, a.fodselsdato, a.kjonn, a.fylkesnummer
('55049199119', 'vigo_fiktivt', datetime.date(1991, 4, 15), 'mann', '19')

Skatteetaten's 2032-rule example 30108299939, by hand. k1: 3·3 + 7·0 + 6·1 + 1·0 + 8·8 +
9·2 + 4·9 + 5·9 + 2·9 = 196; with k1 = 3 (weight 1) the sum is 199 = 18·11 + 1, remainder 1
(allowed from 2032; the old rule needs 0, i.e. k1 = 2). k2: 5·3 + 4·0 + 3·1 + 2·0 + 7·8 +
6·2 + 5·9 + 4·9 + 3·9 + 2·3 = 200; with k2 = 9 the sum is 209 = 19·11, remainder 0.

>>> a = analyse('30108299939', today=date(2025, 8, 1))
>>> a.gyldig, a.type.value, a.kontrollregel, a.fodselsdato, a.kjonn
(True, 'fodselsnummer', '2032', datetime.date(1982, 10, 30), None)
>>> analyse('30108299939').fodselsdato is None   # no today: the century is not guessed
True
>>> validate('30108299938')
Traceback (most recent call last):
    ...
vitnemal.ids.fnr_resultat.InvalidChecksum: kontrollsifrene stemmer ikke (modulus 11); sjekk at nummeret er skrevet riktig
"""

from __future__ import annotations

from datetime import date

from vitnemal.ids import mod11
from vitnemal.ids.fnr_resultat import (
    GRUNN_DUF,
    GRUNN_FH,
    GRUNN_H,
    GRUNN_PAS,
    GRUNN_TENOR,
    KVINNE,
    MANN,
    Analyse,
    InvalidChecksum,
    InvalidComponent,
    InvalidFodselsnummer,
    InvalidFormat,
    InvalidLength,
    Nummertype,
    RejectedKind,
)
from vitnemal.ids.fylker import PRIVATSKOLE, fylke, gyldig_fylkesnummer

__all__ = [
    "Analyse",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFodselsnummer",
    "InvalidFormat",
    "InvalidLength",
    "Nummertype",
    "RejectedKind",
    "analyse",
    "compact",
    "is_valid",
    "validate",
]

# Numbers issued from this date follow the 2032 rule (gender-neutral, no century).
NY_REGEL_FRA = date(2032, 1, 1)


def compact(number: str) -> str:
    """Remove whitespace, dots and dashes.

    >>> compact(' 420591 99202 ')
    '42059199202'
    >>> compact('020591-992.02')
    '02059199202'
    """
    return "".join(str(number).split()).replace(".", "").replace("-", "")


def analyse(number: str, *, testdata: bool = False, today: date | None = None) -> Analyse:
    """Ref: 003 A01. Classify a number; never raises for bad input (``gyldig`` False, ``grunn``).

    >>> a = analyse('81234567890')
    >>> a.gyldig, a.type.value
    (False, 'fh_nummer')
    """
    try:
        return _analyse(number, testdata=testdata, today=today)
    except InvalidFodselsnummer as exc:
        nummer = compact(number) if isinstance(number, str) else repr(number)
        return Analyse(nummer=nummer, gyldig=False, type=exc.type, grunn=str(exc))


def validate(number: str, *, testdata: bool = False, today: date | None = None) -> str:
    """Ref: 003 A01. Return the compact number, or raise InvalidFodselsnummer with the reason.

    >>> validate('420591 99202')
    '42059199202'
    >>> validate('1234567890123')
    Traceback (most recent call last):
        ...
    vitnemal.ids.fnr_resultat.RejectedKind: 13 siffer: et fiktivt fødselsnummer fra Utdanningsdirektoratets eksamenstjeneste (PAS-Eksamen/PAS-Prøver). Det har et eget format på 13 siffer og kan ikke benyttes i andre systemer enn eksamenstjenesten (003 A01). Bruk fødselsnummer, D-nummer eller et fiktivt fødselsnummer fra VIGO (003 A01).
    """
    return _analyse(number, testdata=testdata, today=today).nummer


def is_valid(number: str, *, testdata: bool = False, today: date | None = None) -> bool:
    """True when ``validate`` accepts the number."""
    try:
        _analyse(number, testdata=testdata, today=today)
    except InvalidFodselsnummer:
        return False
    return True


def _analyse(number: str, *, testdata: bool, today: date | None) -> Analyse:
    if not isinstance(number, str):
        raise InvalidFormat(f"fødselsnummeret må være tekst, ikke {type(number).__name__}")
    n = compact(number)
    if not n:
        raise InvalidLength("fødselsnummeret er tomt")
    if not (n.isascii() and n.isdigit()):
        raise InvalidFormat(f"fødselsnummeret kan bare inneholde siffer: {number.strip()!r}")
    if len(n) == 13:
        raise RejectedKind(GRUNN_PAS, Nummertype.PAS_NUMMER)
    if len(n) == 12:
        if mod11.duf_ok(n):
            raise RejectedKind(GRUNN_DUF, Nummertype.DUF_NUMMER)
        raise InvalidLength(
            "fødselsnummeret må ha 11 siffer, ikke 12 (12 siffer er formatet til et "
            "DUF-nummer, som ikke kan benyttes i VIGO, men kontrollsifrene stemmer heller "
            "ikke for et DUF-nummer)"
        )
    if len(n) != 11:
        raise InvalidLength(f"fødselsnummeret må ha 11 siffer, ikke {len(n)}")
    if n[0] in "89":
        raise RejectedKind(GRUNN_FH, Nummertype.FH_NUMMER)
    month_field = int(n[2:4])
    if 41 <= month_field <= 52:
        if not testdata:
            raise RejectedKind(GRUNN_H, Nummertype.H_NUMMER)
        note = (
            "Måned + 40 brukes også av H-numre; tolket som syntetisk testnummer fordi "
            "testdata er slått på."
        )
        return _checked(n, Nummertype.SYNTETISK_NAV, 40, today, [note])
    if 81 <= month_field <= 92:
        if not testdata:
            raise RejectedKind(GRUNN_TENOR, Nummertype.SYNTETISK_TENOR)
        return _checked(n, Nummertype.SYNTETISK_TENOR, 80, today, [])
    if not 1 <= month_field <= 12:
        raise InvalidComponent(f"måneden {n[2:4]} i fødselsnummeret finnes ikke")
    if n[0] in "4567":
        return _d_or_fictive(n, today)
    return _checked(n, Nummertype.FODSELSNUMMER, 0, today, [])


def _day_month(n: str, month_offset: int) -> tuple[int, int, int]:
    """Day, month and two-digit year; raise when no century makes the date exist."""
    day = int(n[:2]) - (40 if n[0] in "4567" else 0)
    month = int(n[2:4]) - month_offset
    yy = int(n[4:6])
    try:
        date(2000 + yy, month, day)  # 2000 is a leap year: the most lenient century
    except ValueError:
        raise InvalidComponent(
            f"datoen {day:02d}.{month:02d}.{yy:02d} i fødselsnummeret finnes ikke"
        ) from None
    return day, month, yy


def _century_1964(individnummer: int, yy: int) -> int | None:
    """Ref: Skatteetaten, individnummer series (rule until 2032). Full year, or None."""
    if individnummer <= 499:
        return 1900 + yy
    if individnummer <= 749 and yy >= 54:
        return 1800 + yy
    if yy <= 39:
        return 2000 + yy
    if individnummer >= 900:
        return 1900 + yy
    return None


def _by_today(yy: int, month: int, day: int, today: date | None, notes: list[str]) -> date | None:
    """The latest date with year ending in ``yy`` not after ``today`` (age 0–99)."""
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


def _checked(
    n: str, kind: Nummertype, month_offset: int, today: date | None, notes: list[str]
) -> Analyse:
    """Ref: Skatteetaten, nytt fødselsnummer fra 2032. A number with check digits.

    «I ny kontrollberegning vil rest etter moduluskontrollen tillate 0, 1, 2 og 3»; «Nye
    fødselsnumre og d-numre blir kjønnsnøytrale»; «Individnummeret vil ikke lenger angi
    århundre».
    """
    day, month, yy = _day_month(n, month_offset)
    regel = mod11.rule(n)
    if regel is None:
        raise InvalidChecksum(
            "kontrollsifrene stemmer ikke (modulus 11); sjekk at nummeret er skrevet riktig",
            _failed(kind),
        )
    notes = list(notes)
    kjonn = None
    is_d = n[0] in "4567"
    year = _century_1964(int(n[6:9]), yy) if regel == "1964" else None
    # A remainder-0 number whose individnummer gives no century can only be a 2032 number.
    if regel == "1964" and (is_d or year is not None):
        kjonn = KVINNE if int(n[8]) % 2 == 0 else MANN
        if today is None or today >= NY_REGEL_FRA:
            notes.append(
                "Kjønn er lest av niende siffer etter regelen før 2032; numre tildelt fra "
                "1.1.2032 er kjønnsnøytrale."
            )
    elif regel == "2032":
        notes.append(
            "Kontrollsifrene følger 2032-regelen (første kontrollsiffer gir rest 1–3): "
            "kjønn går ikke fram av nummeret, og individnummeret angir ikke århundre."
        )
    fodselsdato = None
    if is_d:
        notes.append(
            f"D-nummer: fødselsdag og -måned {day:02d}.{month:02d}; fødselsåret fastsettes "
            "ikke, fordi individnummeret ikke sikkert angir århundret for D-numre "
            "(utvidet D-nummerserie fra 2021)."
        )
    else:
        if year is not None:
            fodselsdato = _exact(year, month, day)
            if today is not None and fodselsdato > today:
                if today < NY_REGEL_FRA:
                    raise InvalidComponent(
                        f"fødselsdatoen {fodselsdato:%d.%m.%Y} (etter individnummeret) "
                        f"ligger etter {today:%d.%m.%Y}",
                        _failed(kind),
                    )
                fodselsdato = None
        if fodselsdato is None:
            if regel == "1964" and year is None:
                notes.append(
                    f"Individnummeret {n[6:9]} gir ikke århundre for år {n[4:6]} etter "
                    "regelen før 2032; lest som nummer etter 2032-regelen (kjønn og århundre "
                    "går ikke fram av nummeret)."
                )
            fodselsdato = _by_today(yy, month, day, today, notes)
    if kind in (Nummertype.SYNTETISK_NAV, Nummertype.SYNTETISK_TENOR):
        notes.insert(0, "Syntetisk testnummer: godtatt fordi testdata er slått på.")
    return Analyse(
        nummer=n,
        gyldig=True,
        type=kind,
        fodselsdato=fodselsdato,
        kjonn=kjonn,
        syntetisk=kind in (Nummertype.SYNTETISK_NAV, Nummertype.SYNTETISK_TENOR),
        kontrollregel=regel,
        merknader=tuple(notes),
    )


def _failed(kind: Nummertype) -> Nummertype:
    """The kind reported for a rejected number: synthetic numbers keep theirs."""
    synthetic = (Nummertype.SYNTETISK_NAV, Nummertype.SYNTETISK_TENOR)
    return kind if kind in synthetic else Nummertype.UGYLDIG


def _exact(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidComponent(f"datoen {day:02d}.{month:02d}.{year} finnes ikke") from None


def _fictive_shape(n: str) -> bool:
    return n[6] == "9" and gyldig_fylkesnummer(n[9:11])


def _d_or_fictive(n: str, today: date | None) -> Analyse:
    """Ref: 003 A01. Day + 40: a D-number if the check digits are valid, else VIGO fictive.

    «Fødselsdato består av gyldig dato + 40 dager»; «Personnummer består av 99 +
    kjønnshenvisning (partall = jenter, oddetall = gutter) + fylkesnummer»; «Dersom det
    allerede er opprettet en person i Vigo med 99 kan dette erstattes med 98, 97 osv.»;
    «Private videregående skoler får tildelt 00 i de to siste posisjonene».
    Ikke formalisert: how far «98, 97 osv.» goes — any 9x (90–99) is accepted.
    Exception to «valid check digits make a D-number»: check digits valid only under the 2032
    rule (k1 remainder 1–3) do not make a D-number of a fictive-shaped number while
    ``today`` is before 1 January 2032, when no such D-number can have been issued.
    """
    day, month, yy = _day_month(n, 0)
    regel = mod11.rule(n)
    before_2032 = today is not None and today < NY_REGEL_FRA
    fictive_shape = _fictive_shape(n)
    if regel == "1964" or (regel == "2032" and not (fictive_shape and before_2032)):
        notes = []
        if fictive_shape:
            notes.append(
                "Nummeret har også formen til et fiktivt VIGO-nummer, men kontrollsifrene "
                "er gyldige, så det er et D-nummer."
            )
        return _checked(n, Nummertype.D_NUMMER, 0, today, notes)
    if n[6] != "9":
        raise InvalidChecksum(
            "kontrollsifrene stemmer ikke for et D-nummer (dag + 40), og det er heller ikke "
            "et fiktivt VIGO-nummer (personnummeret der begynner med 99, 98, 97 …)"
        )
    county = n[9:11]
    if not gyldig_fylkesnummer(county):
        raise InvalidComponent(
            f"fylkesnummeret {county} i det fiktive fødselsnummeret har aldri vært brukt i "
            "Norge (og kontrollsifrene er ikke gyldige for et D-nummer)",
            Nummertype.VIGO_FIKTIVT,
        )
    notes = [
        "Fiktivt fødselsnummer fra VIGO (003 A01): dag + 40, 9x, kjønnssiffer og "
        "fylkesnummer, uten kontrollsiffer.",
        "Vitnemål for elever med fiktivt fødselsnummer blir ikke overført til Nasjonal "
        "vitnemålsdatabase (NVB).",
    ]
    if regel == "2032":
        notes.append(
            "Kontrollsifrene passer bare etter 2032-regelen, som gjelder numre tildelt fra "
            f"1.1.2032; per {today:%d.%m.%Y} er nummeret derfor et fiktivt VIGO-nummer, "
            "ikke et D-nummer."
        )
    if county == PRIVATSKOLE:
        notes.append("Fylkesnummer 00: opprettet for en privat videregående skole.")
    else:
        f = fylke(county)
        brukt = f" (nummeret ble brukt til og med {f.til})" if f.til else ""
        notes.append(f"Fylke {county}: {f.navn}{brukt}.")
    fodselsdato = _by_today(yy, month, day, today, notes)
    return Analyse(
        nummer=n,
        gyldig=True,
        type=Nummertype.VIGO_FIKTIVT,
        fodselsdato=fodselsdato,
        kjonn=KVINNE if int(n[8]) % 2 == 0 else MANN,
        fylkesnummer=county,
        privatskole=county == PRIVATSKOLE,
        merknader=tuple(notes),
    )
