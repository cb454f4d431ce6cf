"""Forms over the elevmappe: the fag rows (grades, eksamensform, fagmerknad with parameters)
and the reason for the change. The forms only carry values; the core model validates them and
its Norwegian messages are shown (``store.services.redigering``)."""

from __future__ import annotations

import copy

from django import forms

from vitnemal.store.models import Annullering

KARAKTER_HJELP = "1–6, eller IV, F, D, GK, BE, IM … (tomt: ingen karakter)"

#: The programme-area facts the form edits (004 H, S, L, K; 001 §2.7), with their labels.
LINJEFAKTA = {
    "deltid": "deltid",
    "sluttet": "sluttet i løpet av året",
    "laretid_fullfort": "læretid fullført",
    "fagprove_avlagt": "fag-/svenneprøve avlagt",
    "utland": "år i utlandet",
    "fremmedsprak_som_privatist": "fremmedspråk som privatist",
}


def _karakter(tekst: str):
    tekst = tekst.strip()
    if not tekst:
        return None
    return int(tekst) if tekst.isdigit() else tekst.upper()


def _vis(verdi) -> str:
    return "" if verdi is None else str(verdi)


class MappeSkjema(forms.Form):
    """One row of fields per fag row of the record (``fag_<i>_standpunkt`` …)."""

    arsak = forms.CharField(label="Årsak til endringen", max_length=300, required=False,
                            help_text="f.eks. «klage: ny eksamenskarakter»")

    def __init__(self, data_mappe: dict, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mappe = data_mappe
        self.rader = []
        for i, fag in enumerate(data_mappe.get("fag", [])):
            navn = f"{fag.get('fagkode', '')} {fag.get('fagnavn', '')}"
            merknad = fag.get("fagmerknad") or {}
            felt = {
                "standpunkt": forms.CharField(label=f"Standpunkt, {navn}", required=False,
                                              max_length=20, initial=_vis(fag.get("standpunkt"))),
                "eksamen": forms.CharField(label=f"Eksamen, {navn}", required=False,
                                           max_length=20, initial=_vis(fag.get("eksamen"))),
                "merknad": forms.CharField(label=f"Fagmerknad, {navn}", required=False,
                                           max_length=10, initial=merknad.get("kode", "")),
                "parametre": forms.CharField(label=f"Parametre til fagmerknaden, {navn}",
                                             required=False, max_length=300,
                                             initial="; ".join(merknad.get("parametre", []))),
            }
            for k, f in felt.items():
                self.fields[f"fag_{i}_{k}"] = f
            self.rader.append((i, fag, [self[f"fag_{i}_{k}"] for k in felt]))
        self.linjer = []
        for j, po in enumerate(data_mappe.get("programomrader", [])):
            navn = f"{po.get('kode', '')} {po.get('niva', '')} {po.get('skolear', '')}"
            for k, etikett in LINJEFAKTA.items():
                self.fields[f"po_{j}_{k}"] = forms.BooleanField(
                    label=f"{etikett}, {navn}", required=False, initial=bool(po.get(k)))
            self.linjer.append((j, po, [self[f"po_{j}_{k}"] for k in LINJEFAKTA]))

    def ny_mappe(self) -> dict:
        """The record with the edited values (not validated: the core model does that)."""
        data = copy.deepcopy(self.mappe)
        c = self.cleaned_data
        for i, fag in enumerate(data.get("fag", [])):
            for k in ("standpunkt", "eksamen"):
                verdi = _karakter(c.get(f"fag_{i}_{k}", ""))
                if verdi is None:
                    fag.pop(k, None)
                else:
                    fag[k] = verdi
            kode = c.get(f"fag_{i}_merknad", "").strip().upper()
            if kode:
                parametre = [p.strip() for p in c.get(f"fag_{i}_parametre", "").split(";")
                             if p.strip()]
                fag["fagmerknad"] = {"kode": kode, "parametre": parametre}
            else:
                fag.pop("fagmerknad", None)
        for j, po in enumerate(data.get("programomrader", [])):
            for k in LINJEFAKTA:
                if c.get(f"po_{j}_{k}"):
                    po[k] = True
                else:
                    po.pop(k, None)
        return data


class SokSkjema(forms.Form):
    navn = forms.CharField(label="Navn (eller en del av det)", required=False, max_length=200)
    fodt = forms.DateField(label="Fødselsdato", required=False,
                           widget=forms.DateInput(attrs={"type": "date"}))


class FnrSkjema(forms.Form):
    fodselsnummer = forms.CharField(label="Fødselsnummer (11 sifre)", max_length=13,
                                    widget=forms.TextInput(attrs={"autocomplete": "off",
                                                                  "inputmode": "numeric"}))


class AnnullerSkjema(forms.Form):
    arsak = forms.ChoiceField(label="Årsakskode", choices=Annullering.Arsak.choices)
    fritekst = forms.CharField(label="Begrunnelse", max_length=1000,
                               widget=forms.Textarea(attrs={"rows": 3}))


class UtstedSkjema(forms.Form):
    erstatter = forms.IntegerField(required=False, widget=forms.HiddenInput)
    arsak = forms.ChoiceField(label="Årsakskode for det som erstattes",
                              choices=Annullering.Arsak.choices, initial="FEI", required=False)


class DuplikatSkjema(forms.Form):
    nytt_nummer = forms.BooleanField(label="Nytt dokumentnummer (001 §2.11 alternativ 3)",
                                     required=False)


class LoggSkjema(forms.Form):
    person = forms.IntegerField(label="Person-id", required=False, min_value=1)
    bruker = forms.CharField(label="Brukernavn", required=False, max_length=150)
    fra = forms.DateField(label="Fra dato", required=False,
                          widget=forms.DateInput(attrs={"type": "date"}))
    til = forms.DateField(label="Til dato", required=False,
                          widget=forms.DateInput(attrs={"type": "date"}))


class RegisterSkjema(forms.Form):
    skole = forms.TypedChoiceField(label="Skole", required=False, coerce=int, empty_value=None)
    ar = forms.IntegerField(label="År", required=False, min_value=1990, max_value=2100)
    type = forms.ChoiceField(label="Type", required=False,
                             choices=[("", "alle"), ("V", "vitnemål"), ("K", "kompetansebevis")])
    status = forms.ChoiceField(label="Status", required=False,
                               choices=[("", "alle"), ("gyldig", "gyldig"),
                                        ("annullert", "annullert")])

    def __init__(self, skoler, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skole"].choices = [("", "alle")] + [(s.pk, s.navn) for s in skoler]


class BatchSkjema(forms.Form):
    """Start a background batch (issue 17): a school the user may issue for, optionally one
    school year and one level (the record has no class)."""

    skole = forms.TypedChoiceField(label="Skole", coerce=int)
    skolear = forms.RegexField(label="Skoleår (valgfritt, f.eks. 2025-2026)", required=False,
                               regex=r"^\d{4}-\d{4}$", max_length=9,
                               error_messages={"invalid": "Skriv skoleåret som ÅÅÅÅ-ÅÅÅÅ."})
    trinn = forms.ChoiceField(label="Trinn (valgfritt)", required=False,
                              choices=[("", "alle"), ("vg1", "Vg1"), ("vg2", "Vg2"),
                                       ("vg3", "Vg3"), ("vg4", "Vg4")])
    formal = forms.CharField(label="Formål (står i hendelsesloggen)", required=False,
                             max_length=300, initial="masseutstedelse juni")

    def __init__(self, skoler, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skole"].choices = [(s.pk, s.navn) for s in skoler]
