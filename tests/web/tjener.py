"""A server process on a free loopback port, for the e2e test, the screenshots and the bench:
``ledig_port()``, ``vent(port, prosess)`` until it accepts connections, ``demo(tmp)`` runs the
README's ``vitnemal web --demo`` on a throwaway SQLite register."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path


def ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vent(port: int, prosess: subprocess.Popen, sekunder: float = 60) -> None:
    slutt = time.monotonic() + sekunder
    while time.monotonic() < slutt:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if prosess.poll() is not None:
                raise RuntimeError(
                    f"tjeneren avsluttet med status {prosess.returncode}") from None
            time.sleep(0.1)
    raise RuntimeError(f"tjeneren svarte ikke på port {port} innen {sekunder:.0f} s")


def demo(tmp: Path, utdata=subprocess.DEVNULL) -> tuple[subprocess.Popen, str]:
    """``vitnemal web --demo`` on a fresh SQLite file in ``tmp``; returns the process and URL."""
    port = ledig_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",
                                                             "DJANGO_SETTINGS_MODULE")}
    env.update(VITNEMAL_DB=str(tmp / "demo.sqlite3"), XDG_DATA_HOME=str(tmp / "xdg"))
    p = subprocess.Popen([sys.executable, "-m", "vitnemal", "web", "--demo", "--port",
                          str(port)], env=env, stdout=utdata, stderr=subprocess.STDOUT)
    vent(port, p)
    return p, f"http://127.0.0.1:{port}"
