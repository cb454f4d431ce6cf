"""Every measure of the printed blankett, in millimetres from the top-left corner of A4.

One constant per thing placed, each beside the paragraph of 001 chapter 2 (seed 002) it
serves. Baselines (``*_Y``) are distances from the top edge of the paper; x positions from the
left edge. The renderer converts to PDF points (1 mm = 72/25.4 pt) at the last moment.

Ikke formalisert: the guideline prescribes the blankett (Udir's printed form) but not its
measures; these are this project's, chosen so that a three-year studiespesialisering with 28
fag fits on one page (docs/decisions.md).
"""

from __future__ import annotations

MM = 72 / 25.4
"""PDF points per millimetre."""

# --- Paper and margins ---------------------------------------------------------------------
SIDE_B, SIDE_H = 210.0, 297.0
"""A4 portrait: the blankett's size (001 §2.1 «blankett … fastsatt av Utdanningsdirektoratet»)."""
VENSTRE = 14.0
HOYRE = 200.0
"""Left and right edges of the written area (14 mm and 10 mm margins): 186 mm, so that the
merknad column holds the guideline's abbreviated fagmerknader on one line (001 §3.1)."""
BREDDE = HOYRE - VENSTRE

# --- Printable area -----------------------------------------------------------------------
SKRIV_TOPP = 10.0
SKRIV_BUNN = SIDE_H - 5.0
"""Top and bottom of the printable area (mm from the top edge): no glyph is placed above or
below, nor left of VENSTRE or right of HOYRE (the renderer refuses, vitnemal.pdf.vakt)."""

# --- Type (001 §2.1, §2.4, §2.8) -----------------------------------------------------------
SKRIFT = 11.0
"""001 §2.1 «skrifttype Times New Roman skriftstørrelse 11 dersom ikke annet er angitt»."""
SKRIFT_LEDETEKST = 10.0
"""001 §2.4 «Ledeteksten skal ha fet type og dere kan bruke skriftstørrelse 10»."""
SKRIFT_NUMMER = 9.0
"""001 §2.8 «Skriftstørrelse skal være 9» (vitnemål-/kompetansebevisnummer)."""
SKRIFT_TITTEL = 16.0
"""The blankett's printed title (not føring; the blankett carries it)."""
SKRIFT_DUPLIKAT = 14.0
"""001 §2.11 «Duplikat skal stemples med duplikat»: the stamp-like mark."""
SKRIFT_UTKAST = 110.0
"""Draft watermark («UTKAST»), not part of the guideline: a draft is never issued."""
LINJE = 11.0 * 1.15 / MM
"""001 §2.1 «Dere skal bruke enkel linjeavstand»: single spacing of an 11 pt Times face is
1.15 × 11 pt = 12.65 pt ≈ 4.46 mm (the face's ascent + descent + line gap)."""
LINJE_LEDETEKST = 10.0 * 1.15 / MM
"""Single spacing at 10 pt, for the two-line column header (001 §2.4)."""

# --- Head of page 1 (001 §2.2, §2.3) --------------------------------------------------------
TITTEL_Y = 19.0
UNDERTITTEL_Y = 24.5
DUPLIKAT_Y = 19.0
NAVN_Y = 33.0
"""001 §2.2 «Øverst på dokumentasjonen fører dere identitetsopplysningene … med fet type»."""
FODSELSNUMMER_Y = NAVN_Y + LINJE
IDENTITET_VERDI_X = VENSTRE + 30.0
"""The values of «Navn:» and «Fødselsnummer:» start here, under each other."""
INNLEDNING_Y = FODSELSNUMMER_Y + LINJE + 3.0
"""001 §2.3 «Under identitetsopplysningene skal følgende stå: Innledning …»."""
PROGRAM_KODE_X = VENSTRE
PROGRAM_NAVN_X = VENSTRE + 26.0
PROGRAM_UTDANNINGSPROGRAM_X = VENSTRE + 100.0
"""001 §2.3 «Hvert programområde fører dere på egen linje … slik at hver av opplysningene
kommer rett under hverandre»: code, name and utdanningsprogram in three fixed columns."""
PASTAND_HOYRE = HOYRE
"""001 §2.3 kompetansebevis: «fullført»/«bestått» «til høyre på linjen», right-aligned here."""
PASTAND_BREDDE = 20.0

# --- Column header and fag rows (001 §2.4–2.6) ----------------------------------------------
KOLONNER: tuple[tuple[str, float, float], ...] = (
    ("omfang", 0.0, 13.0),
    ("kode", 13.0, 18.0),
    ("fag", 31.0, 49.0),
    ("standpunkt", 80.0, 21.0),
    ("eksamen", 101.0, 18.0),
    ("eksamensform", 119.0, 11.0),
    ("ar", 130.0, 9.0),
    ("merknader", 139.0, 47.0),
)
"""001 §2.4 «ledetekst om omfang, kode, fag, standpunktkarakter, eksamenskarakter,
eksamensform, år og merknader»: (key, x offset from VENSTRE, width), in that order."""
CELLE_LUFT = 1.5
"""Space kept free at the right of each cell."""
KODE_LUFT = 0.5
"""Space kept free right of a fagkode, which cannot wrap (001 §2.6): codes of wide capitals
such as HUM3001 (17.0 mm) use part of the cell's air."""
HOYREJUSTERT = frozenset({"omfang"})
"""Numbers of omfang stand right-aligned (units under units); header labels stand left."""
HOYREJUSTERT_LUFT = 3.0
"""Space right of a right-aligned number in its column."""
LEDETEKST_LINJER = 2
LEDETEKST_MIN = 8.0
"""Smallest size a column label is set in when two lines at 10 pt cannot hold it (English)."""
"""001 §2.4 «Av plasshensyn kan dere splitte ordene i de tre lengste ledetekstene på to linjer»."""
STIPLET_OVER_LUFT = 3.0
"""Space between the last line above and the upper dashed line of the header."""
STIPLET_MONSTER = (2.0, 1.5)
"""Dash and gap in points of every dashed line (001 §2.4 «mellom stiplede linjer»)."""
STREK = 0.5
"""Line width in points."""
RAD_LUFT_ETTER_STREK = 1.8
"""From a dashed line down to the top of the next text line (mm, added to LINJE)."""
LINJE_UNDER_FAG = 1.6
"""001 §2.6 «Etter siste fag … fører dere en linje»: its distance under the last baseline."""

# --- Closing block (001 §2.7, §2.8) ---------------------------------------------------------
TOTAL_FELT_X = (VENSTRE, VENSTRE + 66.0, VENSTRE + 106.0)
"""001 §2.7 sum omfang, orden, adferd on one line: where each label starts."""
FRAVAER_AR_HOYRE = VENSTRE + 46.0
FRAVAER_AR_BREDDE = 20.0
"""001 §2.7 «Fravær spesifisert for hvert år»: one right-aligned column per year."""
FRAVAER_ENHET_X = VENSTRE + 4.0
MERKNAD_BREDDE = 94.0
"""001 §2.8 «Til venstre på blanketten under fravær fører dere … vitnemålsmerknader»."""
MERKNAD_LUFT = 2.0
STEMPEL_H = 26.0
"""001 §2.8 «stempel, som plasseres under eventuelle vitnemålsmerknader»: room kept free."""

UNDERSKRIFT_X = 118.0
"""001 §2.8 «Nede i høyre hjørne … sted, dato, skole eller fylkeskommune og underskrift av to
personer»; «skal alltid komme samme sted på blanketten»: fixed, on every page."""
STED_DATO_Y = 249.0
SKOLE_Y = STED_DATO_Y + LINJE
UNDERSKRIFT_STREK_Y = (264.0, 277.0)
UNDERSKRIFT_NAVN_LUFT = 4.0
SIDE_Y = 289.0
"""001 §2.9 «Nederst til høyre under underskriftene fører dere ‹Side 1 av 2›»."""
NUMMER_Y = 289.0
"""001 §2.8 «plasseres nederst til venstre på dokumentasjonen»."""
AVSLUTNING_MAKS_Y = STED_DATO_Y - LINJE
"""Lowest baseline of sum/orden/fravær: one line above place and date."""
MERKNAD_MAKS_Y = NUMMER_Y - LINJE
"""Lowest baseline of a vitnemålsmerknad, stamp room included above the number."""
RAD_MAKS_Y = STED_DATO_Y - LINJE - 2.0
"""Lowest fag baseline on a page that continues (line under the last fag, 001 §2.9)."""

# --- Page 2 and later (001 §2.9) ------------------------------------------------------------
FORTS_Y = FODSELSNUMMER_Y + LINJE + 1.0
"""001 §2.9 «Side 2 … begynner med … navn og fødselsnummer; tekst: forts. fra side 1»."""

# --- Room for texts of the record (001 §2.1: the size 11 is never reduced) ------------------
# A text too wide for its place wraps at spaces and hyphens, up to the lines below; what needs
# more, or holds a word wider than its place, is refused (vitnemal.pdf.kontroll). None of
# these is in the guideline; docs/decisions.md gives the reasons.
NAVN_MAKS_LINJER = 2
"""001 §2.2 «Navn: <navn>» at the top of every page: a second line moves what follows down."""
PROGRAM_MAKS_LINJER = 2
"""001 §2.3: a programme area's name and its utdanningsprogram each in at most two lines, so
that «inntil fire linjer» of programme areas always leave room for the fag table."""
FAG_MAKS_LINJER = 4
"""001 §2.6: a cell of a fag row (fag name, merknad …) in at most four lines."""
SKOLE_MAKS_LINJER = 2
"""001 §2.8: the school in at most two lines, the second still above the first signature
line; place and date and each signatory's name in one line («skal alltid komme samme sted»)."""
