"""Write the typed model as a ¤-file: exact field formats, line order, counts, UTF-8, LF.

Ref: docs/nvb-format.md «General», «¤A». Each ¤A is followed by its ¤S, then its documents
(each ¤V followed by its ¤P, ¤F and ¤M lines), then its ¤D lines; A3–A7 are counted from what
is written. Every line ends with LF, the file is UTF-8 without BOM, and the same model always
gives the same bytes (nothing is read from the clock: A10 is in the model).

A value that does not fit its format is never changed silently: ``Skrivefeil`` lists every
such problem (record, field, reason) and nothing is written. The only normalisations are the
format's own: spaces/tabs at the ends of a text are dropped (the format trims them on reading),
line breaks become ``\\n``, a text holding ``¤`` (or starting with ``{``) is wrapped in ``{}``
(docs/decisions.md, «NVB ¤-file»), `N0x` numbers get their leading zeros.

>>> from vitnemal.nvb.poster import PostM
>>> skriv_linje(PostM("V97454448220140214", 2, "VMM31", "Bestått fagopplæring 17.08.2012"))
'¤M¤V97454448220140214¤2¤VMM31¤Bestått fagopplæring 17.08.2012¤¤¤¤¤¤'
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from vitnemal.errors import InputError
from vitnemal.nvb.format import SKILLETEGN, Feltfeil
from vitnemal.nvb.funn import feltnavn
from vitnemal.nvb.poster import KLASSER, NvbFil, PostM, PostP, PostS, Vgdok


class Skrivefeil(InputError):
    """Values that cannot be written; ``problemer`` lists every one (Norwegian)."""

    def __init__(self, problemer: list[str]):
        self.problemer = problemer
        vis = "; ".join(problemer[:5]) + (f"; … og {len(problemer) - 5} til"
                                          if len(problemer) > 5 else "")
        super().__init__(f"{len(problemer)} verdi(er) kan ikke skrives i ¤-formatet: {vis}")


def _koder(cls) -> tuple:
    spek = cls.SPEK
    return tuple(_koder_for(f) for f in spek.felt)


def _koder_for(f):
    fmt, siffer = f.fmt, f.siffer
    if fmt.art == "A":
        lengde = fmt.lengde

        def tekst(v):
            # The common case in one pass of cheap tests; anything else goes the long way.
            if (type(v) is str and v.isprintable() and SKILLETEGN not in v and "\\" not in v
                    and v[:1] not in " {" and v[-1:] != " "
                    and (lengde is None or len(v) <= lengde)):
                return v
            return fmt.skriv(v, siffer=siffer)

        return tekst
    if fmt.art == "N":
        lengde, eksakt = fmt.lengde, fmt.eksakt
        grense = 10 ** lengde if lengde is not None else None

        def tall(v):
            # The common case (a plain int or digit string that fits); the rest the long way.
            if siffer:
                if (type(v) is str and v.isdigit() and v.isascii()
                        and (lengde is None or (len(v) == lengde if eksakt else len(v) <= lengde))):
                    return v
            elif type(v) is int and v >= 0 and (grense is None or v < grense):
                return f"{v:0{lengde}d}" if eksakt else str(v)
            return fmt.skriv(v, siffer=siffer)

        return tall
    return lambda v: fmt.skriv(v, siffer=siffer)


_KODERE = {kode: _koder(cls) for kode, cls in KLASSER.items()}


def skriv_linje(post, problemer: list[str] | None = None, hvor: str = "") -> str:
    """One record as a line (without the line end). Problems go to ``problemer`` when given,
    else raise Skrivefeil."""
    kode = type(post).SPEK.kode
    kodere = _KODERE[kode]
    try:
        tekster = [("" if v is None else k(v)) for v, k in zip(post, kodere, strict=True)]
    except Feltfeil:
        tekster, egne = [], []
        for v, k, f in zip(post, kodere, type(post).SPEK.felt, strict=True):
            try:
                tekster.append("" if v is None else k(v))
            except Feltfeil as e:
                egne.append(f"{hvor or '¤' + kode} felt {feltnavn(kode, f.nr)}: {e}")
        if problemer is None:
            raise Skrivefeil(egne) from None
        problemer.extend(egne)
    return f"{SKILLETEGN}{kode}{SKILLETEGN}" + SKILLETEGN.join(tekster)


def _barn(dok: Vgdok, posttype: type, poster: tuple, problemer: list[str], hvor: str):
    """The document's ¤P/¤F/¤M records with P1/F1/M1 = V1 (filled in when blank)."""
    kode = posttype.SPEK.kode
    for i, post in enumerate(poster, 1):
        if type(post) is not posttype:
            problemer.append(f"{hvor}: {kode.lower()}[{i}] er {type(post).__name__}, ikke "
                             f"{posttype.__name__}")
            continue
        if post.vgdoknr is None:
            post = post._replace(vgdoknr=dok.vgdoknr)
        elif post.vgdoknr != dok.vgdoknr:
            problemer.append(f"{hvor}: ¤{kode} nr. {i} har {kode}1 {post.vgdoknr}, men "
                             f"dokumentets V1 er {dok.vgdoknr}")
        yield post, f"{hvor}, ¤{kode} nr. {i}"


def linjer(fil: NvbFil) -> list[str]:
    """Every line of the file in the format's order; raises Skrivefeil with every problem."""
    problemer: list[str] = []
    ut: list[str] = []
    for n, org in enumerate(fil.organisasjoner, 1):
        hvor = f"organisasjon {n} ({org.orgnr})"
        ut.append(skriv_linje(org.post_a(), problemer, f"{hvor}, ¤A"))
        if org.skole is not None:
            if type(org.skole) is not PostS:
                problemer.append(f"{hvor}: skole er {type(org.skole).__name__}, ikke PostS")
            else:
                ut.append(skriv_linje(org.skole, problemer, f"{hvor}, ¤S"))
        for dok in org.dokumenter:
            dhvor = f"dokument {dok.vgdoknr}"
            ut.append(skriv_linje(dok.v, problemer, f"{dhvor}, ¤V"))
            for posttype, poster in ((PostP, dok.p), (KLASSER["F"], dok.f), (PostM, dok.m)):
                for post, phvor in _barn(dok, posttype, poster, problemer, dhvor):
                    ut.append(skriv_linje(post, problemer, phvor))
        for i, d in enumerate(org.annulleringer, 1):
            ut.append(skriv_linje(d, problemer, f"{hvor}, ¤D nr. {i}"))
    if problemer:
        raise Skrivefeil(problemer)
    return ut


def skriv(fil: NvbFil) -> str:
    """The whole file as text: one record per line, each ending with LF."""
    return "".join(linje + "\n" for linje in linjer(fil))


def skriv_poster(poster: Iterable) -> str:
    """Any records (e.g. a result file), one per line, in the order given."""
    problemer: list[str] = []
    tekst = "".join(skriv_linje(p, problemer) + "\n" for p in poster)
    if problemer:
        raise Skrivefeil(problemer)
    return tekst


def skriv_atomisk(tekst: str, sti: str | os.PathLike) -> None:
    """Write UTF-8 beside the target and rename, so no half-written file is ever left."""
    sti = Path(sti)
    fd, tmp = tempfile.mkstemp(prefix=f".{sti.name}.", suffix=".tmp", dir=sti.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as ut:
            ut.write(tekst)
        os.replace(tmp, sti)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
