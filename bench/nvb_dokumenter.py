"""Realistic synthetic ¤-files for bench/nvb.py: a national June's worth of documents.

The mix (by a fixed seed): about 70 % vitnemål (three programme areas, 16–26 subjects, 4–6
exams, orden/adferd, fravær, VMM06 on most) and 30 % kompetansebevis (0–2 programme areas,
4–14 subjects, IV and FAM remarks); 3 % privatist rows, 6 % rows with a fagmerknad, 1 %
annulments, and 2 % of the documents with one mistake the file control reports (a missing
exam form, a missing orden, a repeated fagkode, a wrong V7). About 400 schools (¤A) in 11
counties, each with an ¤S. People are synthetic: Skatteetaten Tenor test numbers (month + 80,
valid check digits), so the control is run with ``testdata=True``.
"""

from __future__ import annotations

import random
from datetime import date, datetime

from vitnemal.ids import mod11
from vitnemal.ids import orgnr as _orgnr
from vitnemal.nvb.poster import (
    NvbFil,
    Organisasjon,
    PostD,
    PostF,
    PostM,
    PostP,
    PostS,
    PostV,
    Vgdok,
)

FYLKER = ["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"]
STEDER = ["Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Bodø", "Kristiansand",
          "Fredrikstad", "Drammen", "Hamar", "Molde", "Ålesund", "Skien", "Gjøvik", "Alta"]
FORNAVN = ["Ola", "Kari", "Nora", "Emma", "Jakob", "Filip", "Sofie", "Ingrid", "Aksel", "Ella",
           "Mohammed", "Sara", "Lukas", "Maja", "Henrik", "Åse", "Øystein", "Ærlig", "Noah"]
ETTERNAVN = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
             "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg",
             "Haugen", "Hagen", "Bakken", "Sæther", "Østby"]
STUDIE = [("STSSA1----", "VG1"), ("STREA2----", "VG2"), ("STREA3----", "VG3")]
YRKE = [("HSHSF1----", "VG1"), ("HSHEA2----", "VG2"), ("ELELE1----", "VG1"),
        ("ELELE2----", "VG2"), ("TPTIP1----", "VG1")]
FAG = ["NOR1260", "NOR1264", "NOR1267", "NOR1268", "NOR1269", "ENG1007", "ENG1008", "MAT1021",
       "MAT1023", "MAT1127", "NAT1007", "NAT1008", "GEO1003", "SAK1001", "SAK1002", "HIS1009",
       "HIS1010", "KRO1017", "KRO1018", "KRO1019", "FSP6037", "FSP6038", "REA3056", "REA3058",
       "REA3060", "REA3062", "REA3057", "REA3059", "REA3061", "SAM3071", "SAM3072", "POS1002",
       "HSF1006", "HSF1007", "HSF1008", "HEA2005", "HEA2006", "HEA2007", "YFF4106", "YFF4209",
       "ELE1001", "ELE1002", "ELE2001", "ELE2002", "TIP1001", "TIP1002", "MOT3001", "ENT3001"]
FAGTYPER = ["FF", "FF", "FF", "FP", "VP", "PF", "YF"]
FAM = ["FAM01", "FAM02", "FAM03", "FAM18", "FAM52"]


def _orgnumre(rng: random.Random, n: int) -> list[str]:
    ut: set[str] = set()
    while len(ut) < n:
        forste = str(rng.randint(80_000_000, 99_999_999))
        try:
            ut.add(forste + _orgnr.calc_check_digit(forste))
        except _orgnr.InvalidOrgnr:
            continue
    return sorted(ut)


def _tenor(rng: random.Random) -> tuple[int, int]:
    while True:
        dag = rng.randint(1, 28) + (40 if rng.random() < 0.03 else 0)  # a few D-numbers
        ni = f"{dag:02d}{rng.randint(1, 12) + 80:02d}{rng.randint(5, 9):02d}{rng.randint(500, 999)}"
        par = mod11.check_digits(ni)
        if par:
            return int(ni[:6]), int(ni[6:] + par[0])


def _fag(rng, nr: str, kode: str, aar: int, *, vm: bool, eksamen: bool) -> PostF:
    privatist = rng.random() < 0.03
    merknad = rng.choice(FAM) if rng.random() < 0.06 else None
    if privatist:
        standpunkt, eks = None, str(rng.randint(2, 6))
    else:
        standpunkt = ("IV" if not vm and rng.random() < 0.1 else str(rng.choice(
            (2, 3, 3, 4, 4, 4, 5, 5, 6))))
        eks = str(rng.randint(2, 6)) if eksamen else None
    return PostF(nr, kode, rng.choice(FAGTYPER), rng.randint(1, 30), standpunkt, eks,
                 rng.choice(("S", "M", "MP")) if eks else None, rng.choice((56, 84, 112, 140)),
                 "V", aar, "P" if privatist else "E", merknad, None, None, None, None)


def _dokument(rng, orgnr: str, skole: str, sted: str, lopenr: int) -> Vgdok:
    vm = rng.random() < 0.7
    aar = 2026
    nr = f"{'V' if vm else 'K'}{orgnr}{aar}{lopenr:05d}"
    linjer = STUDIE if rng.random() < 0.55 else rng.sample(YRKE, 2) + [("HSHSE3----", "VG3")]
    linjer = linjer if vm else linjer[:rng.randint(0, 2)]
    p = tuple(PostP(nr, kode, niva, "B" if i == len(linjer) - 1 else None,
                    "Bestått" if i == len(linjer) - 1 else None, rng.randint(0, 12),
                    rng.randint(0, 30), kode[:2], aar - len(linjer) + 1 + i)
              for i, (kode, niva) in enumerate(linjer))
    antall = rng.randint(16, 26) if vm else rng.randint(4, 14)
    koder = rng.sample(FAG, antall)
    eksamener = set(rng.sample(range(antall), rng.randint(4, 6) if vm else rng.randint(0, 2)))
    f = [_fag(rng, nr, k, aar - rng.randint(0, 2), vm=vm, eksamen=i in eksamener)
         for i, k in enumerate(koder)]
    m = (PostM(nr, 1, "VMM06"),) if vm and rng.random() < 0.6 else ()
    v14, v15 = _tenor(rng)
    navn = f"{rng.choice(FORNAVN)} {rng.choice(ETTERNAVN)}"
    v = PostV(vgdoknr=nr, foerstegangsvm="J" if m else "N", reformkode="KL",
              vgdoktypekode="VM" if vm else "KB", avgangsaar=aar, orgnr=orgnr, utstedersted=sted,
              dato_utstedt=date(aar, 6, rng.randint(15, 25)), skolenavn=skole,
              rektornavn=f"{rng.choice(FORNAVN)} {rng.choice(ETTERNAVN)}",
              underskriver_2=f"{rng.choice(FORNAVN)} {rng.choice(ETTERNAVN)}", foedtdato=v14,
              personnummer=v15, personnavn=navn, gsk_ok="J" if vm and linjer is STUDIE else None,
              omfang=sum(x.omfang for x in f), orden="G", adferd="G" if vm else None,
              antall_vedlegg=0, maalformkode="B")
    if rng.random() < 0.02:  # one mistake the file control reports
        feil = rng.randrange(4)
        if feil == 0 and any(x.karakter_eksamen for x in f):
            i = next(i for i, x in enumerate(f) if x.karakter_eksamen)
            f[i] = f[i]._replace(eksamensformkode=None)
        elif feil == 1:
            v = v._replace(orden=None)
        elif feil == 2:
            f.append(f[0]._replace(aar=aar - 3))
        else:
            v = v._replace(orgnr=_orgnumre(rng, 1)[0])
    return Vgdok(v, p, tuple(f), m)


def generer(antall: int, seed: int = 1) -> NvbFil:
    """A file of ``antall`` documents from about 400 schools."""
    rng = random.Random(seed)
    skoler = max(1, min(400, antall // 50))
    orgnumre = _orgnumre(rng, skoler)
    per_skole = [antall // skoler + (1 if i < antall % skoler else 0) for i in range(skoler)]
    organisasjoner = []
    for i, (orgnr, n) in enumerate(zip(orgnumre, per_skole, strict=True)):
        fylke = FYLKER[i % len(FYLKER)]
        sted = STEDER[i % len(STEDER)]
        skole = f"{sted} {['vidaregåande', 'videregående'][i % 2]} skole {i}"
        dokumenter = tuple(_dokument(rng, orgnr, skole, sted, lopenr)
                           for lopenr in range(1, n + 1))
        annulleringer = tuple(
            PostD(f"V{orgnr}2025{90000 + j:05d}", date(2026, 6, 1), "Saksbehandler",
                  dokumenter[j].vgdoknr if dokumenter else None, "FEI", None)
            for j in range(n // 100))
        s = PostS(orgnr=orgnr, skolenr=int(fylke + f"{i:03d}"), skolenavn=skole,
                  fylkesnr=fylke, kommunesifre="01", skoletype="F", eksamensrett="J",
                  kontaktperson="Kontakt Person", epost="post@example.invalid",
                  telefon_skole="22 00 00 00")
        organisasjoner.append(Organisasjon(
            orgnr=orgnr, skolenr=int(fylke + f"{i:03d}"), systemnavn="Bench",
            systemversjon="1.0", tidspunkt=datetime(2026, 6, 26, 12, 0), skole=s,
            dokumenter=dokumenter, annulleringer=annulleringer))
    return NvbFil(tuple(organisasjoner))
