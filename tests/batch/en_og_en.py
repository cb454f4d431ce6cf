"""Issues the given persons one by one through ``utstedelse.utsted`` (the third process of
tests/batch/test_arbeidere.py): ``python en_og_en.py ID...``; prints the results as JSON.
Runs with the register of its environment (``DATABASE_URL``/``VITNEMAL_DB``); issues on
``VITNEMAL_TEST_DATO`` (ISO date; default today, the date the web's batch issues on)."""

from __future__ import annotations

import json
import os
import sys
from datetime import date


def main(ider: list[int]) -> None:
    from vitnemal.store import oppsett

    oppsett.start()
    from vitnemal.store.models import Person
    from vitnemal.store.services import brukere, utstedelse

    bruker = brukere.finn("testbruker")
    dato = date.fromisoformat(os.environ.get("VITNEMAL_TEST_DATO") or date.today().isoformat())
    ut = []
    for pid in ider:
        r = utstedelse.utsted(bruker, Person.objects.get(pk=pid), dato=dato,
                              formal="en og en")
        ut.append({"person": pid, "status": r.status, "nummer": r.nummer})
    json.dump(ut, sys.stdout)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]])
