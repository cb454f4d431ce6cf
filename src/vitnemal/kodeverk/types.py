"""Typed entries of the kodeverk (the contract every other module codes against).

Every entry carries its validity (``gyldig_fra``/``gyldig_til``) and the guideline paragraph
it comes from (``ref``, e.g. ``001 §3.1``). Printed texts are kept per målform in
``tekster`` (keys ``nb``, ``nn``, ``en``); ``nb`` is always present and is the guideline's
own wording, the others are this project's translations (see docs/decisions.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

MAALFORMER = ("nb", "nn", "en")

_PLACEHOLDER = re.compile(r"<[^<>]+>")


@dataclass(frozen=True, slots=True)
class Entry:
    kode: str
    tekster: dict[str, str]
    ref: str
    gyldig_fra: date | None = None
    gyldig_til: date | None = None

    def tekst(self, maalform: str = "nb") -> str:
        return self.tekster.get(maalform) or self.tekster["nb"]

    def gyldig(self, on: date) -> bool:
        if self.gyldig_fra and on < self.gyldig_fra:
            return False
        return not (self.gyldig_til and on > self.gyldig_til)


@dataclass(frozen=True, slots=True)
class Merknad(Entry):
    """A fagmerknad (FAMnn) or vitnemålsmerknad (VMMnn).

    ``parametre`` names the placeholders of the printed text in order (e.g. ``("åååå",)``);
    ``utgatt`` is the expiry date for expired remarks (§3.5, §3.6) and ``erstattet_av`` the
    replacement code where the guideline names one. ``gruppe`` is for VMM only:
    ``forstegang`` (§3.2), ``generell`` (§3.3) or ``kompetansebevis`` (§3.4).
    ``vitnemal_betinget`` marks «(X)» in the table (allowed with a condition);
    ``kompetansebevis_betinget`` the same for the kompetansebevis column (VMM32, the
    condition is in ``kommentar``).
    """

    vitnemal: bool = True
    kompetansebevis: bool = True
    vitnemal_betinget: bool = False
    parametre: tuple[str, ...] = ()
    utgatt: date | None = None
    erstattet_av: str | None = None
    kommentar: str | None = None
    bruk: str | None = None
    gruppe: str | None = None
    kompetansebevis_betinget: bool = False

    def fyll_inn(self, verdier: list[str] | tuple[str, ...], maalform: str = "nb") -> str:
        """The printed text with the placeholders replaced, in order.

        >>> m = Merknad(kode="FAM16", tekster={"nb": "Bestått fag <åååå>"}, ref="001 §3.1",
        ...             parametre=("åååå",))
        >>> m.fyll_inn(["1992"])
        'Bestått fag 1992'
        """
        it = iter(verdier)
        return _PLACEHOLDER.sub(lambda m: next(it, m.group(0)), self.tekst(maalform))


@dataclass(frozen=True, slots=True)
class Vurderingsuttrykk(Entry):
    """A grade or other assessment expression (§5.1, §5.2).

    ``tall`` is the number for the six grades; ``bestatt`` is True (passed), False (not
    passed) or None (no basis for assessment / not applicable). ``standpunkt`` and
    ``eksamen`` say in which column the code may stand.
    """

    tall: int | None = None
    bestatt: bool | None = None
    standpunkt: bool = True
    eksamen: bool = True
    navn: str | None = None  # full name where the printed text is short («IV»: Ikke vurderingsgrunnlag)


@dataclass(frozen=True, slots=True)
class Fagtype(Entry):
    rekkefolge: int = 0


@dataclass(frozen=True, slots=True)
class Utdanningsprogram(Entry):
    """An utdanningsprogram by the first two letters of programområdekoden.

    ``skrives_ut`` is False where the name is not printed (001 §2.3: påbygging).
    """

    studieforberedende: bool = False
    skrives_ut: bool = True


@dataclass(frozen=True, slots=True)
class SpesiellProgramomradekode(Entry):
    """A programområdekode the guideline names as an exception to the 5+1+4 format."""

    komprimert: bool = False  # 004: komprimerte løp (PBPBY4--6P, PBPBY4VO--, PBPBY4----)


@dataclass(frozen=True, slots=True)
class Dokumentrett(Entry):
    """§1.9: which documents a status may receive.

    Values of ``vitnemal``: ``ja``, ``nei`` or ``vilkar`` («(X)*»: praksiskandidat and
    fagbrev på jobb only with the fellesfag, §3-39).
    """

    vitnemal: str = "nei"
    fagbrev: bool = False
    kompetansebevis: bool = True
    praksisbrev: bool = False


@dataclass(frozen=True, slots=True)
class HalvarFag(Entry):
    """004: fag that count with halvårsvurdering on a level, for a kind of programme.

    ``program`` is ``studieforberedende``, ``yrkesfag`` or ``idrettsfag``;
    ``fagkoder`` holds codes or prefixes ending in ``*`` (``FSP*``). ``fagtype`` (e.g.
    ``YF``), when set, limits the entry to fag of that fagtype; ``sprakniva`` names the
    fremmedspråk levels meant (``I``, ``II``, ``I+II``; empty = not limited). The level is
    not part of the fagkode, so ``omfatter`` cannot check it (ikke formalisert).
    """

    niva: str = "vg1"
    program: str = "studieforberedende"
    fagkoder: tuple[str, ...] = ()
    fagtype: str | None = None
    sprakniva: tuple[str, ...] = ()

    def omfatter(self, fagkode: str) -> bool:
        return any(
            fagkode.startswith(p[:-1]) if p.endswith("*") else fagkode == p for p in self.fagkoder
        )


@dataclass(frozen=True, slots=True)
class Kodeverk:
    fagmerknader: dict[str, Merknad] = field(default_factory=dict)
    vitnemalsmerknader: dict[str, Merknad] = field(default_factory=dict)
    vurderingsuttrykk: dict[str, Vurderingsuttrykk] = field(default_factory=dict)
    eksamensformer: dict[str, Entry] = field(default_factory=dict)
    fagtyper: dict[str, Fagtype] = field(default_factory=dict)
    orden_adferd: dict[str, Entry] = field(default_factory=dict)
    dokumentrett: dict[str, Dokumentrett] = field(default_factory=dict)
    utdanningsprogram: dict[str, Utdanningsprogram] = field(default_factory=dict)
    spesielle_programomradekoder: dict[str, SpesiellProgramomradekode] = field(
        default_factory=dict
    )
    iop_fagkoder: dict[str, Entry] = field(default_factory=dict)
    halvarsvurdering: tuple[HalvarFag, ...] = ()

    def merknad(self, kode: str) -> Merknad | None:
        return self.fagmerknader.get(kode) or self.vitnemalsmerknader.get(kode)

    def halvarsfag(self, niva: str, program: str) -> tuple[HalvarFag, ...]:
        """Ref: 004 vg1 — the halvårsvurdering entries for a level and a kind of programme.

        Idrettsfag is a studieforberedende programme: it gets the studieforberedende
        entries and its own (004 lists «Fag med halvårsvurdering på vg1 Idrettsfag» apart).
        """
        wanted = {program, "studieforberedende"} if program == "idrettsfag" else {program}
        return tuple(h for h in self.halvarsvurdering if h.niva == niva and h.program in wanted)
