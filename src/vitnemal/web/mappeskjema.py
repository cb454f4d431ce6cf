"""Forms over the whole elevmappe (issue 16): fag rows with every field (add, remove),
programme-area facts, vitnemålsmerknader, orden/adferd, fravær per year, målform and vedlegg,
and the reason for the change. The forms only map POST ⇄ record dict: every field is free text or a
choice that passes its value through, so the core model validates and its Norwegian messages
are shown (``store.services.redigering``). The lists of rows are formsets of
``web.skjemarader``: row ``i`` below the number of rows the record had is that row of the
record, the rows above it are new."""

from __future__ import annotations

import copy
import re

from django import forms

from vitnemal.store import kodevalg
from vitnemal.web import raske_felt
from vitnemal.web.skjemarader import (
    LEGG_TIL,
    LISTE,
    LISTER,
    NY_TITTEL,
    Rad,
    heltall,
    valgfelt,
    vis,
)

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
MAALFORM = (("nb", "bokmål"), ("nn", "nynorsk"), ("en", "engelsk"))
_STI = re.compile(r"^\$\.(\w+)(?:\[(\d+)\])?(?:\.(\w+))?")


class Hovedskjema(forms.Form):
    """The record's single fields, the programme-area facts (``po_<j>_<fakta>``) and the
    reason for the change; ``grunnlag`` is the version the form was opened on."""

    grunnlag = forms.IntegerField(required=False, widget=forms.HiddenInput)
    orden = valgfelt("Orden", (("", "ikke oppgitt"),) + kodevalg.valg("orden_adferd"))
    adferd = valgfelt("Adferd", (("", "ikke oppgitt"),) + kodevalg.valg("orden_adferd"))
    maalform = valgfelt("Målform på dokumentet", MAALFORM)
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
                    initial={True: "ja", False: "nei", None: ""}.get(verdi, vis(verdi)))
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
                po[k] = heltall(verdi)
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
