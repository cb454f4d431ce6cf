"""Checks generated from data/merknadsregler.yaml: a fagmerknad and the grades, fagkoder and
vitnemålsmerknader it goes with (001 §4.7, §5.3–5.8, §6.1–6.7, §7.2–7.6, §9.3–9.10, §10–13).

Each YAML entry becomes one catalogue check with its own id, reference and quoted sentence; the
generated function's docstring starts with ``Ref: <ref>`` like every other check.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from vitnemal.findings import Alvorlighet
from vitnemal.sjekk.katalog import DOKUMENT, Avvik, Kontroll, registrer
from vitnemal.sjekk.kontekst import fagsti

DATA = Path(__file__).parent / "data" / "merknadsregler.yaml"
TOM = "-"


def _verdi(k) -> str:
    return TOM if k is None else k.value


def _karakter(e: dict):
    koder = set(e.get("merknader", []))
    kolonne = e.get("kolonne")
    verdier = [str(v) for v in e.get("verdier", [])]
    tomme = e.get("tomme", [])

    def sjekk(ktx):
        for i, f in ktx.med_fagmerknad(*koder):
            m = f.fagmerknad.kode
            vis = " eller ".join("stiplet linje" if v == TOM else v for v in verdier)
            if kolonne == "en_av":
                if not ({_verdi(f.standpunkt), _verdi(f.eksamen)} & set(verdier)):
                    yield Avvik(f"{m} på {f.fagkode} krever {vis} i standpunkt- eller "
                                "eksamensrubrikken", fagkode=f.fagkode, merknad=m, sti=fagsti(i))
            elif kolonne:
                k = getattr(f, kolonne)
                if _verdi(k) not in verdier:
                    yield Avvik(f"{m} på {f.fagkode} krever {vis} i {kolonne}srubrikken, ikke "
                                f"{'stiplet linje' if k is None else k.value}", fagkode=f.fagkode,
                                merknad=m, sti=fagsti(i, kolonne))
            for t in tomme:
                if getattr(f, t) is not None:
                    yield Avvik(f"{m} på {f.fagkode}: {t}srubrikken skal ha stiplet linje, ikke "
                                f"{getattr(f, t).value}", fagkode=f.fagkode, merknad=m,
                                sti=fagsti(i, t))
            if e.get("uten_eksamensform") and f.eksamensform is not None:
                yield Avvik(f"{m} på {f.fagkode}: eksamensform skal være stiplet linje, ikke "
                            f"{f.eksamensform.value}", fagkode=f.fagkode, merknad=m,
                            sti=fagsti(i, "eksamensform"))

    return sjekk


def _krever_vmm(e: dict):
    merknad, fagkoder = e.get("merknad"), set(e.get("fagkoder", []))
    en_av, alle = e.get("en_av", []), e.get("alle", [])

    def sjekk(ktx):
        rader = [f for _, f in ktx.trykte_fag()
                 if (merknad and f.fagmerknad and f.fagmerknad.kode == merknad)
                 or f.fagkode in fagkoder]
        if not rader:
            return
        har = ktx.merknadskoder()
        hva = merknad or "/".join(sorted({f.fagkode for f in rader}))
        if en_av and not har & set(en_av):
            yield Avvik(f"{hva} ({', '.join(f.fagkode for f in rader)}) krever "
                        f"vitnemålsmerknad {' eller '.join(en_av)}", merknad=merknad,
                        fagkode=rader[0].fagkode)
        for kode in alle:
            if kode not in har:
                yield Avvik(f"{hva} krever vitnemålsmerknad {kode}", merknad=kode,
                            fagkode=rader[0].fagkode)

    return sjekk


def _kun_fagkoder(e: dict):
    merknad, fagkoder = e["merknad"], set(e["fagkoder"])

    def sjekk(ktx):
        for i, f in ktx.med_fagmerknad(merknad):
            if f.fagkode not in fagkoder:
                yield Avvik(f"{merknad} kan bare føres på {', '.join(sorted(fagkoder))}, ikke på "
                            f"{f.fagkode}", fagkode=f.fagkode, merknad=merknad,
                            sti=fagsti(i, "fagmerknad"))

    return sjekk


def _fagkode_krever(e: dict):
    fagkoder, standpunkt, merknad = set(e["fagkoder"]), e.get("standpunkt"), e.get("merknad")

    def sjekk(ktx):
        for i, f in ktx.trykte_fag():
            if f.fagkode not in fagkoder:
                continue
            if standpunkt and _verdi(f.standpunkt) not in standpunkt:
                yield Avvik(f"{f.fagkode} skal ha {' eller '.join(standpunkt)} i "
                            "standpunktrubrikken", fagkode=f.fagkode, sti=fagsti(i, "standpunkt"))
            if merknad and not (f.fagmerknad and f.fagmerknad.kode == merknad):
                yield Avvik(f"{f.fagkode} skal ha fagmerknad {merknad}", fagkode=f.fagkode,
                            merknad=merknad, sti=fagsti(i, "fagmerknad"))

    return sjekk


LAGERE = {"karakter": _karakter, "krever_vmm": _krever_vmm, "kun_fagkoder": _kun_fagkoder,
          "fagkode_krever": _fagkode_krever}


def last(path: Path = DATA) -> list[Kontroll]:
    """The checks of the data file (each with ``Ref: <ref> — <sitat>`` as docstring)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for seksjon, lag in LAGERE.items():
        for e in data.get(seksjon, []):
            fn = lag(e)
            fn.__name__ = e["id"].lower().replace("-", "_")
            fn.__qualname__ = fn.__name__
            fn.__doc__ = f"Ref: {e['ref']} — «{e['sitat']}»"
            alv = Alvorlighet(e.get("alvorlighet", "FEIL"))
            out.append(Kontroll(e["id"], e["ref"], alv, e["sitat"][:80], fn, DOKUMENT))
    return out


for _s in last():
    registrer(_s)
