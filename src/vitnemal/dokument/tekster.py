"""Fixed texts (labels) of the blankett per målform.

The nb texts are the guideline's (001 §2.2–2.11); nn and en are this project's rendering
of the same blankett texts (see docs/decisions.md). Keys are the contract with renderers.
"""

from __future__ import annotations

LEDETEKSTER: dict[str, dict[str, str]] = {
    "nb": {
        "vitnemal": "VITNEMÅL",
        "kompetansebevis": "KOMPETANSEBEVIS",
        "undertittel": "for videregående opplæring",
        "navn": "Navn:",
        "fodselsnummer": "Fødselsnummer:",
        "omfang": "Omfang",
        "kode": "Kode",
        "fag": "Fag",
        "standpunkt": "Standpunkt-karakter",
        "eksamen": "Eksamens-karakter",
        "eksamensform": "Eks. form",
        "ar": "År",
        "merknader": "Merknader",
        "sum_omfang": "Sum omfang",
        "orden": "Orden",
        "adferd": "Adferd",
        "fravaer": "Fravær",
        "dager": "dager",
        "timer": "timer",
        "side": "Side {side} av {av}",
        "forts": "forts. fra side 1",
        "duplikat": "DUPLIKAT",
        "utkast": "UTKAST",
        "vedlegg": "Vedlegg",
        "sted_dato": "Sted og dato",
        "underskrift": "Underskrift",
        "nummer": "Nr.",
    },
    "nn": {
        "vitnemal": "VITNEMÅL",
        "kompetansebevis": "KOMPETANSEBEVIS",
        "undertittel": "for vidaregåande opplæring",
        "navn": "Namn:",
        "fodselsnummer": "Fødselsnummer:",
        "omfang": "Omfang",
        "kode": "Kode",
        "fag": "Fag",
        "standpunkt": "Standpunkt-karakter",
        "eksamen": "Eksamens-karakter",
        "eksamensform": "Eks. form",
        "ar": "År",
        "merknader": "Merknader",
        "sum_omfang": "Sum omfang",
        "orden": "Orden",
        "adferd": "Åtferd",
        "fravaer": "Fråvær",
        "dager": "dagar",
        "timer": "timar",
        "side": "Side {side} av {av}",
        "forts": "forts. frå side 1",
        "duplikat": "DUPLIKAT",
        "utkast": "UTKAST",
        "vedlegg": "Vedlegg",
        "sted_dato": "Stad og dato",
        "underskrift": "Underskrift",
        "nummer": "Nr.",
    },
    "en": {
        "vitnemal": "UPPER SECONDARY SCHOOL DIPLOMA",
        "kompetansebevis": "CERTIFICATE OF COMPETENCE",
        "undertittel": "upper secondary education and training",
        "navn": "Name:",
        "fodselsnummer": "National identity number:",
        "omfang": "Hours",
        "kode": "Code",
        "fag": "Subject",
        "standpunkt": "Overall mark",
        "eksamen": "Exam mark",
        "eksamensform": "Exam form",
        "ar": "Year",
        "merknader": "Remarks",
        "sum_omfang": "Total hours",
        "orden": "Conduct (order)",
        "adferd": "Conduct (behaviour)",
        "fravaer": "Absence",
        "dager": "days",
        "timer": "hours",
        "side": "Page {side} of {av}",
        "forts": "cont. from page 1",
        "duplikat": "DUPLICATE",
        "utkast": "DRAFT",
        "vedlegg": "Attachment",
        "sted_dato": "Place and date",
        "underskrift": "Signature",
        "nummer": "No.",
    },
}


def ledetekster(maalform: str) -> dict[str, str]:
    return LEDETEKSTER.get(maalform, LEDETEKSTER["nb"])


# Content texts of the document (001 §2.3, §2.7): nb is the guideline's wording; nn and en
# are this project's rendering (docs/decisions.md). Fagtype headings, grade words, orden/adferd
# and remark texts come from the kodeverk, not from here.
INNHOLD: dict[str, dict[str, str]] = {
    "nb": {
        "innledning_vitnemal": "har i {ar} bestått",
        "innledning_program": "i utdanningsprogram for",
        "innledning_kompetansebevis": "har gjennomført opplæring som omfatter",
        "studiekompetanse": "og har oppnådd generell studiekompetanse",
        "yrkeskompetanse": "og har oppnådd yrkeskompetanse",
        "fagopplaering": "og har bestått fagopplæring",
        "fullfort": "fullført",
        "bestatt": "bestått",
        "fravaer_ar": "{n}. år",
    },
    "nn": {
        "innledning_vitnemal": "har i {ar} bestått",
        "innledning_program": "i utdanningsprogram for",
        "innledning_kompetansebevis": "har gjennomført opplæring som omfattar",
        "studiekompetanse": "og har oppnådd generell studiekompetanse",
        "yrkeskompetanse": "og har oppnådd yrkeskompetanse",
        "fagopplaering": "og har bestått fagopplæring",
        "fullfort": "fullført",
        "bestatt": "bestått",
        "fravaer_ar": "{n}. år",
    },
    "en": {
        "innledning_vitnemal": "has in {ar} passed",
        "innledning_program": "in the education programme for",
        "innledning_kompetansebevis": "has completed education and training comprising",
        "studiekompetanse": "and has achieved general university admissions certification",
        "yrkeskompetanse": "and has achieved vocational qualification",
        "fagopplaering": "and has passed vocational training",
        "fullfort": "completed",
        "bestatt": "passed",
        "fravaer_ar": "Year {n}",
    },
}


def innhold(maalform: str) -> dict[str, str]:
    return INNHOLD.get(maalform, INNHOLD["nb"])
