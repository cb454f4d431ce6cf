"""Printed documents built by hand for the renderer tests (no composition involved).

Synthetic people; VIGO fictive fødselsnummer only (seed 003: day + 40, 99 + gender digit +
county). Texts follow dokument.tekster and the kodeverk wording in each målform.
"""

from __future__ import annotations

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

ORD = {"nb": ["", "en", "to", "tre", "fire", "fem", "seks"],
       "nn": ["", "ein", "to", "tre", "fire", "fem", "seks"],
       "en": ["", "one", "two", "three", "four", "five", "six"]}
OVERSKRIFT = {
    "nb": {"FF": "Fellesfag", "FP": "Felles programfag", "VP": "Valgfrie programfag",
           "PF": "Prosjekt til fordypning", "YF": "Yrkesfaglig fordypning"},
    "nn": {"FF": "Fellesfag", "FP": "Felles programfag", "VP": "Valfrie programfag",
           "PF": "Prosjekt til fordjuping", "YF": "Yrkesfagleg fordjuping"},
    "en": {"FF": "Common core subjects", "FP": "Common programme subjects",
           "VP": "Optional programme subjects", "PF": "In-depth project",
           "YF": "Vocational specialisation"},
}


def kar(n: int | None, mf: str) -> str:
    return STIPLET if n is None else f"{n} {ORD[mf][n]}"


def rad(omfang, kode, navn, sp, ek=None, form=None, ar="V26", merknad="", mf="nb") -> FagRad:
    return FagRad(
        omfang=str(omfang) if omfang is not None else INGEN_OMFANG,
        fagkode=kode, fagnavn=navn, standpunkt=kar(sp, mf) if isinstance(sp, int) or sp is None else sp,
        eksamen=kar(ek, mf), eksamensform=form or STIPLET, ar=ar, merknad=merknad,
    )


FELLESFAG = [
    (140, "ENG1007", "Engelsk", 5, 5, "M", "V24"),
    (None, "ENG1008", "Engelsk, skriftlig eksamen", None, 4, "S", "V24"),
    (365, "FSP6237", "Spansk I+II", 4, None, None, "V25"),
    (56, "GEO1003", "Geografi", 4, None, None, "V24"),
    (113, "HIS1010", "Historie", 5, None, None, "V26"),
    (168, "KRO1017", "Kroppsøving", 5, None, None, "V26"),
    (140, "MAT1021", "Matematikk 1T", 4, None, None, "V24"),
    (140, "NAT1007", "Naturfag", 5, None, None, "V24"),
    (393, "NOR1267", "Norsk hovedmål, vg3, skriftlig", 4, 4, "S", "V26"),
    (None, "NOR1268", "Norsk sidemål, vg3, skriftlig", 4, None, None, "V26"),
    (None, "NOR1269", "Norsk, vg3, muntlig", 5, None, None, "V26"),
    (84, "REL1003", "Religion og etikk", 5, None, None, "V26"),
    (84, "SAF1001", "Samfunnskunnskap", 6, None, None, "V24"),
]
PROGRAMFAG = [
    (140, "REA3056", "Matematikk R1", 4, None, None, "V25"),
    (140, "REA3058", "Matematikk R2", 4, 3, "S", "V26"),
    (140, "REA3046", "Fysikk 1", 5, None, None, "V25"),
    (140, "REA3047", "Fysikk 2", 5, None, None, "V26"),
    (140, "REA3043", "Kjemi 1", 6, None, None, "V25"),
    (140, "REA3044", "Kjemi 2", 5, 5, "MP", "V26"),
    (140, "REA3037", "Biologi 1", 4, None, None, "V25"),
]
VALGFRIE = [
    (140, "REA3049", "Informasjonsteknologi 1", 6, None, None, "V25"),
    (140, "REA3050", "Informasjonsteknologi 2", 6, None, None, "V26"),
    (140, "SAM3072", "Sosiologi og sosialantropologi", 5, None, None, "V26"),
]
EKSTRA = [  # for the long document
    (140, "SAM3073", "Sosialkunnskap", 4, None, None, "V26"),
    (140, "SAM3071", "Politikk og menneskerettigheter", 5, None, None, "V26"),
    (140, "SPR3030", "Engelskspråklig litteratur og kultur", 5, None, None, "V26"),
    (140, "SAM3077", "Økonomistyring", 4, None, None, "V25"),
    (140, "SAM3059", "Entreprenørskap og bedriftsutvikling 1", 5, None, None, "V25"),
    (140, "IDR3001", "Breddeidrett 1", 6, None, None, "V25"),
    (140, "REA3062", "Geofag 1", 4, None, None, "V26"),
    (140, "HUM3001", "Filosofi 1", 5, None, None, "V26"),
    (140, "SAM3056", "Rettslære 1", 5, None, None, "V25"),
    (140, "SAM3057", "Rettslære 2", 4, None, None, "V26"),
]


def _rader(rows, mf):
    return tuple(rad(*r, mf=mf) for r in sorted(rows, key=lambda r: r[1]))


def _sum(*groups) -> str:
    return str(sum(r[0] or 0 for g in groups for r in g))


def vitnemal(mf: str = "nb", **changes) -> Dokument:
    """A three-year studiespesialisering (realfag), one page."""
    lt = ledetekster(mf)
    t = innhold(mf)
    ov = OVERSKRIFT[mf]
    up = {"nb": "Studiespesialisering", "nn": "Studiespesialisering",
          "en": "General Studies"}[mf]
    rea = {"nb": "Realfag", "nn": "Realfag", "en": "Science and mathematics"}[mf]
    dok = Dokument(
        type=Dokumenttype.VITNEMAL,
        maalform=mf,
        tittel=lt["vitnemal"],
        navn="Åse Ødegård Bråthen",
        fodselsnummer="42059199202",
        innledning=t["innledning_vitnemal"].format(ar=2026),
        innledning_program=t["innledning_program"],
        programomrader=(
            ProgramLinje("vg1", "STSSA1----", up, up),
            ProgramLinje("vg2", "STREA2----", rea, up),
            ProgramLinje("vg3", "STREA3----", rea, up),
        ),
        sluttkompetanse=(t["studiekompetanse"],),
        grupper=(
            FagGruppe("FF", ov["FF"], _rader(FELLESFAG, mf)),
            FagGruppe("FP", ov["FP"], _rader(PROGRAMFAG[:4], mf)),
            FagGruppe("VP", ov["VP"], _rader(PROGRAMFAG[4:] + VALGFRIE, mf)),
        ),
        sum_omfang=_sum(FELLESFAG, PROGRAMFAG, VALGFRIE),
        orden={"nb": "God", "nn": "God", "en": "Good"}[mf],
        adferd={"nb": "God", "nn": "God", "en": "Good"}[mf],
        fravaer=(FravaerLinje(t["fravaer_ar"].format(n=1), "2", "5"),
                 FravaerLinje(t["fravaer_ar"].format(n=2), "0", "0"),
                 FravaerLinje(t["fravaer_ar"].format(n=3), "4", "11")),
        merknader=({"nb": "Førstegangsvitnemål", "nn": "Førstegongsvitnemål",
                    "en": "First-time diploma"}[mf],),
        sted="Oslo",
        dato="19.06.2026",
        skole="Nordlys videregående skole",
        underskrivere=("Randi Rektorsen, rektor", "Per Avdeling, avdelingsleder"),
        dokumentnummer="V974544482202600123",
        ledetekster=dict(lt),
        forstegangsvitnemal=True,
    )
    return replace(dok, **changes)


def lang(mf: str = "nb") -> Dokument:
    """Forty fag: two pages (001 §2.9), with a long vitnemålsmerknad."""
    dok = vitnemal(mf)
    ov = OVERSKRIFT[mf]
    grupper = (
        dok.grupper[0], dok.grupper[1],
        FagGruppe("VP", ov["VP"], _rader(PROGRAMFAG[4:] + VALGFRIE + EKSTRA, mf)),
    )
    return replace(
        dok, grupper=grupper, sum_omfang=_sum(FELLESFAG, PROGRAMFAG, VALGFRIE, EKSTRA),
        navn="Øystein Kristian Haugland-Løvås",
        fodselsnummer="55049199119",
        dokumentnummer="V974544482202600124",
        merknader=(
            "Førstegangsvitnemål",
            "Utvidet tid som følge av deltakelse i internasjonal utveksling som medfører tap av "
            "opplæringstid i løpet av et opplæringsår.",
        ),
    )


def kompetansebevis(mf: str = "nb") -> Dokument:
    """Vg1 bestått, vg2 fullført (not passed), on a vocational programme."""
    lt = ledetekster(mf)
    t = innhold(mf)
    ov = OVERSKRIFT[mf]
    hs = {"nb": "Helse- og oppvekstfag", "nn": "Helse- og oppvekstfag",
          "en": "Health, Childhood and Youth Development"}[mf]
    hel = {"nb": "Helsefagarbeider", "nn": "Helsefagarbeidar", "en": "Healthcare worker"}[mf]
    fam33 = {"nb": "Kar. gitt som halvårsvurd.", "nn": "Kar. gitt som halvårsvurd.",
             "en": "Grade given as half-year assessment"}[mf]
    ff = [(140, "ENG1007", "Engelsk", 3, None, None, "V25"),
          (56, "NAT1006", "Naturfag", 4, None, None, "V25"),
          (56, "KRO1019", "Kroppsøving", 4, None, None, "V25"),
          (84, "MAT1019", "Matematikk 1P-Y", 2, None, None, "V25")]
    fp = [(477, "HEA1001", "Helsefremmende arbeid", 4, None, None, "V25"),
          (None, "HEA2001", "Helsefremmende arbeid", 2, None, None, "V26", fam33),
          (None, "HEA2002", "Kommunikasjon og samhandling", 1, None, None, "V26", fam33)]
    yf = [(253, "YFF1001", "Yrkesfaglig fordypning vg1", "Bestått", None, None, "V25")]
    return Dokument(
        type=Dokumenttype.KOMPETANSEBEVIS,
        maalform=mf,
        tittel=lt["kompetansebevis"],
        navn="Jørgen Sæther",
        fodselsnummer="41010899103",
        innledning=t["innledning_kompetansebevis"],
        innledning_program="",
        programomrader=(
            ProgramLinje("vg1", "HSHSF1----", hs, hs, pastand=t["bestatt"]),
            ProgramLinje("vg2", "HSHEA2----", hel, hs, pastand=t["fullfort"]),
        ),
        sluttkompetanse=(),
        grupper=(FagGruppe("FF", ov["FF"], _rader(ff, mf)),
                 FagGruppe("FP", ov["FP"], _rader(fp, mf)),
                 FagGruppe("YF", ov["YF"], _rader(yf, mf))),
        sum_omfang=_sum(ff, fp, yf),
        orden={"nb": "God", "nn": "God", "en": "Good"}[mf],
        adferd={"nb": "Nokså god", "nn": "Nokså god", "en": "Fairly good"}[mf],
        fravaer=(FravaerLinje(t["fravaer_ar"].format(n=1), "8", "14"),
                 FravaerLinje(t["fravaer_ar"].format(n=2), "12", "30")),
        merknader=(),
        sted="Bergen",
        dato="20.06.2026",
        skole="Sjøsiden videregående skole",
        underskrivere=("Ingrid Berg, rektor", "Tobias Strøm, avdelingsleder"),
        dokumentnummer="K974544482202600007",
        ledetekster=dict(lt),
    )


FIXTURES = {
    "vitnemal-nb": lambda: vitnemal("nb"),
    "vitnemal-nn": lambda: vitnemal("nn"),
    "vitnemal-en": lambda: vitnemal("en"),
    "lang-nb": lambda: lang("nb"),
    "kompetansebevis-nb": lambda: kompetansebevis("nb"),
    "kompetansebevis-en": lambda: kompetansebevis("en"),
    "duplikat-nb": lambda: vitnemal("nb", duplikat=True, dato="02.03.2027"),
    "utkast-nb": lambda: vitnemal("nb", utkast=True),
}


VEDLEGG_AVSNITT = tuple(
    f"{n}. Eleven har gjennomført vg2 ved Lycée Jean-Baptiste Say i Paris skoleåret 2024–2025 "
    "etter avtale med fylkeskommunen. Opplæringen omfattet fransk, matematikk, fysikk og kjemi "
    "på nivå som tilsvarer programfagene i Kunnskapsløftet; karakterene fra utlandet er ført "
    "over etter Utdanningsdirektoratets omregningstabell. Skolens originaldokumentasjon er "
    "oversatt av statsautorisert translatør og oppbevares i elevens mappe."
    for n in range(1, 12)
)


def med_vedlegg(mf: str = "nb") -> Dokument:
    """A one-page vitnemål whose attachment (001 §2.10) runs over two further pages; the
    vitnemålsmerknad says that there is an attachment (001 §2.10 «Det skal framgå av … at
    vitnemålet/kompetansebeviset har vedlegg»)."""
    return vitnemal(
        mf, navn="Sámi Čuoigi Ŋuvttá", fodselsnummer="45129299203",
        dokumentnummer="V974544482202600125",
        merknader=("Førstegangsvitnemål", "Vitnemålet har vedlegg."),
        vedlegg=VEDLEGG_AVSNITT,
    )


FIXTURES["vedlegg-nb"] = lambda: med_vedlegg("nb")

VARIANTER = {
    "kompetansebevis-nn": lambda: kompetansebevis("nn"),
    "duplikat-en": lambda: vitnemal("en", duplikat=True, dato="02.03.2027"),
    "lang-nb-duplikat": lambda: replace(lang("nb"), duplikat=True, dato="02.03.2027"),
    "lang-nb-utkast": lambda: replace(lang("nb"), utkast=True),
}
"""Further variants, looked at by single tests only (not in every parametrised run)."""
