"""Norwegian fødselsnummer and the numbers that look like one, python-stdnum style.

``compact`` / ``validate`` / ``is_valid`` / ``format`` / ``analyse``. There is no hidden
clock: where the number does not give the century, pass ``today`` and the latest birth date
not after ``today`` is chosen (age 0–99, which covers upper secondary and adult education);
without ``today`` the birth date is left unknown (None) and a note says so. Errors are the
shared ``vitnemal.ids.exceptions`` (one base for fødselsnummer and orgnr).

Kinds (``Nummertype``):

- fødselsnummer: DDMMYY + individnummer + k1 k2 (mod 11, weights 3 7 6 1 8 9 4 5 2 and
  5 4 3 2 7 6 5 4 3 2). From 2032 k1 may leave remainder 0, 1, 2 or 3, and new numbers
  encode neither gender nor century (Skatteetaten, «Nytt fødselsnummer fra 2032»,
  folkeregisteret-api-dokumentasjon, om-tjenestene/nyttfnr2032). How vitnemal reads a
  number under either scheme is ``fnr_lesing``'s business.
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
>>> a.gyldig, a.type.value, a.kontrollregel, a.ordning, a.fodselsdato, a.kjonn
(True, 'fodselsnummer', '2032', '2032', datetime.date(1982, 10, 30), None)
>>> analyse('30108299939').fodselsdato is None   # no today: the century is not guessed
True

Skatteetaten's «Person født 02.01.2032 får fødselsnummer 02013299997» has remainder 0, but
the pre-2032 table puts its birth after a date in 2025: it is read by the 2032 scheme, like
its remainder-2 sibling 02013299903.

>>> [analyse(n, today=date(2025, 8, 1)).fodselsdato for n in ('02013299997', '02013299903')]
[datetime.date(1932, 1, 2), datetime.date(1932, 1, 2)]
>>> validate('30108299938')
Traceback (most recent call last):
    ...
vitnemal.ids.exceptions.InvalidChecksum: kontrollsifrene stemmer ikke (modulus 11); sjekk at nummeret er skrevet riktig
"""

from __future__ import annotations

from datetime import date

from vitnemal.ids import fnr_lesing, mod11
from vitnemal.ids.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    RejectedKind,
    ValidationError,
    accepts,
    echo,
)
from vitnemal.ids.fnr_lesing import NY_ORDNING_FRA
from vitnemal.ids.fnr_resultat import (
    GRUNN_DUF,
    GRUNN_FH,
    GRUNN_H,
    GRUNN_PAS,
    GRUNN_TENOR,
    KVINNE,
    MANN,
    Analyse,
    Nummertype,
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
    "ValidationError",
    "analyse",
    "compact",
    "format",
    "is_valid",
    "validate",
]

# The shared base under the name callers of this module use.
InvalidFodselsnummer = ValidationError

# Kept for callers: the date from which numbers may follow the 2032 scheme.
NY_REGEL_FRA = NY_ORDNING_FRA

_SYNTETISK = (Nummertype.SYNTETISK_NAV, Nummertype.SYNTETISK_TENOR)


def compact(number: str) -> str:
    """Remove whitespace, dots and dashes.

    >>> compact(' 420591 99202 ')
    '42059199202'
    >>> compact('020591-992.02')
    '02059199202'
    """
    return "".join(str(number).split()).replace(".", "").replace("-", "")


def format(number: str) -> str:
    """The usual way of writing it: date and personnummer apart (stdnum's ``format``).

    >>> format('42059199202')
    '420591 99202'
    """
    n = compact(number)
    return f"{n[:6]} {n[6:]}"


def analyse(number: str, *, testdata: bool = False, today: date | None = None) -> Analyse:
    """Ref: 003 A01. Classify a number; never raises for bad input (``gyldig`` False, ``grunn``).

    >>> a = analyse('81234567890')
    >>> a.gyldig, a.type.value
    (False, 'fh_nummer')
    """
    try:
        return _analyse(number, testdata=testdata, today=today)
    except ValidationError as exc:
        nummer = compact(number) if isinstance(number, str) else repr(number)
        return Analyse(nummer=nummer, gyldig=False, type=exc.type or Nummertype.UGYLDIG,
                       grunn=str(exc))


def validate(number: str, *, testdata: bool = False, today: date | None = None) -> str:
    """Ref: 003 A01. Return the compact number, or raise ValidationError with the reason.

    >>> validate('420591 99202')
    '42059199202'
    >>> validate('1234567890123')
    Traceback (most recent call last):
        ...
    vitnemal.ids.exceptions.RejectedKind: 13 siffer: et fiktivt fødselsnummer fra Utdanningsdirektoratets eksamenstjeneste (PAS-Eksamen/PAS-Prøver). Det har et eget format på 13 siffer og kan ikke benyttes i andre systemer enn eksamenstjenesten (003 A01). Bruk fødselsnummer, D-nummer eller et fiktivt fødselsnummer fra VIGO (003 A01).
    """
    return _analyse(number, testdata=testdata, today=today).nummer


def is_valid(number: str, *, testdata: bool = False, today: date | None = None) -> bool:
    """True when ``validate`` accepts the number."""
    return accepts(validate, number, testdata=testdata, today=today)


def _analyse(number: str, *, testdata: bool, today: date | None) -> Analyse:
    n = _elleve_siffer(number)
    kind, month_offset, notes = _kind(n, testdata)
    felt = fnr_lesing.datofelt(n, month_offset)
    if kind is Nummertype.D_NUMMER:
        return _d_or_fictive(n, felt, today)
    return _with_check_digits(n, kind, felt, today, notes)


def _elleve_siffer(number: str) -> str:
    """The compact number if it has eleven digits; else raise for its format, length or
    kind (13 digits PAS, 12 digits DUF)."""
    if not isinstance(number, str):
        raise InvalidFormat(f"fødselsnummeret må være tekst, ikke {type(number).__name__}")
    n = compact(number)
    if not n:
        raise InvalidLength("fødselsnummeret er tomt")
    if not (n.isascii() and n.isdigit()):
        # which character and where, never the number itself (it may be a real one)
        plass, tegn = next((i, c) for i, c in enumerate(n, 1) if not (c.isascii() and c.isdigit()))
        raise InvalidFormat(f"fødselsnummeret kan bare inneholde siffer; tegn nr. {plass} er "
                            f"{echo(tegn)}")
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
    return n


def _kind(n: str, testdata: bool) -> tuple[Nummertype, int, list[str]]:
    """The kind an eleven-digit number has by its first four digits, its month offset and
    notes; raise for the kinds that cannot be used. D_NUMMER stands for «day + 40»: a
    D-number or a VIGO fictive number, which ``_d_or_fictive`` tells apart."""
    if n[0] in "89":
        raise RejectedKind(GRUNN_FH, Nummertype.FH_NUMMER)
    month_field = int(n[2:4])
    if 41 <= month_field <= 52:
        if not testdata:
            raise RejectedKind(GRUNN_H, Nummertype.H_NUMMER)
        return Nummertype.SYNTETISK_NAV, 40, [
            "Måned + 40 brukes også av H-numre; tolket som syntetisk testnummer fordi "
            "testdata er slått på."
        ]
    if 81 <= month_field <= 92:
        if not testdata:
            raise RejectedKind(GRUNN_TENOR, Nummertype.SYNTETISK_TENOR)
        return Nummertype.SYNTETISK_TENOR, 80, []
    if not 1 <= month_field <= 12:
        raise InvalidComponent(f"måneden {n[2:4]} i fødselsnummeret finnes ikke")
    if fnr_lesing.er_d_nummer(n):
        return Nummertype.D_NUMMER, 0, []
    return Nummertype.FODSELSNUMMER, 0, []


def _with_check_digits(
    n: str, kind: Nummertype, felt: fnr_lesing.Datofelt, today: date | None, notes: list[str]
) -> Analyse:
    """Ref: Skatteetaten, nytt fødselsnummer fra 2032. A number with check digits, read in
    the steps of ``fnr_lesing``: date fields, check-digit rule, scheme, birth date, gender."""
    notes = list(notes)
    regel = fnr_lesing.kontrollregel(n, kind)
    tabell = fnr_lesing.dato_1964(n, felt)
    ordning = fnr_lesing.ordning(n, regel, tabell, today, notes)
    fodselsdato = fnr_lesing.fodselsdato(n, ordning, felt, tabell, today, notes)
    kjonn = fnr_lesing.kjonn(n, ordning, today, notes)
    if kind in _SYNTETISK:
        notes.insert(0, "Syntetisk testnummer: godtatt fordi testdata er slått på.")
    return Analyse(
        nummer=n,
        gyldig=True,
        type=kind,
        fodselsdato=fodselsdato,
        kjonn=kjonn,
        syntetisk=kind in _SYNTETISK,
        kontrollregel=regel,
        ordning=ordning,
        merknader=tuple(notes),
    )


def _fictive_shape(n: str) -> bool:
    return n[6] == "9" and gyldig_fylkesnummer(n[9:11])


def _d_or_fictive(n: str, felt: fnr_lesing.Datofelt, today: date | None) -> Analyse:
    """Ref: 003 A01. Day + 40: a D-number if the check digits are valid, else VIGO fictive.

    «Fødselsdato består av gyldig dato + 40 dager»; a fictive number has no check digits, so
    valid check digits make a D-number. Exception: check digits valid only under the 2032
    rule (k1 remainder 1–3) do not make a D-number of a fictive-shaped number while
    ``today`` is before 1 January 2032, when no such D-number can have been issued.
    """
    regel = mod11.rule(n)
    before_2032 = today is not None and today < NY_ORDNING_FRA
    fictive_shape = _fictive_shape(n)
    if regel == "1964" or (regel == "2032" and not (fictive_shape and before_2032)):
        notes = []
        if fictive_shape:
            notes.append(
                "Nummeret har også formen til et fiktivt VIGO-nummer, men kontrollsifrene "
                "er gyldige, så det er et D-nummer."
            )
        return _with_check_digits(n, Nummertype.D_NUMMER, felt, today, notes)
    return _fictive(n, felt, regel, today)


def _fictive(
    n: str, felt: fnr_lesing.Datofelt, regel: str | None, today: date | None
) -> Analyse:
    """Ref: 003 A01 — a VIGO fictive number.

    «Personnummer består av 99 + kjønnshenvisning (partall = jenter, oddetall = gutter) +
    fylkesnummer»; «Dersom det allerede er opprettet en person i Vigo med 99 kan dette
    erstattes med 98, 97 osv.»; «Private videregående skoler får tildelt 00 i de to siste
    posisjonene». Ikke formalisert: how far «98, 97 osv.» goes — any 9x (90–99) is accepted.
    """
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
    day, month, yy = felt
    fodselsdato = fnr_lesing.siste_dato(yy, month, day, today, notes)
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
