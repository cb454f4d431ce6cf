"""PostgreSQL: store the PDF column out of line without compression (``STORAGE EXTERNAL``).

A PDF/A is already Flate-compressed; PostgreSQL's default (``EXTENDED``) tries pglz on every
insert and gives up, spending the server's CPU on the same two cores the renderers use.
SQLite has no such setting."""

from django.db import migrations


def _lagring(strategi: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("ALTER TABLE store_utstedtdokument ALTER COLUMN pdf "
                                  f"SET STORAGE {strategi}")
    return run


class Migration(migrations.Migration):
    dependencies = [("store", "0002_uforanderlig")]

    operations = [migrations.RunPython(_lagring("EXTERNAL"), _lagring("EXTENDED"))]
