"""The small forms of the web application: search, annul, issue, duplicate, audit log,
register and batch filters. The record's edit form is ``web.mappeskjema``."""

from __future__ import annotations

from django import forms

from vitnemal.store.models import Annullering


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
