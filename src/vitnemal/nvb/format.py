"""Field formats of the NVB ¤-file and how a value is read from and written to a field.

Ref: docs/nvb-format.md «General» — `N` integer ≥ 0; `Nx` at most x digits; `N0x` exactly x
digits with leading zeros; `Ax` text of at most x chars (longer gives a warning and is cut);
`D8` date `YYYYMMDD`; `K6` time `HHMMSS`; `T14` = D8+K6 (Norwegian local time). `A` without a
number is a text field whose length the facts do not give.

Python types: `N`/`Nx`/`N0x` are ``int`` (the writer pads `N0x` with zeros), except fields
marked ``siffer`` (identifiers such as an organisation number or a county number, kept as a
string of digits so that «03» stays «03»); `A` is ``str``, `D8` ``date``, `K6` ``time``, `T14`
``datetime`` (naive, Norwegian local time). A blank field is ``None``.

Text: a line break in a value is the two characters ``\\n`` in the file (the format's
recommended way) and a real ``"\\n"`` in the model. ``¤`` in a value is written by wrapping the
field in ``{`` ``}`` (docs/decisions.md, «NVB ¤-file»).

>>> les = Format.fra_kode("N05").leser(siffer=False)
>>> les("01234")
1234
>>> Format.fra_kode("N05").skriv(1234, siffer=False)
'01234'
>>> Format.fra_kode("D8").leser(siffer=False)("20140908")
datetime.date(2014, 9, 8)
>>> Format.fra_kode("A3").skriv("KLA", siffer=False)
'KLA'
>>> Format.fra_kode("A3").skriv("KLAG", siffer=False)
Traceback (most recent call last):
    ...
vitnemal.nvb.format.Feltfeil: teksten har 4 tegn, men feltet (A3) tillater høyst 3; den blir ikke kuttet
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from vitnemal.findings import Alvorlighet

#: The value separator and the record mark.
SKILLETEGN = "¤"
#: A line break inside a text value, as the file writes it.
LINJESKIFT = "\\n"


class Feltfeil(ValueError):
    """A field value that does not fit its format; ``str(exc)`` is a Norwegian reason.

    ``verdi`` is the value to keep anyway (an `Ax` text cut to x characters, as the NVB
    engine does), ``alvorlighet`` how serious the problem is.
    """

    def __init__(self, grunn: str, *, verdi=None, alvorlighet: Alvorlighet = Alvorlighet.FEIL):
        super().__init__(grunn)
        self.verdi = verdi
        self.alvorlighet = alvorlighet


@dataclass(frozen=True, slots=True)
class Format:
    """One of the format's field formats, e.g. ``N4``, ``N05``, ``A10``, ``D8``."""

    kode: str
    art: str  # "N", "A", "D", "K" or "T"
    lengde: int | None  # digits or characters; None where the format gives none
    eksakt: bool  # N0x: exactly ``lengde`` digits

    @classmethod
    def fra_kode(cls, kode: str) -> Format:
        """Parse a format code as the facts write it."""
        if kode in ("D8", "K6", "T14"):
            return cls(kode, kode[0], int(kode[1:]), True)
        art, rest = kode[0], kode[1:]
        if art not in "NA" or (rest and not rest.isdigit()):
            raise ValueError(f"unknown field format {kode!r}")
        eksakt = art == "N" and rest.startswith("0") and len(rest) > 1
        return cls(kode, art, int(rest) if rest else None, eksakt)

    @property
    def pytype(self) -> str:
        return {"N": "int", "A": "str", "D": "date", "K": "time", "T": "datetime"}[self.art]

    # -- reading ---------------------------------------------------------------------------
    def leser(self, *, siffer: bool):
        """A function reading one non-blank, trimmed field; raises Feltfeil."""
        if self.art == "A":
            return _tekstleser(self.lengde, self.kode)
        if self.art == "N":
            return _tall_leser(self.lengde, self.eksakt, siffer, self.kode)
        return {"D": _les_dato, "K": _les_klokke, "T": _les_tid}[self.art]

    # -- writing ---------------------------------------------------------------------------
    def skriv(self, verdi, *, siffer: bool) -> str:
        """The field text for ``verdi`` (not None); raises Feltfeil with every reason."""
        if self.art == "A":
            return _skriv_tekst(verdi, self.lengde, self.kode)
        if self.art == "N":
            return _skriv_tall(verdi, self.lengde, self.eksakt, siffer, self.kode)
        if self.art == "D":
            if not isinstance(verdi, date) or isinstance(verdi, datetime):
                raise Feltfeil(f"skal være en dato (date), ikke {type(verdi).__name__}")
            return _d8(verdi)
        if self.art == "K":
            if not isinstance(verdi, time):
                raise Feltfeil(f"skal være et klokkeslett (time), ikke {type(verdi).__name__}")
            return f"{verdi.hour:02d}{verdi.minute:02d}{verdi.second:02d}"
        if not isinstance(verdi, datetime):
            raise Feltfeil(f"skal være et tidspunkt (datetime), ikke {type(verdi).__name__}")
        verdi = norsk_lokaltid(verdi)
        return _d8(verdi.date()) + f"{verdi.hour:02d}{verdi.minute:02d}{verdi.second:02d}"


def norsk_lokaltid(t: datetime) -> datetime:
    """A naive datetime in Norwegian local time (T14); an aware one is converted."""
    if t.tzinfo is None:
        return t
    from zoneinfo import ZoneInfo  # only needed for aware datetimes

    return t.astimezone(ZoneInfo("Europe/Oslo")).replace(tzinfo=None)


def _d8(d: date) -> str:
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


def _sifre(s: str) -> bool:
    return s.isascii() and s.isdigit()


def _tekstleser(lengde: int | None, kode: str):
    def les(s: str) -> str:
        if "\\" in s:
            s = s.replace(LINJESKIFT, "\n")
        if lengde is not None and len(s) > lengde:
            raise Feltfeil(f"teksten har {len(s)} tegn, men feltet ({kode}) tillater høyst "
                           f"{lengde}; kuttet til {lengde} tegn, slik NVB gjør",
                           verdi=s[:lengde], alvorlighet=Alvorlighet.VARSEL)
        return s

    return les


def _tall_leser(lengde: int | None, eksakt: bool, siffer: bool, kode: str):
    def les(s: str):
        if not _sifre(s):
            raise Feltfeil(f"skal bare inneholde sifre ({kode}), men er «{_kort(s)}»")
        if lengde is not None:
            if eksakt and len(s) != lengde:
                raise Feltfeil(f"skal ha nøyaktig {lengde} sifre med ledende nuller ({kode}), "
                               f"men har {len(s)}")
            if len(s) > lengde:
                raise Feltfeil(f"skal ha høyst {lengde} sifre ({kode}), men har {len(s)}")
        return s if siffer else int(s)

    return les


def _les_dato(s: str) -> date:
    if len(s) != 8 or not _sifre(s):
        raise Feltfeil(f"skal være en dato ÅÅÅÅMMDD (D8), men er «{_kort(s)}»")
    try:
        return date(int(s[:4]), int(s[4:6]), int(s[6:]))
    except ValueError:
        raise Feltfeil(f"datoen {s} finnes ikke (D8)") from None


def _les_klokke(s: str) -> time:
    if len(s) != 6 or not _sifre(s):
        raise Feltfeil(f"skal være et klokkeslett TTMMSS (K6), men er «{_kort(s)}»")
    try:
        return time(int(s[:2]), int(s[2:4]), int(s[4:]))
    except ValueError:
        raise Feltfeil(f"klokkeslettet {s} finnes ikke (K6)") from None


def _les_tid(s: str) -> datetime:
    if len(s) != 14 or not _sifre(s):
        raise Feltfeil(f"skal være et tidspunkt ÅÅÅÅMMDDTTMMSS (T14), men er «{_kort(s)}»")
    try:
        return datetime(int(s[:4]), int(s[4:6]), int(s[6:8]), int(s[8:10]), int(s[10:12]),
                        int(s[12:]))
    except ValueError:
        raise Feltfeil(f"tidspunktet {s} finnes ikke (T14)") from None


def _kort(s: str, n: int = 30) -> str:
    """A value quoted in a message, shortened (hostile input can be long)."""
    return s if len(s) <= n else s[:n] + "…"


def _skriv_tall(verdi, lengde, eksakt, siffer, kode) -> str:
    if siffer:
        if not isinstance(verdi, str) or not _sifre(verdi):
            raise Feltfeil(f"skal være en tekst av sifre ({kode}), ikke {verdi!r}")
        s = verdi
    else:
        if isinstance(verdi, bool) or not isinstance(verdi, int):
            raise Feltfeil(f"skal være et heltall ({kode}), ikke {type(verdi).__name__}")
        if verdi < 0:
            raise Feltfeil(f"skal være et heltall ≥ 0 ({kode}), ikke {verdi}")
        s = f"{verdi:0{lengde}d}" if eksakt else str(verdi)
    if lengde is not None and len(s) > lengde:
        raise Feltfeil(f"{s} har {len(s)} sifre, men feltet ({kode}) tillater høyst {lengde}")
    if eksakt and len(s) != lengde:
        raise Feltfeil(f"{s} skal ha nøyaktig {lengde} sifre ({kode})")
    return s


#: Characters a text value may not hold: C0 and C1 controls other than tab and line breaks.
_KONTROLLTEGN = frozenset(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))) - {"\t", "\n", "\r"}


def _skriv_tekst(verdi, lengde, kode) -> str:
    """Ref: docs/nvb-format.md «General». Trim, line breaks as ``\\n``, ``{}`` around ``¤``."""
    if not isinstance(verdi, str):
        raise Feltfeil(f"skal være tekst, ikke {type(verdi).__name__}")
    s = verdi.replace("\r\n", "\n").replace("\r", "\n").strip(" \t")
    if LINJESKIFT in s:
        raise Feltfeil("teksten inneholder \\n (omvendt skråstrek og n), som ¤-formatet leser "
                       "som linjeskift; skriv linjeskift som et ekte linjeskift i teksten")
    if not _KONTROLLTEGN.isdisjoint(s):
        tegn = sorted({f"U+{ord(c):04X}" for c in s if c in _KONTROLLTEGN})
        raise Feltfeil(f"teksten inneholder kontrolltegn ({', '.join(tegn)})")
    if lengde is not None and len(s) > lengde:
        raise Feltfeil(f"teksten har {len(s)} tegn, men feltet ({kode}) tillater høyst {lengde}; "
                       "den blir ikke kuttet")
    s = s.replace("\n", LINJESKIFT)
    if SKILLETEGN in s or s.startswith("{"):
        if _lukker(s):
            raise Feltfeil("teksten inneholder «}» rett før «¤», som ikke kan skrives i "
                           "¤-formatet (heller ikke inne i { })")
        return "{" + s + "}"
    return s


def _lukker(s: str) -> bool:
    """True when ``s`` holds a ``}`` followed by spaces/tabs and ``¤`` (it would end a
    wrapped field early)."""
    i = s.find("}")
    while i != -1:
        j = i + 1
        while j < len(s) and s[j] in " \t":
            j += 1
        if j < len(s) and s[j] == SKILLETEGN:
            return True
        i = s.find("}", i + 1)
    return False
