"""The field specs of the control engine's result file (¤R ¤K ¤E ¤L ¤O), as data.

Ref: docs/nvb-format.md «Result file of the control engine». The facts name R1, R2 and R6–R11,
K1–K6, K8, K9 and K11–K13; the numbers between (R3–R5, K7, K10) are not described. Unlike
V3/V8/V19/V21/F11, the facts do not say they do not exist, so they are kept as blank slots
(``udokumentert``) and the numbering of the described fields holds by position
(docs/decisions.md, «NVB result file»).
"""

from __future__ import annotations

from vitnemal.nvb.spek import Felt, Posttype

_UDOK = "not described in the facts; written blank"


def _f(nr, navn, fmt, kilde, **kw) -> Felt:
    return Felt(nr, navn, fmt, kilde, **kw)


def _udok(nr: str) -> Felt:
    return Felt(nr, nr, "A", "(not described)", udokumentert=True, merknad=_UDOK)


R = Posttype("R", "Resultathode", kilde="¤R header", felt=(
    _f("R1", "Versjon", "A", "R1 version", merknad="we write «vitnemal <version>»"),
    _f("R2", "Versjonsdato", "D8", "R2 version date",
       merknad="the date of our check catalogue (KONTROLL_VERSJONSDATO)"),
    _udok("R3"), _udok("R4"), _udok("R5"),
    _f("R6", "Tidspunkt", "T14", "R6 time (T14)"),
    _f("R7", "Kjoretid", "N", "R7 run time in seconds", merknad="whole seconds, rounded"),
    _f("R8", "Antall_linjer", "N", "R8 number of lines",
       merknad="the record lines read from the checked file"),
    _f("R9", "Antall_e", "N", "R9 number of ¤E"),
    _f("R10", "Antall_k", "N", "R10 number of ¤K"),
    _f("R11", "Antall_l", "N", "R11 number of ¤L"),
))

K = Posttype("K", "Kontroll", kilde="¤K one per document checked", felt=(
    _f("K1", "Kontrollnr", "N", "K1 control number", merknad="1, 2, … in file order"),
    _f("K2", "Vgdoknr", "A", "K2 Vgdoknr"),
    _f("K3", "Kravkode", "A", "K3 requirement code",
       merknad="blank: the file checks test no requirement (the facts name no codes)"),
    _f("K4", "Tidspunkt", "T14", "K4 time", merknad="read as T14"),
    _f("K5", "Resultattype", "A1", "K5 result type (B boolean, T number, E error)",
       koder=("B", "T", "E"), merknad="we write B"),
    _f("K6", "Resultat", "A5", "K6 SANN/USANN", koder=("SANN", "USANN"),
       merknad="SANN when the document has no FEIL"),
    _udok("K7"),
    _f("K8", "Antall_fag", "N", "K8 number of subjects", merknad="the document's ¤F lines"),
    _f("K9", "Omfang", "N", "K9 omfang", merknad="the sum of F8 over the document's ¤F"),
    _udok("K10"),
    _f("K11", "Antall_tallkarakterer", "N", "K11 number of numeric grades",
       merknad="F5 and F6 values 1–6"),
    _f("K12", "Sum_tallkarakterer", "N", "K12 their sum"),
    _f("K13", "Snitt_tallkarakterer", "A", "K13 their average",
       merknad="format not given; we write two decimals with a point, blank without grades"),
))

E = Posttype("E", "Melding", kilde="¤E message", felt=(
    _f("E1", "Meldingsnr", "N", "E1 message number", merknad="1, 2, … in the file"),
    _f("E2", "Kontrollnr", "N", "E2 control number (blank for file-level messages)"),
    _f("E3", "Klasse", "A", "E3 class SYSTEM/FIL/FAG", koder=("SYSTEM", "FIL", "FAG")),
    _f("E4", "Alvorlighet", "A", "E4 severity INFO/TIPS/VARSEL/FEIL",
       koder=("INFO", "TIPS", "VARSEL", "FEIL")),
    _f("E5", "Meldingskode", "A", "E5 message code KMnnn (KM000–099 system, KM100–499 file "
       "checks, KM500–999 subject checks)",
       merknad="blank: the facts give only the ranges; our check id is E7"),
    _f("E6", "Tekst", "A", "E6 text with <placeholders>",
       merknad="our text is complete (no placeholders)"),
    _f("E7", "Parameter_1", "A", "E7–E16 parameters", merknad="our check id (regel)"),
    _f("E8", "Parameter_2", "A", "E7–E16 parameters", merknad="paragraph (paragraf)"),
    _f("E9", "Parameter_3", "A", "E7–E16 parameters", merknad="line number in the file"),
    _f("E10", "Parameter_4", "A", "E7–E16 parameters", merknad="field, e.g. F7"),
    _f("E11", "Parameter_5", "A", "E7–E16 parameters", merknad="fagkode, when one"),
    _f("E12", "Parameter_6", "A", "E7–E16 parameters", merknad="merknad code, when one"),
    _f("E13", "Parameter_7", "A", "E7–E16 parameters", merknad="Vgdoknr, when one"),
    *(_f(f"E{n}", f"Parameter_{n - 6}", "A", "E7–E16 parameters", merknad="blank")
      for n in range(14, 17)),
))

L = Posttype("L", "Logglinje", kilde="¤L log lines", felt=(
    _f("L1", "Kontrollnr", "N", "L1 control number"),
    _f("L2", "Linjenr", "N", "L2 line number"),
    _f("L3", "Tekst", "A", "L3 text"),
))

O = Posttype("O", "Brukt_fag", kilde="¤O subjects used up by the requirement checks", felt=(  # noqa: E741
    _f("O1", "Kontrollnr", "N", "O1 control number"),
    _f("O2", "Fagkode", "A", "O2 fagkode"),
))

RESULTAT: dict[str, Posttype] = {p.kode: p for p in (R, K, E, L, O)}
