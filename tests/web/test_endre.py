"""Issue 16: editing every part of a record in the web application — fag rows added and
removed, every field of a fag row, vitnemålsmerknader with parameters, orden/adferd, fravær,
målform and the programme-area facts — through the same service (a new version, audited),
the checks re-run at once (HTMX ``sjekk``), the loader's messages when the model refuses."""

from __future__ import annotations

import re

from .conftest import som
from .skjemadata import skjemadata


def _url(p, hva: str = "endre") -> str:
    return f"/person/{p.pk}/{hva}/" if hva else f"/person/{p.pk}/"


def _skjema(c, p) -> dict:
    r = c.get(_url(p))
    assert r.status_code == 200
    return skjemadata(r.content.decode())


def _versjoner(p) -> list:
    from vitnemal.store.models import Elevmappeversjon

    return list(Elevmappeversjon.objects.filter(person=p).order_by("versjon"))


def _rad(data: dict, prefiks: str, felt: str, verdi: str) -> int:
    """The index of the row of list ``prefiks`` whose ``felt`` is ``verdi``."""
    return next(int(m.group(1)) for k, v in data.items()
                if (m := re.fullmatch(rf"{prefiks}-(\d+)-{felt}", k)) and v == verdi)


def _legg_til(c, p, data: dict, hva: str, **hode) -> tuple[dict, str]:
    r = c.post(_url(p), {**data, "legg_til": hva}, **hode)
    assert r.status_code == 200
    side = r.content.decode()
    return skjemadata(side), side


def test_legg_til_fagrad_uten_javascript_sjekk_og_lagre(verden):
    """«Legg til fagrad» posts the form and gets it back with an empty row (nothing saved, the
    edits kept, focus on the new row's fagkode); the new row is checked at once — 001 §5.2:
    D «Deltatt» only in the standpunkt column — and saved as a new version with it."""
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    data = _skjema(c, p)
    antall = int(data["fag-TOTAL_FORMS"])
    eng = _rad(data, "fag", "fagkode", "ENG1007")
    data[f"fag-{eng}-standpunkt"] = "6"  # an edit made before adding the row is kept
    data, side = _legg_til(c, p, data, "fag")
    assert data["fag-TOTAL_FORMS"] == str(antall + 1) and data[f"fag-{eng}-standpunkt"] == "6"
    ny = antall
    assert re.search(rf'<input [^>]*name="fag-{ny}-fagkode"[^>]*autofocus', side)
    assert "ny fagrad 1" in side and len(_versjoner(p)) == 1
    data.update({f"fag-{ny}-fagkode": "rea3038", f"fag-{ny}-fagnavn": "Biologi 2",
                 f"fag-{ny}-fagtype": "VP", f"fag-{ny}-trinn": "vg3",
                 f"fag-{ny}-termin": "V2026", f"fag-{ny}-omfang": "140",
                 f"fag-{ny}-standpunkt": "5", f"fag-{ny}-eksamen": "D",
                 f"fag-{ny}-eksamensform": "S"})

    fragment = c.post(_url(p, "sjekk"), data).content.decode()
    assert "KARAKTER-KOLONNE" in fragment and "001 §5.2" in fragment
    assert "Kontroll: 1 FEIL" in fragment and "<html" not in fragment
    data[f"fag-{ny}-eksamen"] = "4"
    fragment = c.post(_url(p, "sjekk"), data).content.decode()
    assert "Kontroll: 0 FEIL" in fragment

    r = c.post(_url(p), {**data, "arsak": "ny fagrad"})
    assert r.status_code == 302
    siste = _versjoner(p)[-1]
    assert siste.versjon == 2 and siste.arsak == "ny fagrad"
    rad = next(f for f in siste.data["fag"] if f["fagkode"] == "REA3038")
    assert (rad["eksamen"], rad["eksamensform"], rad["omfang"], rad["trinn"]) == ("4", "S",
                                                                                  140, "vg3")
    assert len(siste.data["fag"]) == antall + 1
    assert next(f for f in siste.data["fag"] if f["fagkode"] == "ENG1007")["standpunkt"] == "6"
    side = c.get(_url(p, "")).content.decode()
    assert "REA3038 lagt til" in side and "Biologi 2" in side


def test_legg_til_med_htmx_gir_skjemaet_og_en_tom_rad_som_ikke_lagres(verden):
    """With HTMX the button posts the same way (hx-select picks the form out of the page); a
    new row left empty is no row."""
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    data = _skjema(c, p)
    data, side = _legg_til(c, p, data, "fag", HTTP_HX_REQUEST="true")
    assert 'id="mappeskjema"' in side and 'hx-select="#mappeskjema"' in side
    r = c.post(_url(p), {**data, "arsak": "ingenting"})
    assert r.status_code == 302 and len(_versjoner(p)) == 1  # «Ingen endring»


def test_fjern_fagrad(verden):
    """«Fjern» on a fag row leaves it out of the new version; the re-check sees it gone: the
    fag codes to check against the læreplandatabase (001 §2.6, FAGKODE-UKJENT) no longer name
    it."""
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    data = _skjema(c, p)
    fragment = c.post(_url(p, "sjekk"), data).content.decode()
    assert "FAGKODE-UKJENT" in fragment and "GEO1003" in fragment
    geo = _rad(data, "fag", "fagkode", "GEO1003")
    data[f"fag-{geo}-DELETE"] = "on"
    fragment = c.post(_url(p, "sjekk"), data).content.decode()
    assert "FAGKODE-UKJENT" in fragment and "GEO1003" not in fragment
    r = c.post(_url(p), {**data, "arsak": "feilregistrert fag"})
    assert r.status_code == 302
    siste = _versjoner(p)[-1]
    assert siste.versjon == 2 and "GEO1003" not in {f["fagkode"] for f in siste.data["fag"]}
    assert len(siste.data["fag"]) == int(data["fag-TOTAL_FORMS"]) - 1
    assert "GEO1003 fjernet" in c.get(_url(p, "")).content.decode()


def test_alle_felt_i_en_fagrad(verden):
    """The fields under «Flere felt»: name, type, level, termin, omfang, vurdering,
    eksamensform and the booleans reach the stored row (and show again in the form)."""
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    data = _skjema(c, p)
    i = _rad(data, "fag", "fagkode", "REA3044")  # Kjemi 2, VP, vg3
    data.update({f"fag-{i}-fagnavn": "Kjemi 2 (privatist)", f"fag-{i}-omfang": "",
                 f"fag-{i}-termin": "H25", f"fag-{i}-vurdering": "standpunkt",
                 f"fag-{i}-standpunkt": "", f"fag-{i}-eksamen": "5",
                 f"fag-{i}-eksamensform": "S", f"fag-{i}-privatist": "on",
                 f"fag-{i}-tverrfaglig": "on"})
    r = c.post(_url(p), {**data, "arsak": "privatisteksamen"})
    assert r.status_code == 302, r.content.decode()
    rad = next(f for f in _versjoner(p)[-1].data["fag"] if f["fagkode"] == "REA3044")
    assert rad["fagnavn"] == "Kjemi 2 (privatist)" and "omfang" not in rad
    assert (rad["termin"], rad["eksamen"], rad["eksamensform"]) == ("H2025", "5", "S")
    assert rad["privatist"] is rad["tverrfaglig"] is True and "standpunkt" not in rad
    igjen = _skjema(c, p)
    assert igjen[f"fag-{i}-privatist"] == "on" and igjen[f"fag-{i}-termin"] == "H2025"
    assert igjen[f"fag-{i}-eksamensform"] == "S"


def test_vitnemalsmerknad_med_parametre(verden):
    """A vitnemålsmerknad added with its parameters: VMM17 (a dispensation) needs a
    saksnummer with 4–5 digits (001 §3.3) — the re-check says so — and is stored with it."""
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    data, side = _legg_til(c, p, _skjema(c, p), "vmm")
    assert 'list="vitnemalsmerknader"' in side and '<option value="VMM17">' in side
    ny = int(data["vmm-TOTAL_FORMS"]) - 1
    data.update({f"vmm-{ny}-kode": "vmm17",
                 f"vmm-{ny}-parametre": "Dispensasjon fra eksamen, vedtak 12.03.2026"})
    fragment = c.post(_url(p, "sjekk"), data).content.decode()
    assert "DISPENSASJON-SAKSNUMMER" in fragment and "001 §3.3" in fragment
    data[f"vmm-{ny}-parametre"] = "Dispensasjon fra eksamen, vedtak 12.03.2026, saksnr. 2026/0999"
    fragment = c.post(_url(p, "sjekk"), data).content.decode()
    assert "DISPENSASJON-SAKSNUMMER" not in fragment
    r = c.post(_url(p), {**data, "arsak": "dispensasjon"})
    assert r.status_code == 302
    vmm = _versjoner(p)[-1].data["vitnemalsmerknader"]
    assert {"kode": "VMM17", "parametre": ["Dispensasjon fra eksamen, vedtak 12.03.2026, "
                                           "saksnr. 2026/0999"]} in vmm
    igjen = _skjema(c, p)
    assert igjen[f"vmm-{ny}-kode"] == "VMM17"

    igjen[f"vmm-{ny}-DELETE"] = "on"  # and removed again
    assert c.post(_url(p), {**igjen, "arsak": "feil merknad"}).status_code == 302
    assert "VMM17" not in {m["kode"] for m in _versjoner(p)[-1].data["vitnemalsmerknader"]}


def test_orden_adferd_fravaer_og_maalform_rundtur(verden):
    """Orden and adferd from the model's values (001 §5.6), fravær per year (001 §8.1) with
    one year removed and one changed, and målform: stored, and shown again in the form."""
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    data = _skjema(c, p)
    assert (data["orden"], data["adferd"], data["maalform"]) == ("G", "G", "nb")
    to, tre = _rad(data, "fravaer", "ar", "2"), _rad(data, "fravaer", "ar", "3")
    data.update({"orden": "NG", "adferd": "LG", "maalform": "nn",
                 f"fravaer-{to}-dager": "4", f"fravaer-{to}-timer": "11",
                 f"fravaer-{tre}-DELETE": "on"})
    r = c.post(_url(p), {**data, "arsak": "retting av orden, adferd og fravær"})
    assert r.status_code == 302
    v = _versjoner(p)[-1].data
    assert (v["orden"], v["adferd"], v["maalform"]) == ("NG", "LG", "nn")
    assert v["fravaer"] == [{"ar": 1, "dager": 2, "timer": 6}, {"ar": 2, "dager": 4, "timer": 11}]
    igjen = _skjema(c, p)
    assert (igjen["orden"], igjen["adferd"], igjen["maalform"]) == ("NG", "LG", "nn")
    assert igjen["fravaer-TOTAL_FORMS"] == "2" and igjen[f"fravaer-{to}-timer"] == "11"

    igjen, _ = _legg_til(c, p, igjen, "fravaer")
    igjen.update({"fravaer-2-ar": "3", "fravaer-2-dager": "0", "fravaer-2-timer": "0"})
    assert c.post(_url(p), {**igjen, "arsak": "år 3 uten fravær"}).status_code == 302
    assert _versjoner(p)[-1].data["fravaer"][2] == {"ar": 3, "dager": 0, "timer": 0}


def test_sjekk_ser_orden_og_fravaer(verden):
    """The HTMX re-check sees the new fields: without orden (001 §5.6) and without any fravær
    (001 §8.1) for a pupil, each is a FEIL."""
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    data = _skjema(c, p)
    data["orden"] = ""
    for k in [k for k in data if re.fullmatch(r"fravaer-\d+-ar", k)]:
        data[k.replace("-ar", "-DELETE")] = "on"
    fragment = c.post(_url(p, "sjekk"), data).content.decode()
    assert "ORDEN-ADFERD-MANGLER" in fragment and "FRAVAER-MANGLER" in fragment
    assert "Kontroll: 2 FEIL" in fragment


def test_programomradefakta_med_valg(verden):
    """004 H: «over to år», «unormalt skoleår» and «hele programområdet» as choices."""
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    data = _skjema(c, p)
    assert data["po_2_hele_programomradet"] == ""
    data.update({"po_2_hele_programomradet": "ja", "po_1_deltid": "on"})
    assert c.post(_url(p), {**data, "arsak": "registrert fullført"}).status_code == 302
    po = _versjoner(p)[-1].data["programomrader"]
    assert po[2]["hele_programomradet"] is True and po[1]["deltid"] is True
    assert _skjema(c, p)["po_2_hele_programomradet"] == "ja"


def test_ugyldige_verdier_gir_lasterens_meldinger_og_lagrer_ingenting(verden):
    """Every problem at once, in the loader's Norwegian words, status 422, nothing saved."""
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    data, _ = _legg_til(c, p, _skjema(c, p), "fag")
    ny = int(data["fag-TOTAL_FORMS"]) - 1
    nor = _rad(data, "fag", "fagkode", "NOR1267")
    data.update({f"fag-{nor}-omfang": "mange", f"fag-{nor}-termin": "2026",
                 f"fag-{ny}-fagkode": "NOR12", "fravaer-0-dager": "to",
                 "orden": "X"})
    r = c.post(_url(p), {**data, "arsak": ""})
    assert r.status_code == 422
    side = r.content.decode()
    for melding in ("skriv hvorfor elevmappen endres (årsak)",
                    f"$.fag[{nor}].omfang (fag NOR1267): skal være et heltall, ikke «mange»",
                    "termin skrives V eller H og årstall", "fagkode skal være sju tegn",
                    f"$.fag[{ny}].termin", "feltet mangler",
                    "$.fravaer[0].dager (fravær år 1): skal være et heltall, ikke «to»",
                    "$.orden (elevmappe): ugyldig verdi «X»"):
        assert melding.replace("«", "&laquo;").replace("»", "&raquo;") in side \
            or melding in side, melding
    assert len(_versjoner(p)) == 1
    assert skjemadata(side)[f"fag-{nor}-omfang"] == "mange"  # the clerk's values stay
    # … and each message is also beside its field (aria-describedby), «Flere felt» open
    feil = re.search(rf'<span class="errorlist feil" id="id_fag-{nor}-omfang_error">([^<]*)',
                     side)
    assert feil and "skal være et heltall" in feil.group(1)
    assert re.search(rf'<input [^>]*name="fag-{nor}-omfang"[^>]*aria-invalid="true"', side)
    assert re.search(r'id="id_orden_error">ugyldig verdi', side)
    assert re.search(r'id="id_fravaer-0-dager_error">skal være et heltall', side)
    assert re.search(rf'id="id_fag-{ny}-fagkode_error">fagkode skal være sju tegn', side)
    assert side.count("<details open>") == 2  # NOR1267's and the new row's


def test_skjema_med_for_lang_tekst_eller_uten_radtall(verden):
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    data = _skjema(c, p)
    r = c.post(_url(p), {**data, "fag-0-fagnavn": "x" * 300, "arsak": "lang"})
    assert r.status_code == 422 and "Fagnavn, NOR1260" in r.content.decode()
    uten = {k: v for k, v in data.items() if not k.startswith("fag-")}
    r = c.post(_url(p), {**uten, "arsak": "uten fag"})
    assert r.status_code == 422 and "skjemaet er ufullstendig" in r.content.decode()
    assert len(_versjoner(p)) == 1


def test_endret_av_en_annen_i_mellomtiden(verden):
    """A form opened on version 1 is not saved over version 2 (it would undo that change)."""
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    gammel = _skjema(c, p)
    ny = dict(gammel, orden="NG")
    assert c.post(_url(p), {**ny, "arsak": "først"}).status_code == 302
    r = c.post(_url(p), {**gammel, "adferd": "LG", "arsak": "samtidig"})
    assert r.status_code == 422 and "elevmappen er endret (versjon 2)" in r.content.decode()
    assert len(_versjoner(p)) == 2 and _versjoner(p)[-1].data["orden"] == "NG"


def test_revisor_og_annen_skole_kan_ikke_endre(verden):
    """Following the IDOR suite: revisor of the school gets 403, a clerk or rektor of another
    school 404, for saving, «Legg til» and the re-check; nothing is saved, nothing leaks."""
    eier = som(verden.brukere["saksbehandler"])
    data = _skjema(eier, verden.person_a)
    data.update({"orden": "LG", "arsak": "forsøk"})
    for bruker, status in (("revisor", 403), ("saksbehandler_b", 404), ("rektor_b", 404)):
        c = som(verden.brukere[bruker])
        for ekstra in ({}, {"legg_til": "fag"}):
            r = c.post(_url(verden.person_a), {**data, **ekstra})
            assert r.status_code == status, (bruker, ekstra)
            assert "Astrid" not in r.content.decode() and verden.fnr[0] not in r.content.decode()
        assert c.post(_url(verden.person_a, "sjekk"), data).status_code == status
    assert len(_versjoner(verden.person_a)) == 1


def test_hvert_felt_har_etikett(verden):
    """axe's «label» rule in the test client: every visible field of the edit page has a
    <label for> (the e2e run checks the page with axe-core itself)."""
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    _, side = _legg_til(c, p, _skjema(c, p), "vmm")
    ider = set(re.findall(r'<(?:input|select|textarea) [^>]*id="([^"]+)"', side))
    skjulte = set(re.findall(r'<input type="hidden" [^>]*id="([^"]+)"', side))
    etiketter = set(re.findall(r'<label [^>]*for="([^"]+)"', side))
    assert len(ider - skjulte) > 200 and not (ider - skjulte) - etiketter


def test_vedlegg_og_merknaden_som_viser_til_det(verden):
    """001 §2.10: a remark that points at an attachment (FAM03 «Jf. vedlegg») without one is a
    VARSEL, an attachment no remark points at a FEIL; written in the form, one paragraph per
    line, it is stored as the record's list of paragraphs."""
    c = som(verden.brukere["saksbehandler"])
    p = verden.person_a
    data = _skjema(c, p)
    assert data["vedlegg"] == ""
    data["vedlegg"] = "Første avsnitt om faget.\r\n\r\nAndre avsnitt."
    fragment = c.post(_url(p, "sjekk"), data).content.decode()
    assert "VEDLEGG-UTEN-MERKNAD" in fragment and "Kontroll: 1 FEIL" in fragment
    data["vedlegg"] = ""
    i = _rad(data, "fag", "fagkode", "REA3044")
    data[f"fag-{i}-fagmerknad"] = "FAM03"
    fragment = c.post(_url(p, "sjekk"), data).content.decode()
    assert "MERKNAD-UTEN-VEDLEGG" in fragment and "VEDLEGG-UTEN-MERKNAD" not in fragment
    data["vedlegg"] = "Første avsnitt om faget.\r\n\r\nAndre avsnitt."
    fragment = c.post(_url(p, "sjekk"), data).content.decode()
    assert "MERKNAD-UTEN-VEDLEGG" not in fragment and "VEDLEGG-UTEN-MERKNAD" not in fragment
    assert c.post(_url(p), {**data, "arsak": "vedlegg"}).status_code == 302
    v = _versjoner(p)[-1].data
    assert v["vedlegg"] == ["Første avsnitt om faget.", "Andre avsnitt."]
    assert next(f for f in v["fag"] if f["fagkode"] == "REA3044")["fagmerknad"]["kode"] == "FAM03"
    assert _skjema(c, p)["vedlegg"] == "Første avsnitt om faget.\nAndre avsnitt."
