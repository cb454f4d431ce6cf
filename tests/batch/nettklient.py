"""A clerk's browser without the browser: a logged-in HTTP session against a real
``vitnemal web`` process (the web process of issue 17's concurrency test)."""

from __future__ import annotations

import http.cookiejar
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

PASSORD = "test-passord-for-nettet-2026"


def ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sett_passord(env: dict, bruker: str) -> None:
    kode = ("import django; django.setup(); from django.contrib.auth.models import User; "
            f"u = User.objects.get(username={bruker!r}); u.set_password({PASSORD!r}); u.save()")
    subprocess.run([sys.executable, "-c", kode], env={
        **env, "DJANGO_SETTINGS_MODULE": "vitnemal.config.settings"}, check=True, timeout=120)


def start_web(env: dict, port: int) -> subprocess.Popen:
    p = subprocess.Popen([sys.executable, "-m", "vitnemal", "web", "--port", str(port)],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         start_new_session=True)
    slutt = time.monotonic() + 120
    while time.monotonic() < slutt:
        if p.poll() is not None:
            raise AssertionError(f"vitnemal web stoppet: {p.stderr.read()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return p
        except OSError:
            time.sleep(0.2)
    raise AssertionError("vitnemal web svarte ikke")


class Nettleser:
    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.jar = http.cookiejar.CookieJar()
        self.op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def hent(self, sti: str) -> tuple[str, str]:
        with self.op.open(self.base + sti, timeout=60) as r:
            return r.geturl(), r.read().decode()

    def post(self, sti: str, skjema_fra: str, data: dict) -> tuple[str, str]:
        """POST ``data`` to ``sti`` with the CSRF token of the form page ``skjema_fra``."""
        _, side = self.hent(skjema_fra)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', side).group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data}).encode()
        req = urllib.request.Request(self.base + sti, data=body,
                                     headers={"Referer": self.base + skjema_fra})
        with self.op.open(req, timeout=120) as r:
            return r.geturl(), r.read().decode()

    def logg_inn(self, bruker: str) -> None:
        url, _ = self.post("/logg-inn/", "/logg-inn/", {"username": bruker, "password": PASSORD})
        if "/logg-inn/" in url:
            raise AssertionError("innloggingen mislyktes")
