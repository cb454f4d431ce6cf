"""Forms over the whole elevmappe (issue 16): fag rows with every field (add, remove),
programme-area facts, vitnemålsmerknader, orden/adferd, fravær per year and målform, and the
reason for the change. The forms only map POST ⇄ record dict: every field is free text or a
choice that passes its value through, so the core model validates and its Norwegian messages
are shown (``store.services.redigering``). Rows are Django formsets (prefixes ``fag``, ``vmm``,
``fravaer``): row ``i`` below the number of rows the record had is that row of the record."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from django import forms
from django.forms import formset_factory

from vitnemal.store import kodevalg
from vitnemal.web import raske_felt

#: The programme-area facts the form edits as checkboxes (004 H, S, L, K; 001 §2.7).
LINJEFAKTA = {
    "deltid": "deltid",
    "sluttet": "sluttet i løpet av året",
    "laretid_fullfort": "læretid fullført",
    "fagprove_avlagt": "fag-/svenneprøve avlagt",
    "utland": "år i utlandet",
    "fremmedsprak_som_privatist": "fremmedspråk som privatist",
}
#: The programme-area facts with more than two values (004 H), with their labels and choices.
LINJEVALG = {
    "over_to_ar": ("over to år", (("", "nei"), ("1", "år 1"), ("2", "år 2"))),
    "unormalt_skolear": ("unormalt skoleår", (("", "nei"), ("underveis", "underveis"),
                                              ("avsluttet", "avsluttet"))),
    "hele_programomradet": ("hele programområdet fullført", (("", "ikke registrert"),
                                                             ("ja", "ja"), ("nei", "nei"))),
}
TRINN = (("", "velg trinn"),) + tuple((f"vg{n}", f"Vg{n}") for n in range(1, 6))
VURDERING = (("standpunkt", "standpunkt"), ("halvar", "halvårsvurdering"))
MAALFORM = (("nb", "bokmål"), ("nn", "nynorsk"), ("en", "engelsk"))
AR = (("", "velg år"),) + tuple((str(n), f"{n}. år") for n in range(1, 6))


def _vis(verdi) -> str:
    return "" if verdi is None else str(verdi)


def _karakter(tekst: str):
    return int(tekst) if tekst.isdigit() else tekst.upper()


def _heltall(tekst: str):
    """A count as a number; anything else goes to the model as written (its message)."""
    return int(tekst) if tekst.isdigit() else tekst


def _parametre(tekst: str) -> list[str]:
    return [p.strip() for p in tekst.split(";") if p.strip()]


def _tekstfelt(kort: str, lengde: int = 40, **attrs) -> forms.CharField:
    f = forms.CharField(required=False, max_length=lengde, label=kort,
                        widget=raske_felt.Tekst(attrs=attrs))
    f.kort = kort
    return f


def _valgfelt(kort: str, valg) -> forms.CharField:
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
    TEKST = {"fagkode": str.upper, "fagnavn": str, "fagtype": str, "omfang": _heltall,
             "trinn": str, "programomrade": str.upper, "vurdering": str, "termin": str.upper,
             "eksamensform": str, "standpunkt": _karakter, "eksamen": _karakter}
    BOOL = ("tverrfaglig", "privatist", "mer_opplaering", "sluttet")

    standpunkt = _tekstfelt("Standpunkt", 20)
    eksamen = _tekstfelt("Eksamen", 20)
    fagmerknad = _tekstfelt("Fagmerknad", 10, list="fagmerknader")
    parametre = _tekstfelt("Parametre til fagmerknaden", 300)
    fagkode = _tekstfelt("Fagkode", 10)
    fagnavn = _tekstfelt("Fagnavn", 200, **{"class": "bred"})
    fagtype = _valgfelt("Fagtype", (("", "velg fagtype"),) + kodevalg.valg("fagtyper"))
    trinn = _valgfelt("Trinn", TRINN)
    termin = _tekstfelt("Termin (f.eks. V2026)", 10)
    omfang = _tekstfelt("Omfang (årstimer)", 10, inputmode="numeric")
    vurdering = _valgfelt("Vurdering", VURDERING)
    eksamensform = _valgfelt("Eksamensform", (("", "ingen"),) + kodevalg.valg("eksamensformer"))
    programomrade = _tekstfelt("Programområde (når trinnet ikke avgjør)", 12)
    tverrfaglig = _avkrysning("Tverrfaglig eksamen")
    privatist = _avkrysning("Privatist")
    mer_opplaering = _avkrysning("Mer opplæring")
    sluttet = _avkrysning("Sluttet i faget")

    @staticmethod
    def initial_fra(fag: dict) -> dict:
        merknad = fag.get("fagmerknad") or {}
        return {**{k: _vis(fag.get(k)) for k in FagradSkjema.TEKST},
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

    ar = _valgfelt("År", AR)
    dager = _tekstfelt("Dager", 10, inputmode="numeric")
    timer = _tekstfelt("Timer", 10, inputmode="numeric")

    @staticmethod
    def initial_fra(f: dict) -> dict:
        return {k: _vis(f.get(k)) for k in ("ar", "dager", "timer")}

    def tom(self) -> bool:
        return not any(self.cleaned_data.get(k) for k in ("ar", "dager", "timer"))

    def rad(self, original: dict | None) -> dict:
        c = self.cleaned_data
        return {k: _heltall(c.get(k, "").strip()) for k in ("ar", "dager", "timer")
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
_STI = re.compile(r"^\$\.(\w+)(?:\[(\d+)\])?(?:\.(\w+))?")
NY_TITTEL = {"fag": "ny fagrad", "vitnemalsmerknader": "ny merknad", "fravaer": "nytt år"}
LEGG_TIL = {liste.prefiks: liste for liste in LISTER}
LISTE = {liste.nokkel: liste for liste in LISTER}


class Hovedskjema(forms.Form):
    """The record's single fields, the programme-area facts (``po_<j>_<fakta>``) and the
    reason for the change; ``grunnlag`` is the version the form was opened on."""

    grunnlag = forms.IntegerField(required=False, widget=forms.HiddenInput)
    orden = _valgfelt("Orden", (("", "ikke oppgitt"),) + kodevalg.valg("orden_adferd"))
    adferd = _valgfelt("Adferd", (("", "ikke oppgitt"),) + kodevalg.valg("orden_adferd"))
    maalform = _valgfelt("Målform på dokumentet", MAALFORM)
    vedlegg = forms.CharField(
        label="Vedlegg skrevet av skolen (001 §2.10)", required=False, max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Ett avsnitt per linje; tomt: ikke noe vedlegg. En fag- eller "
                  "vitnemålsmerknad skal vise til vedlegget (f.eks. FAM03 eller VMM23).")
    arsak = forms.CharField(label="Årsak til endringen", max_length=300, required=False,
                            help_text="f.eks. «klage: ny eksamenskarakter»")

    def __init__(self, mappe: dict, versjon: int, *args, **kwargs):
        super().__init__(*args, initial={"grunnlag": versjon, "orden": mappe.get("orden", ""),
                                         "vedlegg": "\n".join(mappe.get("vedlegg", [])),
                                         "adferd": mappe.get("adferd", ""),
                                         "maalform": mappe.get("maalform", "nb")}, **kwargs)
        self.linjer = []
        for j, po in enumerate(mappe.get("programomrader", [])):
            navn = f"{po.get('kode', '')} {po.get('niva', '')} {po.get('skolear', '')}"
            for k, etikett in LINJEFAKTA.items():
                self.fields[f"po_{j}_{k}"] = forms.BooleanField(
                    label=f"{etikett}, {navn}", required=False, initial=bool(po.get(k)),
                    widget=raske_felt.Avkrysning)
            for k, (etikett, valg) in LINJEVALG.items():
                verdi = po.get(k)
                self.fields[f"po_{j}_{k}"] = forms.CharField(
                    label=f"{etikett}, {navn}", required=False, max_length=20,
                    widget=raske_felt.Valg(choices=valg),
                    initial={True: "ja", False: "nei", None: ""}.get(verdi, _vis(verdi)))
            self.linjer.append((po, [self[f"po_{j}_{k}"] for k in LINJEFAKTA],
                                [self[f"po_{j}_{k}"] for k in LINJEVALG]))

    def linje(self, j: int, po: dict) -> dict:
        c = self.cleaned_data
        po = copy.deepcopy(po)
        for k in LINJEFAKTA:
            po[k] = bool(c.get(f"po_{j}_{k}"))
        for k in LINJEVALG:
            verdi = c.get(f"po_{j}_{k}", "").strip()
            if not verdi:
                po.pop(k, None)
            elif k == "hele_programomradet":
                po[k] = {"ja": True, "nei": False}.get(verdi, verdi)
            else:
                po[k] = _heltall(verdi)
        return po


class MappeSkjema:
    """The edit form of one record version: ``hoved`` and one formset per list. ``legg_til``
    (a list's prefix, the «Legg til …» button pressed) re-renders with one empty row more."""

    def __init__(self, mappe: dict, versjon: int, data=None, *, legg_til: str | None = None):
        self.mappe = mappe
        if data is not None and legg_til in LEGG_TIL:
            data = data.copy()
            nokkel = f"{legg_til}-TOTAL_FORMS"
            antall = data.get(nokkel, "")
            if antall.isdigit() and int(antall) < LEGG_TIL[legg_til].maks:
                data[nokkel] = str(int(antall) + 1)
        self.legger_til = data is not None and legg_til in LEGG_TIL
        self.hoved = Hovedskjema(mappe, versjon, data)
        self.lister = {}
        for liste in LISTER:
            rader = mappe.get(liste.nokkel, [])
            fs = liste.formset()(data, prefix=liste.prefiks,
                                 initial=[liste.skjema.initial_fra(r) for r in rader])
            fs.rader = []
            for n, f in enumerate(fs.forms):
                ny = n >= len(rader)
                tittel = (f"{NY_TITTEL[liste.nokkel]} {n + 1 - len(rader)}" if ny
                          else liste.tittel(rader[n], n + 1))
                for navn, felt in f.fields.items():
                    felt.label = f"{'Fjern' if navn == 'DELETE' else felt.kort}, {tittel}"
                if (self.legger_til and legg_til == liste.prefiks and ny
                        and n == len(fs.forms) - 1):
                    f.fields[liste.forst].widget.attrs["autofocus"] = True
                fs.rader.append(Rad(f, tittel, ny))
            self.lister[liste.nokkel] = fs

    @property
    def fag(self):
        return self.lister["fag"]

    @property
    def merknader(self):
        return self.lister["vitnemalsmerknader"]

    @property
    def fravaer(self):
        return self.lister["fravaer"]

    def is_valid(self) -> bool:
        return all([self.hoved.is_valid(), *(fs.is_valid() for fs in self.lister.values())])

    def feil(self) -> list[str]:
        """Every problem the forms found (a count of rows missing, a text too long)."""
        ut = [f"{self.hoved.fields[k].label if k in self.hoved.fields else k}: {' '.join(e)}"
              for k, e in self.hoved.errors.items()]
        for fs in self.lister.values():
            if fs.non_form_errors() or not fs.management_form.is_valid():
                ut.append(f"{fs.prefix}: skjemaet er ufullstendig eller har for mange rader; "
                          "last siden på nytt")
                continue
            for f in fs.forms:
                ut += [f"{f.fields[k].label}: {' '.join(e)}" for k, e in f.errors.items()]
        return ut

    def ny_mappe(self) -> dict:
        """The record with the edited values (not validated: the core model does that);
        rows marked «fjern» and new rows left empty are left out."""
        data = copy.deepcopy(self.mappe)
        for k in ("orden", "adferd", "maalform"):
            verdi = self.hoved.cleaned_data.get(k, "").strip()
            if verdi:
                data[k] = verdi
            else:
                data.pop(k, None)
        avsnitt = [a.strip() for a in self.hoved.cleaned_data.get("vedlegg", "").splitlines()
                   if a.strip()]
        if avsnitt:
            data["vedlegg"] = avsnitt
        else:
            data.pop("vedlegg", None)
        data["programomrader"] = [self.hoved.linje(j, po)
                                  for j, po in enumerate(self.mappe.get("programomrader", []))]
        self._skjemarad: dict[str, list[int]] = {}  # row of the new record → row of the form
        for liste in LISTER:
            rader = self.mappe.get(liste.nokkel, [])
            ut, self._skjemarad[liste.nokkel] = [], []
            for n, f in enumerate(self.lister[liste.nokkel].forms):
                ny = n >= len(rader)
                if f.cleaned_data.get("DELETE") or (ny and f.tom()):
                    continue
                ut.append(f.rad(None if ny else rader[n]))
                self._skjemarad[liste.nokkel].append(n)
            data[liste.nokkel] = ut
        return data

    def knytt(self, steder: list[tuple[str, str]]) -> None:
        """Show each of the model's problems (``(sti, melding)`` of the record ``ny_mappe``
        made) beside its field: «$.fag[3].omfang» on that row's omfang, a problem of a whole
        row on its first field."""
        for sti, melding in steder:
            m = _STI.match(sti)
            if not m:
                continue
            del_, i, felt = m.group(1), m.group(2), m.group(3)
            if del_ in self.hoved.fields:  # orden, adferd, maalform, vedlegg
                self.hoved.add_error(del_, melding)
            elif del_ == "programomrader" and f"po_{i}_{felt}" in self.hoved.fields:
                self.hoved.add_error(f"po_{i}_{felt}", melding)
            elif del_ in self._skjemarad and int(i) < len(self._skjemarad[del_]):
                f = self.lister[del_].forms[self._skjemarad[del_][int(i)]]
                f.add_error(felt if felt in f.fields else LISTE[del_].forst, melding)

    @property
    def arsak(self) -> str:
        return self.hoved.cleaned_data.get("arsak", "")

    @property
    def grunnlag(self) -> int | None:
        return self.hoved.cleaned_data.get("grunnlag")
