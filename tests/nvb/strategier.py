"""Hypothesis strategies for ¤-files.

- ``vilkarlig_fil``: every field of every record drawn from its format in the spec (any
  value the format can carry, blank included) — for the format round trip;
- ``gyldig_fil``: documents that follow the format facts (valid organisation numbers and
  document numbers, synthetic Tenor fødselsnummer, grades with exam forms, the last year's
  påstand …) — for «the writer's output passes the file-level control with no FEIL».
"""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import strategies as st

from vitnemal.ids import orgnr as _orgnr
from vitnemal.nvb.format import LINJESKIFT, SKILLETEGN, _lukker
from vitnemal.nvb.poster import (
    KLASSER,
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

from .bygg import tenor

_TEGN = st.one_of(
    st.characters(blacklist_categories=("Cs", "Cc")),
    st.sampled_from([SKILLETEGN, "{", "}", "\n", "\t", " ", "\\", "æ", "ø", "å", "Å"]),
)


def _skrivbar(s: str) -> bool:
    """The writer's contract for a text value (docs/nvb.md): trimmed, no «\\n» as two
    characters, no CR, and no «}» before «¤» when it has to be wrapped."""
    return (bool(s) and s == s.strip(" \t") and LINJESKIFT not in s and "\r" not in s
            and not ((SKILLETEGN in s or s.startswith("{")) and _lukker(s)))


def tekst(maks: int | None = None) -> st.SearchStrategy[str]:
    return st.text(_TEGN, min_size=1, max_size=min(maks or 12, 12)).filter(_skrivbar)


def _verdi(felt) -> st.SearchStrategy:
    fmt = felt.fmt
    if fmt.art == "A":
        return tekst(fmt.lengde)
    if fmt.art == "N":
        lengde = fmt.lengde or 6
        if felt.siffer:
            return st.text("0123456789", min_size=fmt.lengde if fmt.eksakt else 1,
                           max_size=lengde)
        return st.integers(0, 10 ** lengde - 1)
    if fmt.art == "D":
        return st.dates(date(1000, 1, 1), date(9999, 12, 31))
    if fmt.art == "K":
        return st.times().map(lambda t: t.replace(microsecond=0))
    return st.datetimes(datetime(1000, 1, 1), datetime(9999, 12, 31)).map(
        lambda t: t.replace(microsecond=0))


def vilkarlig_post(kode: str, **faste) -> st.SearchStrategy:
    """A record of type ``kode`` with every field drawn from its format (or blank)."""
    cls = KLASSER[kode]
    felt = {f.attr: (st.just(faste[f.attr]) if f.attr in faste
                     else st.none() | _verdi(f)) for f in cls.SPEK.felt}
    return st.fixed_dictionaries(felt).map(lambda d: cls(**d))


@st.composite
def _vilkarlig_dok(draw, orgnr: str, nr: str) -> Vgdok:
    v = draw(vilkarlig_post("V", vgdoknr=nr, orgnr=draw(st.sampled_from([orgnr, None]))))
    rader = {k: draw(st.lists(vilkarlig_post(k, vgdoknr=nr), max_size=2)) for k in "PFM"}
    return Vgdok(v, tuple(rader["P"]), tuple(rader["F"]), tuple(rader["M"]))


@st.composite
def vilkarlig_fil(draw) -> NvbFil:
    orgnumre = draw(st.lists(st.text("0123456789", min_size=9, max_size=9), min_size=1,
                             max_size=3, unique=True))
    organisasjoner = []
    for orgnr in orgnumre:
        numre = draw(st.lists(tekst(25), max_size=2, unique=True))
        dokumenter = tuple(draw(_vilkarlig_dok(orgnr, nr)) for nr in numre)
        d1 = st.builds(lambda a, r, o=orgnr: f"{a}{o}{r}", st.sampled_from("VKT"),
                       st.text("0123456789", min_size=8, max_size=9))
        annulleringer = draw(st.lists(vilkarlig_post("D", vgdoknr=draw(d1)), max_size=2))
        a = draw(vilkarlig_post("A", orgnr=orgnr))
        organisasjoner.append(Organisasjon.fra_post(
            a, skole=draw(st.none() | vilkarlig_post("S")), dokumenter=dokumenter,
            annulleringer=tuple(annulleringer)))
    return NvbFil(tuple(organisasjoner))


# -- documents that follow the format facts -------------------------------------------------
_FAGKODER = ["NOR1267", "ENG1007", "MAT1021", "NAT1007", "HIS1010", "SAK1001", "KRO1019",
             "REA3056", "REA3058", "GEO1003", "FSP6037", "YFF4106", "HSF1006", "NOR1268"]
_TALL = [str(k) for k in range(1, 7)]


def gyldig_orgnr() -> st.SearchStrategy[str]:
    def lag(n: int) -> str | None:
        try:
            return f"{n}{_orgnr.calc_check_digit(str(n))}"
        except _orgnr.InvalidOrgnr:
            return None

    return st.integers(80_000_000, 99_999_999).map(lag).filter(bool)


@st.composite
def _fag(draw, nr: str, fagkode: str, er_kl: bool, er_vm: bool) -> PostF:
    privatist = draw(st.booleans()) and draw(st.booleans())
    standpunkt = None if privatist else draw(st.sampled_from(_TALL + ["-", None] +
                                                             ([] if er_vm else ["IV"])))
    eksamen = draw(st.sampled_from(_TALL + [None, "-", "F"]))
    if privatist and eksamen in (None, "-", "F"):
        eksamen = draw(st.sampled_from(_TALL))
    form = draw(st.sampled_from(["S", "M", "MP", "P"])) if eksamen in _TALL else None
    merknad = "FAM04" if eksamen == "F" else draw(st.sampled_from([None, "FAM03", "FAM18"]))
    return PostF(nr, fagkode, draw(st.sampled_from(["FF", "FP", "VP", "PF", "UP", "YF"]))
                 if er_kl else None, draw(st.integers(0, 99)), standpunkt, eksamen, form,
                 draw(st.none() | st.integers(0, 600)), draw(st.sampled_from("VH")),
                 draw(st.integers(2015, 2026)), "P" if privatist else "E", merknad,
                 draw(st.none() | tekst(20)) if merknad else None, None, None, None)


@st.composite
def _gyldig_dok(draw, orgnr: str, lopenr: int) -> Vgdok:
    er_vm = draw(st.booleans())
    er_kl = draw(st.booleans()) or not er_vm
    aar = draw(st.integers(2020, 2026))
    nr = f"{'V' if er_vm else 'K'}{orgnr}{aar}{lopenr:05d}"
    fagkoder = draw(st.lists(st.sampled_from(_FAGKODER), unique=True, max_size=8))
    f = tuple(draw(_fag(nr, k, er_kl, er_vm)) for k in fagkoder)
    antall_p = draw(st.integers(1 if er_vm else 0, 3))
    p = tuple(PostP(nr, draw(st.sampled_from(["STSSA1----", "HSHEA2----", "STREA3----"])),
                    f"VG{i + 1}", "B" if i == antall_p - 1 else draw(st.sampled_from(
                        [None, "F", "FB"])), draw(st.none() | tekst(15)),
                    draw(st.integers(0, 999)), draw(st.integers(0, 999)),
                    draw(st.none() | st.sampled_from(["ST", "HS"])), aar - antall_p + 1 + i)
              for i in range(antall_p))
    m = tuple(PostM(nr, i, k, draw(st.none() | tekst(30)))
              for i, k in enumerate(draw(st.lists(st.sampled_from(
                  ["VMM06", "VMM15", "VMM23", "VMM31"]), unique=True, max_size=3)), 1))
    dag = draw(st.integers(1, 28))
    v14, v15 = tenor(dag + draw(st.sampled_from([0, 40])), draw(st.integers(1, 12)),
                     draw(st.integers(0, 9)), draw(st.integers(500, 999)))
    v = PostV(vgdoknr=nr, foerstegangsvm=draw(st.none() | st.sampled_from("JN")),
              reformkode="KL" if er_kl else "R94", vgdoktypekode="VM" if er_vm else "KB",
              avgangsaar=aar, orgnr=orgnr, utstedersted=draw(tekst(20)),
              dato_utstedt=date(aar, draw(st.integers(1, 12)), dag), skolenavn=draw(tekst(40)),
              rektornavn=draw(tekst(30)), underskriver_2=draw(tekst(30)), foedtdato=v14,
              personnummer=v15, personnavn=draw(tekst(40)),
              gsk_ok=draw(st.none() | st.sampled_from("JN")), omfang=draw(st.integers(0, 9999)),
              orden=draw(st.sampled_from(["G", "N", "L", "God", "Nokså god"])),
              adferd=draw(st.sampled_from(["G", "NG", "LG", "Lite god"])),
              antall_vedlegg=draw(st.integers(0, 3)), vedlegg_filnavn=draw(st.none() | tekst(20)),
              maalformkode=draw(st.none() | st.just("B")))
    return Vgdok(v, p, f, m)


@st.composite
def gyldig_fil(draw) -> NvbFil:
    orgnumre = draw(st.lists(gyldig_orgnr(), min_size=1, max_size=2, unique=True))
    organisasjoner = []
    lopenr = 0
    for orgnr in orgnumre:
        dokumenter = []
        for _ in range(draw(st.integers(0, 3))):
            lopenr += 1
            dokumenter.append(draw(_gyldig_dok(orgnr, lopenr)))
        annulleringer = tuple(
            PostD(f"V{orgnr}2025{90000 + i:05d}", draw(st.dates(date(2025, 1, 1),
                                                               date(2026, 12, 31))),
                  draw(st.none() | tekst(20)), draw(st.sampled_from(
                      [None] + [d.vgdoknr for d in dokumenter])),
                  draw(st.sampled_from(["KLA", "FEI", "NVB", "ANN"])), draw(st.none() | tekst()))
            for i in range(draw(st.integers(0, 2))))
        skole = draw(st.none() | st.builds(
            lambda navn, kontakt, o=orgnr: PostS(orgnr=o, skolenavn=navn, fylkesnr="03",
                                        kontaktperson=kontakt, telefon_skole="22 00 00 00",
                                        skoletype="F"), tekst(30), tekst(30)))
        organisasjoner.append(Organisasjon(
            orgnr=orgnr, skolenr=draw(st.sampled_from([3012, 50123, 123])),
            systemnavn=draw(tekst(20)), systemversjon="1.0",
            tidspunkt=draw(st.datetimes(datetime(2026, 1, 1), datetime(2026, 12, 31))).replace(
                microsecond=0),
            skole=skole, dokumenter=tuple(dokumenter), annulleringer=annulleringer))
    return NvbFil(tuple(organisasjoner))


__all__ = ["gyldig_fil", "tekst", "vilkarlig_fil", "vilkarlig_post"]
