"""Name search on PostgreSQL through a trigram index (issue 16, bench/web.py).

The web's person search filters ``navn__icontains`` once per word, which Django writes as
``UPPER(navn::text) LIKE UPPER('%ord%')``: without an index PostgreSQL reads the whole person
table for every search (48 ms at 100,000 persons). A GIN index with ``pg_trgm`` on exactly that
expression answers it from the index. ``pg_trgm`` ships with PostgreSQL and is a trusted
extension (PostgreSQL 13+): the database's owner may create it. Where the extension cannot be
created the migration says so and search still works, unindexed. SQLite: nothing to do.
"""

import logging

from django.db import DatabaseError, migrations, transaction

INDEKS = "store_person_navn_trgm"


def opprett(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as exc:
        logging.getLogger("vitnemal").warning(
            "navnesøket får ingen indeks: utvidelsen pg_trgm kan ikke opprettes (%s)",
            str(exc).splitlines()[0])
        return
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEKS} ON store_person "
                          "USING gin ((UPPER(navn::text)) gin_trgm_ops)")


def fjern(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEKS}")


class Migration(migrations.Migration):
    dependencies = [("store", "0010_samlet")]
    operations = [migrations.RunPython(opprett, fjern, elidable=False)]
