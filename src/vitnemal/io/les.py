"""Reading an input file's bytes, bounded, and operating-system errors in Norwegian.

Every file of structured input (elevmapper, årshjul override files) is read here: only a
regular file is read (a FIFO, ``/dev/zero`` or a terminal would block or never end), it is
opened non-blocking so that opening a FIFO cannot hang, and the limit holds for the bytes
actually read, not for what ``stat`` says (files in ``/proc`` report size 0).
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

#: The largest input file read, in bytes. The largest sample elevmappe is about 10 kB and a
#: full four-year record with every fag well under 100 kB; 1 MB keeps the time to parse a
#: hostile YAML file of that size to seconds (docs/decisions.md, issue 12).
MAKS_BYTE = 1_000_000

_BIT = 64 * 1024


class Ulesbar(Exception):
    """A file that cannot be used as structured input; ``melding`` is the Norwegian reason,
    ``linje``/``kolonne`` (1-based) where the parser stopped, if known; ``med_fil``: the
    message names the file itself (it is about the file as a whole)."""

    def __init__(self, melding: str, linje: int | None = None, kolonne: int | None = None, *,
                 med_fil: bool = False):
        super().__init__(melding)
        self.melding = melding
        self.linje = linje
        self.kolonne = kolonne
        self.med_fil = med_fil

    def tekst(self, fil: str | Path) -> str:
        """One line naming the file: ``fil:linje: melding``."""
        if self.med_fil:
            return self.melding
        return f"{fil}:{self.linje}: {self.melding}" if self.linje else f"{fil}: {self.melding}"

    @property
    def sted(self) -> str:
        """``linje 3, kolonne 7`` or ``$`` (the whole file)."""
        if self.linje is None:
            return "$"
        return f"linje {self.linje}" + (f", kolonne {self.kolonne}" if self.kolonne else "")


def byte_tekst(n: int) -> str:
    """A byte count as this project writes it in messages and in the README.

    >>> byte_tekst(MAKS_BYTE)
    '1 MB (1 000 000 byte)'
    """
    mb = f"{n / 1_000_000:g}".replace(".", ",")
    tall = f"{n:,}".replace(",", " ")
    return f"{mb} MB ({tall} byte)"


# Operating-system errors in Norwegian (the English strerror never reaches the user).
_FELLES = {
    errno.ENOENT: "den finnes ikke",
    errno.EPERM: "ingen tilgang (operasjonen er ikke tillatt)",
    errno.EISDIR: "det er en mappe, ikke en fil",
    errno.ENOTDIR: "en del av stien er ikke en mappe",
    errno.ENAMETOOLONG: "filnavnet er for langt",
    errno.ELOOP: "for mange symbolske lenker i stien",
    errno.EIO: "inn/ut-feil på lagringsmediet",
    errno.EMFILE: "for mange åpne filer",
    errno.ENFILE: "for mange åpne filer",
    errno.EBUSY: "den er i bruk",
    errno.ETIMEDOUT: "tidsavbrudd",
    errno.EAGAIN: "den gir ingen data nå (ikke en vanlig fil)",
    errno.ENXIO: "enheten finnes ikke",
    errno.ENODEV: "enheten finnes ikke",
}
_LES = {errno.EACCES: "ingen tilgang (mangler lesetillatelse)",
        errno.EIO: "lesefeil (inn/ut-feil på lagringsmediet)",
        errno.ETIMEDOUT: "tidsavbrudd ved lesing"}
_SKRIV = {
    errno.ENOENT: "stedet finnes ikke eller tar ikke imot filer",
    errno.EACCES: "ingen tilgang (mangler skrivetillatelse)",
    errno.EROFS: "disken er skrivebeskyttet",
    errno.ENOSPC: "det er ikke mer plass på disken",
    errno.EDQUOT: "diskkvoten er brukt opp",
    errno.EFBIG: "filen blir for stor",
    errno.EEXIST: "den finnes allerede",
    errno.EXDEV: "kan ikke flyttes til en annen disk",
    errno.EIO: "skrivefeil (inn/ut-feil på lagringsmediet)",
}


def os_grunn(exc: OSError, *, skriv: bool = False) -> str:
    """The Norwegian reason for an operating-system error (no English strerror)."""
    reason = (_SKRIV if skriv else _LES).get(exc.errno) or _FELLES.get(exc.errno)
    if reason is None:
        code = errno.errorcode.get(exc.errno, "") if exc.errno else ""
        reason = "ukjent feil fra operativsystemet" + (f" ({code})" if code else "")
    return reason


def os_melding(exc: OSError, name: str, hva: str = "filen", *, skriv: bool = False) -> str:
    """A Norwegian message for an operating-system error on the file (or ``hva="mappen"``)
    ``name``, read or (``skriv``) written.

    >>> os_melding(FileNotFoundError(2, "No such file or directory"), "a.json")
    'filen a.json kan ikke leses: den finnes ikke'
    >>> os_melding(OSError(30, "Read-only file system"), "ut/a.pdf", skriv=True)
    'filen ut/a.pdf kan ikke skrives: disken er skrivebeskyttet'
    """
    verb = "skrives" if skriv else "leses"
    return f"{hva} {name} kan ikke {verb}: {os_grunn(exc, skriv=skriv)}"


def _art(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "en FIFO (navngitt rør)"
    if stat.S_ISCHR(mode):
        return "en tegnenhet"
    if stat.S_ISBLK(mode):
        return "en blokkenhet"
    if stat.S_ISSOCK(mode):
        return "en sokkel"
    return "ikke en vanlig fil"


def les_bytes(path: str | Path, *, maks: int = MAKS_BYTE) -> bytes:
    """The bytes of the regular file ``path``, at most ``maks`` of them; raises ``Ulesbar``
    with a Norwegian message naming the file for anything else."""
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise Ulesbar(os_melding(exc, name), med_fil=True) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise Ulesbar(f"filen {name} kan ikke leses: det er en mappe, ikke en fil",
                          med_fil=True)
        if not stat.S_ISREG(mode):
            raise Ulesbar(f"filen {name} leses ikke: den er {_art(mode)}; bare vanlige filer "
                          "leses", med_fil=True)
        biter: list[bytes] = []
        lest = 0
        while lest <= maks:
            bit = os.read(fd, min(_BIT, maks + 1 - lest))
            if not bit:
                break
            biter.append(bit)
            lest += len(bit)
        if lest > maks:
            raise Ulesbar(f"filen {name} er større enn grensen på {byte_tekst(maks)}; "
                          "den er ikke lest", med_fil=True)
        return b"".join(biter)
    except OSError as exc:
        raise Ulesbar(os_melding(exc, name), med_fil=True) from None
    finally:
        os.close(fd)


def les_tekst(path: str | Path, *, maks: int = MAKS_BYTE) -> str:
    """``les_bytes`` decoded as UTF-8 (a byte order mark is dropped). Messages about the
    file as a whole name it; one about its content (not UTF-8) gives the line."""
    raw = les_bytes(path, maks=maks)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise Ulesbar("filen er UTF-16, ikke UTF-8; lagre den som UTF-8") from None
        linje = raw[:exc.start].count(b"\n") + 1
        raise Ulesbar("filen er ikke UTF-8; lagre den som UTF-8", linje) from None
