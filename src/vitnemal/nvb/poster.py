"""The typed model of a ¤-file: one record class per record type, and the groups.

Record classes (``PostA`` … ``PostO``) are NamedTuples made from the field specs
(``spek``/``spek_resultat``): one attribute per field, in the field order, named after the
field (``PostV.foedtdato`` is V14), typed by its format, ``None`` for a blank field. Being
tuples they are immutable, compare by value and are cheap to build from a parsed line, which
matters at national volume (about 1.5 million lines for 50,000 documents).

Groups: ``Vgdok`` is one document (its ¤V with its ¤P, ¤F and ¤M lines), ``Organisasjon`` is
an ¤A with its optional ¤S, its documents and its annulments (¤D), ``NvbFil`` the whole file.
The ¤A counts (A3–A7) are not stored: ``Organisasjon.post_a()`` computes them from what the
group holds, which is what the writer writes. Line numbers of a parsed file are kept beside
the records (``kilde``), outside equality.

>>> v = PostV(vgdoknr="V97454448220140214", reformkode="KL", vgdoktypekode="VM")
>>> v.vgdoknr, v.foedtdato
('V97454448220140214', None)
>>> PostV._fields[:3]
('vgdoknr', 'foerstegangsvm', 'reformkode')
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import NamedTuple

from vitnemal.nvb import spek, spek_resultat
from vitnemal.nvb.spek import Posttype

_TYPER = {"int": int, "str": str, "date": date, "time": time, "datetime": datetime}


def _postklasse(p: Posttype) -> type:
    """A NamedTuple class for the record type ``p``: its fields, all defaulting to None."""
    felt = [(f.attr, _TYPER["str" if f.siffer else f.fmt.pytype] | None) for f in p.felt]
    cls = NamedTuple(f"Post{p.kode}", felt)
    cls.__new__.__defaults__ = (None,) * len(felt)
    cls.__doc__ = f"¤{p.kode} — {p.navn}: " + ", ".join(
        f"{f.nr} {f.attr}" for f in p.felt)
    cls.__module__ = __name__
    cls.SPEK = p
    return cls


PostA = _postklasse(spek.A)
PostS = _postklasse(spek.S)
PostV = _postklasse(spek.V)
PostP = _postklasse(spek.P)
PostF = _postklasse(spek.F)
PostM = _postklasse(spek.M)
PostD = _postklasse(spek.D)
PostR = _postklasse(spek_resultat.R)
PostK = _postklasse(spek_resultat.K)
PostE = _postklasse(spek_resultat.E)
PostL = _postklasse(spek_resultat.L)
PostO = _postklasse(spek_resultat.O)

#: Record class per record type letter.
KLASSER: dict[str, type] = {c.SPEK.kode: c for c in (
    PostA, PostS, PostV, PostP, PostF, PostM, PostD, PostR, PostK, PostE, PostL, PostO)}


@dataclass(frozen=True, slots=True)
class Linjenr:
    """Where a document's lines stood in the file it was read from."""

    v: int
    p: tuple[int, ...] = ()
    f: tuple[int, ...] = ()
    m: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Vgdok:
    """One document: its ¤V and the ¤P, ¤F and ¤M lines that carry its Vgdoknr."""

    v: PostV
    p: tuple[PostP, ...] = ()
    f: tuple[PostF, ...] = ()
    m: tuple[PostM, ...] = ()
    linjer: Linjenr | None = field(default=None, compare=False, repr=False)

    @property
    def vgdoknr(self) -> str | None:
        return self.v.vgdoknr


@dataclass(frozen=True, slots=True)
class Organisasjon:
    """An ¤A (one per issuing organisation) with its ¤S, documents and annulments."""

    orgnr: str | None
    skolenr: int | None
    systemnavn: str | None
    systemversjon: str | None
    tidspunkt: datetime | None
    skole: PostS | None = None
    dokumenter: tuple[Vgdok, ...] = ()
    annulleringer: tuple[PostD, ...] = ()
    linje: int | None = field(default=None, compare=False, repr=False)
    linje_s: int | None = field(default=None, compare=False, repr=False)
    linjer_d: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def post_a(self) -> PostA:
        """The ¤A record with A3–A7 counted from the group (what the writer writes)."""
        return PostA(
            orgnr=self.orgnr, skolenr=self.skolenr,
            antall_v=len(self.dokumenter), antall_d=len(self.annulleringer),
            antall_f=sum(len(d.f) for d in self.dokumenter),
            antall_p=sum(len(d.p) for d in self.dokumenter),
            antall_m=sum(len(d.m) for d in self.dokumenter),
            systemnavn=self.systemnavn, systemversjon=self.systemversjon,
            tidspunkt=self.tidspunkt)

    @classmethod
    def fra_post(cls, a: PostA, **rest) -> Organisasjon:
        return cls(orgnr=a.orgnr, skolenr=a.skolenr, systemnavn=a.systemnavn,
                   systemversjon=a.systemversjon, tidspunkt=a.tidspunkt, **rest)


@dataclass(frozen=True, slots=True)
class NvbFil:
    """A whole ¤-file: its organisations in file order."""

    organisasjoner: tuple[Organisasjon, ...] = ()

    def dokumenter(self) -> Iterator[Vgdok]:
        for o in self.organisasjoner:
            yield from o.dokumenter

    def annulleringer(self) -> Iterator[PostD]:
        for o in self.organisasjoner:
            yield from o.annulleringer
