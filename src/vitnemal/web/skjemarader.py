"""The rows of the record's edit form (issue 16): a fag row with every field, a
vitnemålsmerknad, fravær for one year — each a small form that maps its POST values to the
record's row dict and back, without judging them (the core model does) — and the formsets
that hold them (``LISTER``: prefixes ``fag``, ``vmm``, ``fravaer``; DELETE is «Fjern»)."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from django import forms
from django.forms import formset_factory

from vitnemal.store import kodevalg
from vitnemal.web import raske_felt

TRINN = (("", "velg trinn"),) + tuple((f"vg{n}", f"Vg{n}") for n in range(1, 6))
VURDERING = (("standpunkt", "standpunkt"), ("halvar", "halvårsvurdering"))
AR = (("", "velg år"),) + tuple((str(n), f"{n}. år") for n in range(1, 6))


def vis(verdi) -> str:
    return "" if verdi is None else str(verdi)


def _karakter(tekst: str):
    return int(tekst) if tekst.isdigit() else tekst.upper()


def heltall(tekst: str):
    """A count as a number; anything else goes to the model as written (its message)."""
    return int(tekst) if tekst.isdigit() else tekst


def _parametre(tekst: str) -> list[str]:
    return [p.strip() for p in tekst.split(";") if p.strip()]


def _tekstfelt(kort: str, lengde: int = 40, **attrs) -> forms.CharField:
    f = forms.CharField(required=False, max_length=lengde, label=kort,
                        widget=raske_felt.Tekst(attrs=attrs))
    f.kort = kort
    return f


def valgfelt(kort: str, valg) -> forms.CharField:
    """A select whose value goes to the model unchanged (the model names a wrong one)."""
    f = forms.CharField(required=False, max_length=20, label=kort,
                        widget=raske_felt.Valg(choices=valg))
    f.kort = kort
    return f


def _avkrysning(kort: str) -> forms.BooleanField:
    f = forms.BooleanField(required=False, label=kort, widget=raske_felt.Avkrysning)
    f.kort = kort
    return f


class FagradSkjema(forms.Form):
    """One fag row (001 §2.6): the grades and the fagmerknad in the table, the rest under
    «Flere felt»."""

    HOVED = ("standpunkt", "eksamen", "fagmerknad", "parametre")
    TEKST = {"fagkode": str.upper, "fagnavn": str, "fagtype": str, "omfang": heltall,
             "trinn": str, "programomrade": str.upper, "vurdering": str, "termin": str.upper,
             "eksamensform": str, "standpunkt": _karakter, "eksamen": _karakter}
    BOOL = ("tverrfaglig", "privatist", "mer_opplaering", "sluttet")

    standpunkt = _tekstfelt("Standpunkt", 20)
    eksamen = _tekstfelt("Eksamen", 20)
    fagmerknad = _tekstfelt("Fagmerknad", 10, list="fagmerknader")
    parametre = _tekstfelt("Parametre til fagmerknaden", 300)
    fagkode = _tekstfelt("Fagkode", 10)
    fagnavn = _tekstfelt("Fagnavn", 200, **{"class": "bred"})
    fagtype = valgfelt("Fagtype", (("", "velg fagtype"),) + kodevalg.valg("fagtyper"))
    trinn = valgfelt("Trinn", TRINN)
    termin = _tekstfelt("Termin (f.eks. V2026)", 10)
    omfang = _tekstfelt("Omfang (årstimer)", 10, inputmode="numeric")
    vurdering = valgfelt("Vurdering", VURDERING)
    eksamensform = valgfelt("Eksamensform", (("", "ingen"),) + kodevalg.valg("eksamensformer"))
    programomrade = _tekstfelt("Programområde (når trinnet ikke avgjør)", 12)
    tverrfaglig = _avkrysning("Tverrfaglig eksamen")
    privatist = _avkrysning("Privatist")
    mer_opplaering = _avkrysning("Mer opplæring")
    sluttet = _avkrysning("Sluttet i faget")

    @staticmethod
    def initial_fra(fag: dict) -> dict:
        merknad = fag.get("fagmerknad") or {}
        return {**{k: vis(fag.get(k)) for k in FagradSkjema.TEKST},
                "vurdering": fag.get("vurdering") or "standpunkt",
                "fagmerknad": merknad.get("kode", ""),
                "parametre": "; ".join(merknad.get("parametre", [])),
                **{k: bool(fag.get(k)) for k in FagradSkjema.BOOL}}

    def tom(self) -> bool:
        c = self.cleaned_data
        return not any(v for k, v in c.items() if k not in ("vurdering", "DELETE"))

    def rad(self, original: dict | None) -> dict:
        """The fag row: ``original`` (the record's row) with the form's values."""
        c = self.cleaned_data
        fag = copy.deepcopy(original) if original else {}
        for k, tilpass in self.TEKST.items():
            verdi = c.get(k, "").strip()
            if verdi:
                fag[k] = tilpass(verdi)
            else:
                fag.pop(k, None)
        kode = c.get("fagmerknad", "").strip().upper()
        if kode:
            fag["fagmerknad"] = {"kode": kode, "parametre": _parametre(c.get("parametre", ""))}
        else:
            fag.pop("fagmerknad", None)
        for k in self.BOOL:
            fag[k] = bool(c.get(k))
        return fag


class MerknadSkjema(forms.Form):
    """One vitnemålsmerknad (001 §3.2–3.6): its code and the values of its placeholders."""

    kode = _tekstfelt("Merknadskode", 10, list="vitnemalsmerknader")
    parametre = _tekstfelt("Parametre (skill med ;)", 500, **{"class": "bred"})

    @staticmethod
    def initial_fra(m: dict) -> dict:
        return {"kode": m.get("kode", ""), "parametre": "; ".join(m.get("parametre", []))}

    def tom(self) -> bool:
        return not (self.cleaned_data.get("kode") or self.cleaned_data.get("parametre"))

    def rad(self, original: dict | None) -> dict:
        c = self.cleaned_data
        return {"kode": c.get("kode", "").strip().upper(),
                "parametre": _parametre(c.get("parametre", ""))}


class FravaerSkjema(forms.Form):
    """Fravær for one year of the opplæring (001 §2.7, §8.1)."""

    ar = valgfelt("År", AR)
    dager = _tekstfelt("Dager", 10, inputmode="numeric")
    timer = _tekstfelt("Timer", 10, inputmode="numeric")

    @staticmethod
    def initial_fra(f: dict) -> dict:
        return {k: vis(f.get(k)) for k in ("ar", "dager", "timer")}

    def tom(self) -> bool:
        return not any(self.cleaned_data.get(k) for k in ("ar", "dager", "timer"))

    def rad(self, original: dict | None) -> dict:
        c = self.cleaned_data
        return {k: heltall(c.get(k, "").strip()) for k in ("ar", "dager", "timer")
                if c.get(k, "").strip()}


@dataclass
class Rad:
    """A row as the template shows it: its title, whether it is new, and its fields."""

    skjema: forms.Form
    tittel: str
    ny: bool

    def _navn(self) -> list[str]:
        return [n for n in self.skjema.fields if n != "DELETE"]

    @property
    def hoved(self):
        """The fields in the table row (all of them, for a list with few fields)."""
        hoved = getattr(self.skjema, "HOVED", None) or self._navn()
        return [self.skjema[n] for n in hoved]

    @property
    def flere(self):
        """The fields under «Flere felt»."""
        hoved = getattr(self.skjema, "HOVED", None) or self._navn()
        return [self.skjema[n] for n in self._navn() if n not in hoved]

    @property
    def fjern(self):
        return self.skjema["DELETE"]

    @property
    def apen(self) -> bool:
        """«Flere felt» open: a new row, or a problem in one of its fields."""
        return self.ny or any(f.errors for f in self.flere)


class _Rader(forms.BaseFormSet):
    deletion_widget = raske_felt.Avkrysning


@dataclass(frozen=True)
class Liste:
    """One list of the record edited as rows (``fag``, ``vitnemalsmerknader``, ``fravaer``)."""

    nokkel: str
    prefiks: str
    skjema: type
    maks: int
    tittel: object  # (row dict, number) -> str
    forst: str  # the field a new row's focus goes to

    def formset(self):
        return formset_factory(self.skjema, formset=_Rader, extra=0, can_delete=True,
                               max_num=self.maks, absolute_max=self.maks)


LISTER = (
    Liste("fag", "fag", FagradSkjema, 400,
          lambda r, n: f"{r.get('fagkode', '')} {r.get('fagnavn', '')}".strip() or f"rad {n}", "fagkode"),
    Liste("vitnemalsmerknader", "vmm", MerknadSkjema, 60,
          lambda r, n: r.get("kode") or f"merknad {n}", "kode"),
    Liste("fravaer", "fravaer", FravaerSkjema, 10,
          lambda r, n: f"{r['ar']}. år" if r.get("ar") else f"fravær {n}", "ar"),
)
NY_TITTEL = {"fag": "ny fagrad", "vitnemalsmerknader": "ny merknad", "fravaer": "nytt år"}
LEGG_TIL = {liste.prefiks: liste for liste in LISTER}
LISTE = {liste.nokkel: liste for liste in LISTER}
