"""Structured logs: one JSON object per line, never a fødselsnummer (issue 17, Operations).

``UtenFodselsnummer`` is a logging filter that masks every fødselsnummer (eleven digits) in the
message, its arguments and the exception text before any handler sees the record; the register
never logs personal data on purpose, this is the net under mistakes (a fødselsnummer in a
database error, a task argument). ``JsonLinjer`` formats a record as one JSON line (time, level,
logger, message, process, and the ``extra`` fields the register passes, such as ``batch``).
"""

from __future__ import annotations

import json
import logging
import traceback
from datetime import UTC, datetime

from vitnemal.meldinger import FODSELSNUMMER_I_TEKST

MASKE = "<fødselsnummer>"

#: Attributes every LogRecord has; anything else on a record came in through ``extra``.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


def masker(tekst: str) -> str:
    """``tekst`` with every fødselsnummer (``meldinger.FODSELSNUMMER_I_TEKST``) replaced whole —
    a log line keeps not even the birth date.

    >>> masker("person 12, fnr 54030799203 / 540307 99203, nummer V974544482202600001")
    'person 12, fnr <fødselsnummer> / <fødselsnummer>, nummer V974544482202600001'
    """
    return FODSELSNUMMER_I_TEKST.sub(MASKE, tekst)


class UtenFodselsnummer(logging.Filter):
    """Masks 11-digit runs in the record's final message and exception text (never drops a
    record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            melding = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not hide the record
            melding = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = masker(melding), ()
        if record.exc_info:
            record.exc_text = masker("".join(traceback.format_exception(*record.exc_info)))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = masker(record.stack_info)
        for navn, verdi in list(vars(record).items()):
            if navn not in _STANDARD and isinstance(verdi, str):
                setattr(record, navn, masker(verdi))
        return True


class JsonLinjer(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        ut = {
            "tid": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "niva": record.levelname,
            "logger": record.name,
            "melding": record.getMessage(),
            "pid": record.process,
        }
        for navn, verdi in vars(record).items():
            if navn not in _STANDARD and navn not in ut:
                ut[navn] = verdi if isinstance(verdi, int | float | bool | None) else str(verdi)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            ut["unntak"] = record.exc_text
        return json.dumps(ut, ensure_ascii=False)
