"""The register's tests run on SQLite by default and on PostgreSQL when ``VITNEMAL_TEST_PG``
names a server (see tests/store/stotte.py). Django is set up once per session on a fresh
database; each test runs in a transaction that is rolled back (the immutability triggers
never see a DELETE)."""

from __future__ import annotations

import os
import sys

import pytest

from . import stotte


@pytest.fixture(scope="session")
def register_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("register")
    with stotte.ny_database(tmp) as env:
        for k in ("DATABASE_URL", "VITNEMAL_DB"):
            os.environ.pop(k, None)
            if k in env:
                os.environ[k] = env[k]
        # a test module imported at collection (test_innstillinger) may have evaluated the
        # settings with the environment of that moment: the user's own register, shared by
        # every suite on this account; Django must read them afresh with the env above
        sys.modules.pop("vitnemal.config.settings", None)
        from vitnemal.store import oppsett

        oppsett.start()
        oppsett.migrer()
        yield env
        from django.db import connections

        connections.close_all()


@pytest.fixture
def db(register_db):
    from django.db import transaction

    with transaction.atomic():
        yield register_db
        transaction.set_rollback(True)


@pytest.fixture
def bruker(db):
    from vitnemal.store.services import brukere

    return brukere.opprett("saksbehandler")[0]


@pytest.fixture
def skole(bruker):
    from vitnemal.store.services import skoler

    return skoler.registrer(bruker, orgnr=stotte.ORGNR, navn="Nordlys videregående skole",
                            sted="Oslo", underskrivere=("Rektor Randi Rektorsen",
                                                        "Per Avdeling"))[0]
