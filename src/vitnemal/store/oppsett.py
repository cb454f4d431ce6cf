"""Lazy Django setup for the register, and the check that its schema is in place.

Commands that need no register never import this module's Django parts: ``start()`` is
called by the register commands only, so ``vitnemal valider`` and friends stay fast.
"""

from __future__ import annotations

import os
from pathlib import Path

from vitnemal.errors import VitnemalError

SETTINGS = "vitnemal.config.settings"


class RegisterMangler(VitnemalError):
    """The register's database is missing, unreachable or has an outdated schema."""


_startet = False


def start() -> None:
    """Configure Django with ``vitnemal.config.settings`` (unless another settings module is
    set) and set it up; idempotent."""
    global _startet
    if _startet:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django

    django.setup()
    _startet = True


def beskrivelse() -> str:
    """Where the register is, without credentials: «SQLite /sti» or «PostgreSQL vert/navn»."""
    from django.db import connection

    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"SQLite {s['NAME']}"
    return f"PostgreSQL {s.get('HOST') or 'localhost'}:{s.get('PORT') or 5432}/{s['NAME']}"


def sqlite_fil() -> Path | None:
    from django.db import connection

    if connection.vendor != "sqlite":
        return None
    return Path(connection.settings_dict["NAME"])


def krev_skjema() -> None:
    """Raise ``RegisterMangler`` (exit 2 in the CLI) unless the database exists and every
    migration is applied. Never creates an SQLite file."""
    start()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.db.utils import Error

    fil = sqlite_fil()
    hint = "kjør «vitnemal db migrate» for å opprette eller oppgradere det"
    if fil is not None and not fil.exists():
        raise RegisterMangler(f"registeret finnes ikke ({beskrivelse()}); {hint}")
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Error as exc:
        raise RegisterMangler(f"registeret kan ikke åpnes ({beskrivelse()}): "
                              f"{type(exc).__name__}; sjekk DATABASE_URL/VITNEMAL_DB") from None
    if plan:
        raise RegisterMangler(f"registeret mangler tabeller eller er utdatert ({beskrivelse()}, "
                              f"{len(plan)} migrering(er) gjenstår); {hint}")


def migrer(*, stdout=None) -> list[str]:
    """Create or upgrade the schema (``vitnemal db migrate``); returns the migrations applied.
    Creates the SQLite file's folder on first use."""
    start()
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    fil = sqlite_fil()
    if fil is not None:
        fil.parent.mkdir(parents=True, exist_ok=True)
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    call_command("migrate", interactive=False, verbosity=0, stdout=stdout)
    return [f"{m.app_label}.{m.name}" for m, _ in plan]
