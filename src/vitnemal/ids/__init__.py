"""Identifiers: fødselsnummer and its look-alikes (``fodselsnummer``, read in the steps of
``fnr_lesing``), organisation numbers (``orgnr``), a school abroad's foreign number
(``utenlandsk``), county numbers (``fylker``), the modulus-11 helpers (``mod11``) and the one
exception hierarchy they share (``exceptions``)."""
