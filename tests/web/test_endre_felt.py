"""The edit form's fast widgets (``web.raske_felt``) write the same HTML as Django's widget
templates, for the values and attributes the form uses (escaping, True/False attributes,
the selected option, aria-invalid)."""

from __future__ import annotations

import re

import pytest
from django import forms

from vitnemal.web import raske_felt


def _norm(html: str) -> str:
    return re.sub(r">\s+<", "><", str(html)).strip()


VALG = (("", "velg"), ("FF", "FF – Fellesfag"), ("a\"<b", "«A & B»"))


@pytest.mark.parametrize(("django", "rask", "verdi", "attrs"), [
    (forms.TextInput(), raske_felt.Tekst(), "NOR1260", {"id": "id_x", "maxlength": 10}),
    (forms.TextInput(attrs={"list": "fam", "class": "bred"}),
     raske_felt.Tekst(attrs={"list": "fam", "class": "bred"}), 'a "sitat" <b> & æ', {}),
    (forms.TextInput(attrs={"inputmode": "numeric"}),
     raske_felt.Tekst(attrs={"inputmode": "numeric"}), None,
     {"id": "id_y", "autofocus": True, "aria-invalid": "true", "skjult": False}),
    (forms.CheckboxInput(), raske_felt.Avkrysning(), True, {"id": "id_z"}),
    (forms.CheckboxInput(), raske_felt.Avkrysning(), False, {"id": "id_z"}),
    (forms.Select(choices=VALG), raske_felt.Valg(choices=VALG), "FF", {"id": "id_v"}),
    (forms.Select(choices=VALG), raske_felt.Valg(choices=VALG), 'a"<b', {"maxlength": 20}),
    (forms.Select(choices=VALG), raske_felt.Valg(choices=VALG), "ukjent", {}),
])
def test_samme_html_som_django(db, django, rask, verdi, attrs):
    assert _norm(rask.render("f-0-x", verdi, dict(attrs))) == \
        _norm(django.render("f-0-x", verdi, dict(attrs)))
