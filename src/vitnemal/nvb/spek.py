"""The field specs of the NVB ¤-file, as data: one table per record type.

Ref: docs/nvb-format.md (Unit, technical user documentation of the NVB control engine,
11 May 2021). The writer, the parser, the record classes (``poster``) and the developer
documentation (``docs/nvb.md``) are all made from these tables, so they cannot disagree.

Each field carries its number and name as the format gives them (our own name where the facts
give none — ``merknad`` says so), its format, whether the facts call it mandatory, the fact it
comes from (``kilde``), and the codes the facts enumerate. Fields stand in the order of their
numbers with no slot for the numbers the format skips (V3, V8, V19, V21, F11).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vitnemal.nvb.format import Format


@dataclass(frozen=True, slots=True)
class Felt:
    nr: str  # «V14»
    navn: str  # «Foedtdato» (the format's name where it gives one)
    format: str  # «N06»
    kilde: str  # the fact, restated from docs/nvb-format.md
    obligatorisk: bool = False
    koder: tuple[str, ...] | None = None  # the values the facts enumerate
    apne_koder: bool = False  # the facts give examples («e.g.»), not a closed list
    siffer: bool = False  # an `N` identifier kept as a string of digits
    merknad: str = ""  # our note: a decision, or what the facts leave open
    udokumentert: bool = False  # a slot the facts show but do not describe

    @property
    def attr(self) -> str:
        """The attribute name on the record class: the name in lower case."""
        return self.navn.lower()

    @property
    def fmt(self) -> Format:
        return _format(self.format)


_FORMATER: dict[str, Format] = {}


def _format(kode: str) -> Format:
    if kode not in _FORMATER:
        _FORMATER[kode] = Format.fra_kode(kode)
    return _FORMATER[kode]


@dataclass(frozen=True, slots=True)
class Posttype:
    kode: str  # «V»
    navn: str  # «Vitnemålshode»
    felt: tuple[Felt, ...]
    kilde: str
    min_felt: int | None = None  # fewer fields accepted (¤M: the documented ones)
    attrs: tuple[str, ...] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "attrs", tuple(f.attr for f in self.felt))

    @property
    def minst(self) -> int:
        return self.min_felt if self.min_felt is not None else len(self.felt)

    def felt_nr(self, nr: str) -> Felt:
        return next(f for f in self.felt if f.nr == nr)


def _f(nr, navn, fmt, kilde, **kw) -> Felt:
    return Felt(nr, navn, fmt, kilde, **kw)


_OBL = {"obligatorisk": True}
_NOKKEL = "mandatory by our decision: the line cannot be placed or read without it"
_KARAKTERER = ("1", "2", "3", "4", "5", "6", "D", "F", "R", "B", "BM", "IB", "GK", "IV", "IM",
               "-")
_ORDEN = ("G", "N", "L", "NG", "LG", "God", "Nokså god", "Lite god")

A = Posttype("A", "Startlinje per organisasjon", kilde="¤A — start line per organisation", felt=(
    _f("A1", "Orgnr", "N9", "A1 Orgnr N9 (mandatory)", siffer=True, **_OBL),
    _f("A2", "Skolenr", "N05", "A2 Skolenr N05 (school's VIGO number; first two digits are the "
       "county number for county schools, 00 for private schools)", **_OBL),
    _f("A3", "Antall_v", "N", "A3 number of ¤V for this orgnr", **_OBL),
    _f("A4", "Antall_d", "N", "A4 number of ¤D", **_OBL),
    _f("A5", "Antall_f", "N", "A5 number of ¤F", **_OBL),
    _f("A6", "Antall_p", "N", "A6 number of ¤P", **_OBL),
    _f("A7", "Antall_m", "N", "A7 number of ¤M", **_OBL),
    _f("A8", "Systemnavn", "A", "A8 system name", **_OBL),
    _f("A9", "Systemversjon", "A", "A9 system version (sortable)", **_OBL),
    _f("A10", "Tidspunkt", "T14", "A10 time the file was made (T14)", **_OBL),
))

_S_KONTAKT = "S17–S20 second contact"
_S_POST = "S21–S25 postal address"
_S_BESOK = "S26–S29 visiting address"
_S_DELER = "the facts do not name the parts; our name"

S = Posttype("S", "Skoleinformasjon", kilde="¤S — optional school info (after ¤A)", felt=(
    _f("S1", "Orgnr", "A", "S1 Orgnr", merknad="format not given; checked as an orgnr equal "
       "to A1 when set"),
    _f("S2", "Tidligere_orgnr", "A", "S2 former orgnr"),
    _f("S3", "Skolenr", "N05", "S3 Skolenr N05"),
    _f("S4", "Tidligere_skolenr", "A", "S4 former skolenr"),
    _f("S5", "Organisasjonsnavn", "A", "S5 organisation name"),
    _f("S6", "Skolenavn", "A", "S6 school name (mandatory)", **_OBL),
    _f("S7", "Fylkesnr", "N2", "S7 county number N2 (mandatory)", siffer=True, **_OBL),
    _f("S8", "Kommunesifre", "N2", "S8 municipality digits N2 (S7+S8 = 4-digit municipality "
       "number)", siffer=True),
    _f("S9", "Bydelsnavn", "A", "S9 district name"),
    _f("S10", "Skoletype", "A1", "S10 school type A1 (F county, P private, K municipal, "
       "S state, U foreign)", koder=("F", "P", "K", "S", "U")),
    _f("S11", "Eksamensrett", "A1", "S11 exam right (J or blank)", koder=("J",)),
    _f("S12", "Eier_orgnr", "A", "S12 owner orgnr"),
    _f("S13", "Kontaktperson", "A", "S13 contact person (mandatory)", **_OBL),
    _f("S14", "Tittel", "A", "S14 title"),
    _f("S15", "Epost", "A", "S15 e-mail"),
    _f("S16", "Telefon", "A", "S16 phone"),
    _f("S17", "Kontaktperson_2", "A", _S_KONTAKT, merknad="assumed to mirror S13"),
    _f("S18", "Tittel_2", "A", _S_KONTAKT, merknad="assumed to mirror S14"),
    _f("S19", "Epost_2", "A", _S_KONTAKT, merknad="assumed to mirror S15"),
    _f("S20", "Telefon_2", "A", _S_KONTAKT, merknad="assumed to mirror S16"),
    _f("S21", "Postadresse_1", "A", _S_POST, merknad=_S_DELER),
    _f("S22", "Postadresse_2", "A", _S_POST, merknad=_S_DELER),
    _f("S23", "Postnummer", "N04", "S23 Norwegian postcode N04"),
    _f("S24", "Postadresse_4", "A", _S_POST, merknad=_S_DELER),
    _f("S25", "Postadresse_5", "A", _S_POST, merknad=_S_DELER),
    _f("S26", "Besoksadresse_1", "A", _S_BESOK, merknad=_S_DELER),
    _f("S27", "Besoksadresse_2", "A", _S_BESOK, merknad=_S_DELER),
    _f("S28", "Besoksadresse_3", "A", _S_BESOK, merknad=_S_DELER),
    _f("S29", "Besoksadresse_4", "A", _S_BESOK, merknad=_S_DELER),
    _f("S30", "Telefon_skole", "A", "S30 phone (mandatory)", **_OBL),
    _f("S31", "Faks", "A", "S31 fax"),
    _f("S32", "Epost_skole", "A", "S32 e-mail"),
    _f("S33", "Nettside", "A", "S33 web"),
))

V = Posttype("V", "Dokumenthode", kilde="¤V — document header", felt=(
    _f("V1", "Vgdoknr", "A", "V1 Vgdoknr (mandatory, unique, never reused): V/K/T, the "
       "issuer's 9-digit orgnr, the 4-digit year, a serial of 4 or 5 digits", **_OBL,
       merknad="no format code in the facts; its structure is a check (NVB-V1-FORMAT)"),
    _f("V2", "Foerstegangsvm", "A1", "V2 Foerstegangsvm A1: J/N — first-time diploma",
       koder=("J", "N")),
    _f("V4", "Reformkode", "A3", "V4 Reformkode A3 (mandatory): KL or R94",
       koder=("KL", "R94"), **_OBL),
    _f("V5", "Vgdoktypekode", "A2", "V5 Vgdoktypekode A2 (mandatory): VM vitnemål, KB "
       "kompetansebevis", koder=("VM", "KB"), **_OBL),
    _f("V6", "Avgangsaar", "N4", "V6 Avgangsaar N4 (mandatory): normally characters 11–14 of "
       "V1", **_OBL),
    _f("V7", "Orgnr", "N9", "V7 Orgnr N9 (mandatory), normally characters 2–10 of V1",
       siffer=True, **_OBL),
    _f("V9", "Utstedersted", "A", "V9 Utstedersted (mandatory): place of «sted og dato»",
       **_OBL),
    _f("V10", "Dato_utstedt", "D8", "V10 Dato_utstedt D8 (mandatory)", **_OBL),
    _f("V11", "Skolenavn", "A", "V11 Skolenavn (mandatory) as printed", **_OBL),
    _f("V12", "Rektornavn", "A", "V12 Rektornavn (mandatory)", **_OBL),
    _f("V13", "Underskriver_2", "A", "V13 second signatory (mandatory)", **_OBL,
       merknad="our name"),
    _f("V14", "Foedtdato", "N06", "V14 Foedtdato N06 (mandatory): first six digits of the "
       "fødselsnummer (D-number day+40 allowed)", **_OBL),
    _f("V15", "Personnummer", "N05", "V15 Personnummer N05: last five digits; invalid check "
       "digits are an error"),
    _f("V16", "Personnavn", "A", "V16 Personnavn (mandatory) as printed", **_OBL),
    _f("V17", "Dispensasjonkode", "A1", "V17 Dispensasjonkode A1: D (needs a ¤M remark), "
       "F (R94 trial only) or blank", koder=("D", "F")),
    _f("V18", "Gsk_ok", "A1", "V18 Gsk_ok A1: J, N or blank", koder=("J", "N")),
    _f("V20", "Omfang", "N4", "V20 Omfang N4 (mandatory): the total omfang printed", **_OBL),
    _f("V22", "Orden", "A", "V22 Orden: G, N, L (also NG, LG, God, Nokså god, Lite god); "
       "mandatory for VM or when any standpunkt grade exists", koder=_ORDEN),
    _f("V23", "Adferd", "A", "V23 Adferd: as V22; mandatory for KL vitnemål", koder=_ORDEN),
    _f("V24", "Antall_vedlegg", "N", "V24 number of attachments",
       merknad="format not given; read as N"),
    _f("V25", "Vedlegg_filnavn", "A", "V25 attachment file name"),
    _f("V26", "Maalformkode", "A1", "V26 Maalformkode A1 (e.g. B)"),
))

P = Posttype("P", "Programområdelinje", kilde="¤P — one line per programme area", felt=(
    _f("P1", "Vgdoknr", "A", "P1 Vgdoknr", merknad=_NOKKEL, **_OBL),
    _f("P2", "Promrkode", "A", "P2 Promrkode (a programme-area code from Grep)"),
    _f("P3", "Nivaakode", "A", "P3 Nivaakode VG1…VG5 (may repeat)",
       koder=("VG1", "VG2", "VG3", "VG4", "VG5")),
    _f("P4", "Paastandkode", "A", "P4 Paastandkode: blank, B bestått, F fullført, FB fullført "
       "og bestått (H, I and M are also accepted)", koder=("B", "F", "FB", "H", "I", "M")),
    _f("P5", "Paastand", "A", "P5 Paastand: the text printed"),
    _f("P6", "Fravaer_dager", "N3", "P6 Fravaer_dager N3 (mandatory for a vitnemål with any "
       "standpunkt grade; 0 is a value)"),
    _f("P7", "Fravaer_timer", "N3", "P7 Fravaer_timer N3 (as P6)"),
    _f("P8", "Utdprogramkode", "A2", "P8 Utdprogramkode (optional two-letter programme code)"),
    _f("P9", "Aarstall", "N4", "P9 Aarstall N4"),
))

F = Posttype("F", "Fag", kilde="¤F — one line per subject", felt=(
    _f("F1", "Vgdoknr", "A", "F1 Vgdoknr", merknad=_NOKKEL, **_OBL),
    _f("F2", "Fagkode", "A10", "F2 Fagkode A10 (a code defined in Grep); at most once per "
       "document", merknad=_NOKKEL, **_OBL),
    _f("F3", "Fagtypekode", "A2", "F3 Fagtypekode A2 (mandatory for KL): FF, FP, VP, PF, UP",
       koder=("FF", "FP", "VP", "PF", "UP", "YF", "IO"),
       merknad="YF and IO accepted as well (001 §2.5 names them)"),
    _f("F4", "Linjenr", "N2", "F4 Linjenr N2 (print order; KL sorts by F3 then F4)"),
    _f("F5", "Karakter_standpunkt", "A2", "F5 Karakter_standpunkt A2: 1–6, D, F, R, B, BM, "
       "IB, GK, IV, -", koder=_KARAKTERER),
    _f("F6", "Karakter_eksamen", "A2", "F6 Karakter_eksamen A2: 1–6, F, R, B, BM, IB, GK, IM, "
       "-", koder=_KARAKTERER),
    _f("F7", "Eksamensformkode", "A2", "F7 Eksamensformkode A2: S, M, MP, P (also TS, TP)",
       koder=("S", "M", "MP", "P", "TS", "TP")),
    _f("F8", "Omfang", "N", "F8 Omfang N: blank where the print shows --"),
    _f("F9", "Terminkode", "A1", "F9 Terminkode A1 V/H (with F10: mandatory)",
       koder=("V", "H"), merknad="read as mandatory together with F10", **_OBL),
    _f("F10", "Aar", "N4", "F10 Aar N4 (mandatory)", **_OBL),
    _f("F12", "Fagstatuskode", "A1", "F12 Fagstatuskode A1 (mandatory): E elevfag, "
       "P privatistfag", koder=("E", "P"), **_OBL),
    _f("F13", "Merknadkode", "A5", "F13 Merknadkode A5 (a FAM code from Grep)"),
    _f("F14", "Merknadparameter_1", "A", "F14 remark parameter", merknad="our name"),
    _f("F15", "Merknadparameter_2", "A", "F15 remark parameter", merknad="our name"),
    _f("F16", "Felt16", "A", "F16 blank for KL", merknad="the facts give no name; our name"),
    _f("F17", "Fagnavn", "A", "F17 Fagnavn (normally blank for KL; set only when the printed "
       "name differs; a warning)"),
))

_M_UDOK = ("the documentation's own ¤M sample has five more fields than M1–M5 (the second of "
           "them, M7, is «F»); the facts do not describe them")

M = Posttype("M", "Dokumentmerknad", kilde="¤M — document remarks (VMM only)", min_felt=5,
             felt=(
    _f("M1", "Vgdoknr", "A", "M1 Vgdoknr", merknad=_NOKKEL, **_OBL),
    _f("M2", "Merknadnr", "N", "M2 Merknadnr N (order, unique within the document)"),
    _f("M3", "Merknadkode", "A5", "M3 Merknadkode A5 (VMMnn)", merknad=_NOKKEL, **_OBL),
    _f("M4", "Parameter_1", "A", "M4 parameter (e.g. the date in VMM31)", merknad="our name"),
    _f("M5", "Parameter_2", "A", "M5 parameter", merknad="our name"),
    *(_f(f"M{n}", f"M{n}", "A", "¤M example line", udokumentert=True, merknad=_M_UDOK)
      for n in range(6, 11)),
))

D = Posttype("D", "Annullering", kilde="¤D — annulment", felt=(
    _f("D1", "Vgdoknr", "A", "D1 Vgdoknr (the annulled document)", merknad=_NOKKEL, **_OBL),
    _f("D2", "Dato_annullert", "D8", "D2 Dato_annullert D8"),
    _f("D3", "Saksbehandler", "A", "D3 Saksbehandler"),
    _f("D4", "Vgdoknr_erstattes_av", "A", "D4 Vgdoknr_erstattes_av (the replacing document)"),
    _f("D5", "Annulleringaarsakkode", "A3", "D5 Annulleringaarsakkode A3 (e.g. KLA complaint, "
       "FEI error, NVB, ANN other)", koder=("KLA", "FEI", "NVB", "ANN"), apne_koder=True),
    _f("D6", "Fritekst", "A", "D6 free text"),
))

#: Input record types in the order the writer puts them under an ¤A.
INNDATA: dict[str, Posttype] = {p.kode: p for p in (A, S, V, P, F, M, D)}

_VGDOKNR_FELT = {"P": "P1", "F": "F1", "M": "M1", "V": "V1", "D": "D1"}


def vgdoknr_felt(posttype: str) -> str | None:
    """The field holding the document number in a record type, if any."""
    return _VGDOKNR_FELT.get(posttype)
