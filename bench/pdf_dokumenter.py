"""Distinct synthetic documents for bench/pdf.py, generated deterministically from a seed.

Synthetic people with æøå in their names and VIGO fictive fødselsnummer (day + 40, 99, gender
digit, county; never a valid D-number); vitnemål and kompetansebevis, nb and nn, 1–4
programområde lines, fagtype groups, grades with words, exams with eksamensform, fagmerknader,
fravær per year, 0–2 vitnemålsmerknader, a few duplikat and utkast. About ``LANG_ANDEL`` of
them are long enough for a second page (checked with ``vitnemal.pdf.layout``).
"""

from __future__ import annotations

import random
from dataclasses import replace

from vitnemal.dokument.model import (
    INGEN_OMFANG,
    STIPLET,
    Dokument,
    Dokumenttype,
    FagGruppe,
    FagRad,
    FravaerLinje,
    ProgramLinje,
)
from vitnemal.dokument.tekster import innhold, ledetekster
from vitnemal.ids.fodselsnummer import analyse
from vitnemal.pdf.layout import layout

LANG_ANDEL = 0.10  # documents made long enough for a second page

FORNAVN = ["Åse", "Øystein", "Jørgen", "Sigrid", "Håkon", "Ingrid", "Bjørn", "Frøya", "Ærle",
           "Nora", "Emil", "Thea", "Magnus", "Live", "Aksel", "Tobias", "Marte", "Søren",
           "Maja", "Jonas", "Astrid", "Sander", "Tuva", "Even", "Ylva", "Mathias", "Amina",
           "Ali", "Linnéa", "Kåre"]
MELLOMNAVN = ["", "", "", "", "Marie", "Andreas", "Sofie", "Kristian", "Louise", "Bø", "Løvik"]
ETTERNAVN = ["Bråthen", "Ødegård", "Sæther", "Haugland-Løvås", "Fjærli-Østby", "Nordmann",
             "Hansen", "Johansen", "Olsen", "Strøm", "Dahl", "Aasen", "Berg", "Kristiansen",
             "Må", "Grønnevik", "Solbærg", "Hætta", "Østerdal", "Næss", "Åkerøy", "Tveitå"]
FYLKER = ["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"]
SKOLER = [("Nordlys videregående skole", "974544482", "Tromsø"),
          ("Sjøsiden videregående skole", "971045698", "Bergen"),
          ("Åsane videregåande skule", "974557746", "Bergen"),
          ("Bjørkelangen videregående skole", "974544458", "Aurskog-Høland"),
          ("Strinda videregående skole", "974349414", "Trondheim"),
          ("Øvre Romerike vidaregåande skule", "974544466", "Jessheim")]
LEDERE = ["Randi Rektorsen", "Per Avdeling", "Ingrid Berg", "Tobias Strøm", "Kjersti Ødegaard",
          "Håvard Sæbø", "Marit Løkken", "Øyvind Aas"]

ORD = {"nb": ["", "en", "to", "tre", "fire", "fem", "seks"],
       "nn": ["", "ein", "to", "tre", "fire", "fem", "seks"]}
OVERSKRIFT = {
    "nb": {"FF": "Fellesfag", "FP": "Felles programfag", "VP": "Valgfrie programfag",
           "PF": "Prosjekt til fordypning", "YF": "Yrkesfaglig fordypning",
           "IO": "Individuell opplæringsplan"},
    "nn": {"FF": "Fellesfag", "FP": "Felles programfag", "VP": "Valfrie programfag",
           "PF": "Prosjekt til fordjuping", "YF": "Yrkesfagleg fordjuping",
           "IO": "Individuell opplæringsplan"},
}
GRUPPEORDEN = ["FF", "FP", "VP", "PF", "YF", "IO"]
ORDEN = {"nb": ["God", "God", "God", "Nokså god", "Lite god"],
         "nn": ["God", "God", "God", "Nokså god", "Lite god"]}
FAGMERKNAD = ["Kar. gitt som halvårsvurd.", "Fritatt fra vurd. med kar.", "Jf. vedlegg",
              "Realkompetansevurdert", "Utv. omf. i norsk", "Dokumentert fravær",
              "Fag tatt u.tr. § 1-15", "Godkjent etter søknad", "Bestått fag 2024"]
MERKNADER = [
    "Utvidet tid som følge av omvalg, jf. opplæringsloven § 3-1 fjerde ledd.",
    "Utvidet tid som følge av fravær på grunn av langvarig sykdom.",
    "Utvidet tid som følge av deltakelse i internasjonal utveksling som medfører tap av "
    "opplæringstid i løpet av et opplæringsår.",
    "Sum omfang, fravær, orden og atferd gjelder opplæring i skole.",
    "Årsak til fravær dokumentert i vedlegg.",
    "Utvidet tid som følge av rett til særskilt eksamen, jf. forskriften § 3-30.",
    "Skriftlig eksamen i norsk hovedmål erstattes av eksamen i norsk som andrespråk NOR1049.",
]

# (omfang or None, fagkode, fagnavn); None prints INGEN_OMFANG («--»)
SF_FELLESFAG = [
    (140, "ENG1007", "Engelsk"), (None, "ENG1008", "Engelsk, skriftlig eksamen"),
    (365, "FSP6237", "Spansk I+II"), (56, "GEO1003", "Geografi"), (113, "HIS1010", "Historie"),
    (168, "KRO1017", "Kroppsøving"), (140, "MAT1021", "Matematikk 1T"),
    (84, "MAT1023", "Matematikk 2P"), (140, "NAT1007", "Naturfag"),
    (393, "NOR1267", "Norsk hovedmål, vg3, skriftlig"),
    (None, "NOR1268", "Norsk sidemål, vg3, skriftlig"), (None, "NOR1269", "Norsk, vg3, muntlig"),
    (84, "REL1003", "Religion og etikk"), (84, "SAF1001", "Samfunnskunnskap"),
]
SF_PROGRAMFAG = [
    (140, "REA3056", "Matematikk R1"), (140, "REA3058", "Matematikk R2"),
    (140, "REA3046", "Fysikk 1"), (140, "REA3047", "Fysikk 2"), (140, "REA3043", "Kjemi 1"),
    (140, "REA3044", "Kjemi 2"), (140, "REA3037", "Biologi 1"), (140, "REA3038", "Biologi 2"),
    (140, "SAM3072", "Sosiologi og sosialantropologi"), (140, "SAM3073", "Sosialkunnskap"),
    (140, "SAM3071", "Politikk og menneskerettigheter"), (140, "SAM3077", "Økonomistyring"),
    (140, "SPR3030", "Engelskspråklig litteratur og kultur"),
    (140, "SPR3032", "Samfunnsfaglig engelsk"),
]
SF_VALGFRIE = [
    (140, "REA3049", "Informasjonsteknologi 1"), (140, "REA3050", "Informasjonsteknologi 2"),
    (140, "SAM3059", "Entreprenørskap og bedriftsutvikling 1"), (140, "IDR3001", "Breddeidrett 1"),
    (140, "SAM3060", "Markedsføring og ledelse 1"), (140, "MDD3001", "Musikk fordypning 1"),
    (140, "REA3062", "Geofag 1"), (140, "HUM3001", "Filosofi 1"), (140, "SAM3056", "Rettslære 1"),
    (140, "SAM3057", "Rettslære 2"), (140, "KDA3001", "Kunst og visuelle virkemidler"),
    (140, "REA3060", "Teknologi og forskningslære 1"), (140, "SAM3074", "Psykologi 1"),
    (140, "SAM3075", "Psykologi 2"), (140, "SPR3033", "Internasjonal engelsk"),
    (140, "FSP6239", "Tysk nivå III"), (140, "SAM3054", "Historie og filosofi 1"),
    (140, "REA3063", "Geofag 2"), (140, "SAM3058", "Entreprenørskap og bedriftsutvikling 2"),
    (140, "MDD3002", "Musikk fordypning 2"), (140, "HUM3002", "Filosofi 2"),
]
YF_FELLESFAG = [
    (140, "ENG1007", "Engelsk"), (56, "NAT1006", "Naturfag"), (56, "KRO1019", "Kroppsøving"),
    (84, "MAT1019", "Matematikk 1P-Y"), (112, "NOR1206", "Norsk"),
    (84, "SAF1002", "Samfunnskunnskap"), (56, "KRO1020", "Kroppsøving vg2"),
]
YF_PROGRAMFAG = {
    "HS": [(477, "HEA1001", "Helsefremmende arbeid"), (None, "HEA1002", "Kommunikasjon og "
           "samhandling"), (None, "HEA1003", "Yrkesutøvelse"),
           (477, "HEA2001", "Helsefremmende arbeid vg2"),
           (None, "HEA2002", "Kommunikasjon og samhandling vg2"),
           (None, "HEA2003", "Yrkesutøvelse vg2")],
    "EL": [(477, "ELE1001", "Elektriske installasjoner og systemer"),
           (None, "ELE1002", "Automatiserte systemer"), (None, "ELE1003", "Energisystemer"),
           (477, "ELE2001", "Installasjon og vedlikehold av elektriske anlegg"),
           (None, "ELE2002", "Dokumentasjon og kvalitetssikring")],
    "BA": [(477, "BAA1001", "Produksjon"), (None, "BAA1002", "Dokumentasjon og kvalitet"),
           (None, "BAA1003", "Yrkesfaglig samarbeid"), (477, "BAA2001", "Tømrerarbeid"),
           (None, "BAA2002", "Helse, miljø og sikkerhet i tømrerfaget")],
}
YF_FORDYPNING = [(253, "YFF1001", "Yrkesfaglig fordypning vg1"),
                 (253, "YFF2001", "Yrkesfaglig fordypning vg2")]
PROGRAM = {  # utdanningsprogram → (vg1, vg2, vg3) lines (kode, navn)
    "ST": ("Studiespesialisering", [("STSSA1----", "Studiespesialisering"),
                                    ("STREA2----", "Realfag"), ("STREA3----", "Realfag")]),
    "SS": ("Studiespesialisering", [("STSSA1----", "Studiespesialisering"),
                                    ("STSSA2----", "Språk, samfunnsfag og økonomi"),
                                    ("STSSA3----", "Språk, samfunnsfag og økonomi")]),
    "HS": ("Helse- og oppvekstfag", [("HSHSF1----", "Helse- og oppvekstfag"),
                                     ("HSHEA2----", "Helsearbeiderfaget")]),
    "EL": ("Elektro og datateknologi", [("ELELE1----", "Elektro og datateknologi"),
                                        ("ELELE2----", "Elenergi og ekom")]),
    "BA": ("Bygg- og anleggsteknikk", [("BABAT1----", "Bygg- og anleggsteknikk"),
                                       ("BATMF2----", "Tømrer")]),
}
PABYGG = ("PBPBY3----", "Påbygging til generell studiekompetanse")
PABYGG_4 = ("PBPBY4----", "Påbygging til generell studiekompetanse etter fullført yrkesfag")


def kar(rng: random.Random, mf: str, snitt: float = 4.2) -> str:
    n = max(1, min(6, round(rng.gauss(snitt, 1.0))))
    return f"{n} {ORD[mf][n]}"


def fnr(rng: random.Random) -> str:
    """VIGO fictive number (003 A01): day + 40, month, year, 99, gender digit, county."""
    while True:
        d, m = rng.randint(1, 28), rng.randint(1, 12)
        s = f"{d + 40:02d}{m:02d}{rng.randint(2, 9):02d}99{rng.randint(0, 9)}{rng.choice(FYLKER)}"
        if analyse(s).type.value == "vigo_fiktivt":
            return s


def fagrad(rng: random.Random, mf: str, fag: tuple, ar: str, eksamen_p: float) -> FagRad:
    omfang, kode, navn = fag
    sp = kar(rng, mf)
    ek = eks_form = STIPLET
    merknad = ""
    r = rng.random()
    if kode.startswith("YFF"):
        sp = "Bestått"
    elif kode in ("ENG1008",):  # exam-only row
        sp, ek, eks_form = STIPLET, kar(rng, mf), "S"
    elif r < eksamen_p:
        ek, eks_form = kar(rng, mf, 3.8), rng.choice(("S", "S", "M", "MP", "P"))
    elif r < eksamen_p + 0.015:
        sp = "IV"
    elif r < eksamen_p + 0.025:
        sp, merknad = "Fritatt", "Fritatt fra vurd. med kar."
    if not merknad and rng.random() < 0.06:
        merknad = rng.choice(FAGMERKNAD)
    return FagRad(omfang=str(omfang) if omfang else INGEN_OMFANG, fagkode=kode, fagnavn=navn,
                  standpunkt=sp, eksamen=ek, eksamensform=eks_form, ar=ar, merknad=merknad)


def _dokument(meta: dict, rader: dict[str, list[FagRad]]) -> Dokument:
    mf = meta["maalform"]
    grupper = tuple(
        FagGruppe(ft, OVERSKRIFT[mf][ft], tuple(sorted(rader[ft], key=lambda r: r.fagkode)))
        for ft in GRUPPEORDEN if rader.get(ft))
    total = sum(int(r.omfang) for g in grupper for r in g.rader if r.omfang.isdigit())
    return Dokument(grupper=grupper, sum_omfang=str(total), **meta)


def lag_dokument(rng: random.Random, i: int, *, lang: bool) -> Dokument:
    """One synthetic document; ``lang``: long enough for a second page, else one page."""
    mf = "nn" if rng.random() < 0.15 else "nb"
    lt, t = ledetekster(mf), innhold(mf)
    skole, orgnr, sted = rng.choice(SKOLER)
    navn = " ".join(x for x in (rng.choice(FORNAVN), rng.choice(MELLOMNAVN),
                                rng.choice(ETTERNAVN)) if x)
    r = rng.random()
    vitnemal = r < 0.7
    rader: dict[str, list[FagRad]] = {}
    linjer: list[ProgramLinje] = []
    ekstra: list[tuple] = []
    if vitnemal and r < 0.5:  # studiespesialisering, three years
        up, prog = PROGRAM[rng.choice(("ST", "SS"))]
        linjer = [ProgramLinje(f"vg{k + 1}", kode, pnavn, up) for k, (kode, pnavn) in
                  enumerate(prog)]
        ff = rng.sample(SF_FELLESFAG, rng.randint(8, 13))
        pf = rng.sample(SF_PROGRAMFAG, rng.randint(3, 6))
        vp = rng.sample(SF_VALGFRIE, rng.randint(0, 4))
        ekstra = [f for f in SF_VALGFRIE + SF_PROGRAMFAG if f not in pf and f not in vp]
        rader = {"FF": [fagrad(rng, mf, f, f"V{rng.randint(24, 26)}", 0.15) for f in ff],
                 "FP": [fagrad(rng, mf, f, f"V{rng.randint(25, 26)}", 0.12) for f in pf],
                 "VP": [fagrad(rng, mf, f, f"V{rng.randint(25, 26)}", 0.12) for f in vp]}
        if rng.random() < 0.3:
            rader["PF"] = [fagrad(rng, mf, (113, "PFT3001", "Prosjekt til fordypning"),
                                  "V26", 0.0)]
    else:  # yrkesfag: kompetansebevis, or vitnemål after påbygging (3–4 lines)
        key = rng.choice(("HS", "EL", "BA"))
        up, prog = PROGRAM[key]
        linjer = [ProgramLinje(f"vg{k + 1}", kode, pnavn, up) for k, (kode, pnavn) in
                  enumerate(prog[:1] if not vitnemal and rng.random() < 0.4 else prog)]
        if not vitnemal:
            linjer = [replace(p, pastand=t["bestatt"] if rng.random() < 0.7 else t["fullfort"])
                      for p in linjer]
        ff = rng.sample(YF_FELLESFAG, rng.randint(3, 6))
        pf = YF_PROGRAMFAG[key][: 3 * len(linjer)]
        rader = {"FF": [fagrad(rng, mf, f, f"V{rng.randint(25, 26)}", 0.1) for f in ff],
                 "FP": [fagrad(rng, mf, f, f"V{rng.randint(25, 26)}", 0.1) for f in pf],
                 "YF": [fagrad(rng, mf, f, f"V{25 + k}", 0.0)
                        for k, f in enumerate(YF_FORDYPNING[:len(linjer)])]}
        if vitnemal:  # påbygging: a third (and sometimes a fourth) line, more fellesfag
            linjer.append(ProgramLinje("vg3", *PABYGG, "Påbygging"))
            if rng.random() < 0.3:
                linjer.append(ProgramLinje("vg4", *PABYGG_4, "Påbygging"))
            pb = [f for f in SF_FELLESFAG if f[1][:3] in ("NOR", "HIS", "REL", "MAT", "NAT")]
            rader["FF"] += [fagrad(rng, mf, f, "V26", 0.2)
                            for f in rng.sample(pb, rng.randint(3, len(pb)))
                            if f[1] not in {r.fagkode for r in rader["FF"]}]
        ekstra = [f for f in SF_VALGFRIE if f[1] not in {r.fagkode for r in rader["FF"]}]
        if rng.random() < 0.04:
            rader["IO"] = [FagRad(INGEN_OMFANG, "IOP1001", "Individuell opplæringsplan",
                                  "Deltatt" if mf == "nb" else "Delteke", STIPLET, STIPLET,
                                  "V26", "Individuell opplæringsplan")]
    ar_n = len({p.niva for p in linjer})
    fravaer = () if rng.random() < 0.05 else tuple(
        FravaerLinje(t["fravaer_ar"].format(n=k + 1), str(rng.randint(0, 15)),
                     str(rng.randint(0, 40))) for k in range(min(ar_n, 3)))
    forste = vitnemal and rng.random() < 0.6
    merknader = (["Førstegangsvitnemål" if mf == "nb" else "Førstegongsvitnemål"] if forste
                 else [])
    merknader += rng.sample(MERKNADER, rng.choice((0, 0, 0, 1, 1, 2)))
    leder, avd = rng.sample(LEDERE, 2)
    typ = Dokumenttype.VITNEMAL if vitnemal else Dokumenttype.KOMPETANSEBEVIS
    meta = dict(
        type=typ, maalform=mf, tittel=lt["vitnemal" if vitnemal else "kompetansebevis"],
        navn=navn, fodselsnummer=fnr(rng),
        innledning=(t["innledning_vitnemal"].format(ar=2026) if vitnemal
                    else t["innledning_kompetansebevis"]),
        innledning_program=t["innledning_program"] if vitnemal else "",
        programomrader=tuple(linjer),
        sluttkompetanse=(t["studiekompetanse"],) if vitnemal else (),
        orden=rng.choice(ORDEN[mf]), adferd=rng.choice(ORDEN[mf]), fravaer=fravaer,
        merknader=tuple(merknader[:2]), sted=sted, dato=f"{rng.randint(17, 24)}.06.2026",
        skole=skole, underskrivere=(f"{leder}, rektor", f"{avd}, avdelingsleder"),
        dokumentnummer=f"{typ.value}{orgnr}2026{i + 1:05d}", ledetekster=dict(lt),
        forstegangsvitnemal=forste, duplikat=rng.random() < 0.02, utkast=rng.random() < 0.01,
    )
    # Fit to the intended page count: long ones get fag until they spill (realistic for
    # privatists and pupils with many extra programfag), short ones lose fag until they fit.
    rng.shuffle(ekstra)
    dok = _dokument(meta, rader)
    pages = len(layout(dok))
    while lang and pages < 2 and ekstra:
        rader.setdefault("VP", []).append(fagrad(rng, mf, ekstra.pop(), "V26", 0.1))
        dok = _dokument(meta, rader)
        pages = len(layout(dok))
    while not lang and pages > 1:
        biggest = max(rader, key=lambda k: len(rader[k]))
        rader[biggest].pop(rng.randrange(len(rader[biggest])))
        dok = _dokument(meta, rader)
        pages = len(layout(dok))
    return dok


def lag_dokumenter(n: int, seed: int) -> list[Dokument]:
    rng = random.Random(seed)
    docs = [lag_dokument(rng, i, lang=rng.random() < LANG_ANDEL) for i in range(n)]
    keys = {(d.navn, d.fodselsnummer, d.dokumentnummer) for d in docs}
    assert len(keys) == n, "documents are not distinct"
    return docs
