"""Closed value sets of the elevmappe format (001 §1.9, §2.5, §5.1–5.2, §5.6, §6.1; 004)."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Ref: 001 §1.9 — the person's status in upper secondary education."""

    ELEV = "elev"
    PRIVATIST = "privatist"
    LAERLING = "laerling"
    LAEREKANDIDAT = "laerekandidat"
    PRAKSISBREVKANDIDAT = "praksisbrevkandidat"
    PRAKSISKANDIDAT = "praksiskandidat"
    FAGBREV_PA_JOBB = "fagbrev_pa_jobb"
    VOKSEN = "voksen"


class Niva(StrEnum):
    """Level (årstrinn) of a programme area or fag."""

    VG1 = "vg1"
    VG2 = "vg2"
    VG3 = "vg3"
    VG4 = "vg4"
    VG5 = "vg5"

    @property
    def nummer(self) -> int:
        return int(self.value[2])


class Fagtype(StrEnum):
    """Ref: 001 §2.5 — in print order."""

    FF = "FF"
    FP = "FP"
    VP = "VP"
    UP = "UP"
    PF = "PF"
    YF = "YF"
    IO = "IO"


FAGTYPE_REKKEFOLGE = {t: i for i, t in enumerate(Fagtype)}


class Karakter(StrEnum):
    """Ref: 001 §5.1–5.2, 004 — grades and other assessment expressions."""

    K1 = "1"
    K2 = "2"
    K3 = "3"
    K4 = "4"
    K5 = "5"
    K6 = "6"
    IV = "IV"  # ikke vurderingsgrunnlag
    IM = "IM"  # ikke møtt
    B = "B"  # bestått
    BM = "BM"  # bestått meget godt
    IB = "IB"  # ikke bestått
    D = "D"  # deltatt
    F = "F"  # fritatt
    GK = "GK"  # godkjent
    VO = "VO"  # vurdert etter individuell opplæringsplan (004)

    @property
    def tall(self) -> int | None:
        return int(self.value) if self.value.isdigit() else None


class Vurdering(StrEnum):
    """Whether the grade row is a final grade (standpunkt) or a halvårsvurdering (§5.1, §5.7)."""

    STANDPUNKT = "standpunkt"
    HALVAR = "halvar"


class Eksamensform(StrEnum):
    """Ref: 001 §6.1."""

    S = "S"
    M = "M"
    MP = "MP"
    P = "P"


class OrdenAdferd(StrEnum):
    """Ref: 001 §5.6 — «God», «Nokså god», «Lite god»."""

    G = "G"
    NG = "NG"
    LG = "LG"


class Maalform(StrEnum):
    NB = "nb"
    NN = "nn"
    EN = "en"
