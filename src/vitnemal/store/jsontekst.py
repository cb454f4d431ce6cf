"""A JSON column value serialised already (by a worker process), inserted as it is.

Masseutstedelse serialises each document (``Dokument.as_dict``) where it was composed, in a
worker; the coordinator, which holds the writer lock, then neither unpickles the dict nor
encodes it again (about 0.3 ms per document of its time; bench/register.py). The text
(``kjerne.som_json``) is what Django's ``JSONField`` would have written (``json.dumps`` with
its defaults), and reads back as the same dict on both databases (tested).
"""

from __future__ import annotations

from django.db import models
from django.db.models.expressions import Expression


class JsonTekst(Expression):
    """``JsonTekst(kjerne.som_json(d))`` as a ``JSONField``'s value in ``create``/``bulk_create``."""

    def __init__(self, tekst: str) -> None:
        super().__init__(output_field=models.JSONField())
        self.tekst = tekst

    def as_sql(self, compiler, connection):
        return "%s", [self.tekst]

    def as_postgresql(self, compiler, connection):
        return "%s::jsonb", [self.tekst]
