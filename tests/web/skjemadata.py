"""What a browser would post from a page's form: every named input, select and textarea of
the form with the given id (checkboxes only when checked, a select's selected option or else
its first), as a dict the Django test client posts."""

from __future__ import annotations

from html.parser import HTMLParser


class _Skjema(HTMLParser):
    def __init__(self, skjema_id: str):
        super().__init__(convert_charrefs=True)
        self.id, self.inne, self.data = skjema_id, False, {}
        self.valg: str | None = None  # the select being read
        self.forste: str | None = None
        self.tekst: str | None = None  # the textarea being read

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inne = a.get("id") == self.id
        if not self.inne:
            return
        navn = a.get("name")
        if tag == "input" and navn and a.get("type") not in ("submit", "button"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.data[navn] = a.get("value") or "on"
            else:
                self.data[navn] = a.get("value") or ""
        elif tag == "select" and navn:
            self.valg, self.forste = navn, None
        elif tag == "option" and self.valg:
            verdi = a.get("value", "")
            if self.forste is None:
                self.forste = verdi
            if "selected" in a:
                self.data[self.valg] = verdi
        elif tag == "textarea" and navn:
            self.tekst = navn
            self.data[navn] = ""

    def handle_data(self, data):
        if self.tekst:
            self.data[self.tekst] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inne = False
        elif tag == "select" and self.valg:
            self.data.setdefault(self.valg, self.forste or "")
            self.valg = None
        elif tag == "textarea" and self.tekst:
            # a browser drops the newline right after <textarea> (HTML's parsing rules)
            self.data[self.tekst] = self.data[self.tekst].removeprefix("\n")
            self.tekst = None


def skjemadata(side: str, skjema_id: str = "mappeskjema") -> dict:
    p = _Skjema(skjema_id)
    p.feed(side)
    assert p.data, f"fant ikke skjemaet #{skjema_id}"
    return p.data
