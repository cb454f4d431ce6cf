"""Identifiers: fødselsnummer and its look-alikes (``fodselsnummer``), organisation
numbers (``orgnr``), county numbers (``fylker``) and the modulus-11 helpers (``mod11``)."""
