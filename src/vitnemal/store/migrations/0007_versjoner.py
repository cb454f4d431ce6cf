"""Each issued document stores ``utskrift.versjoner()`` (the package, kodeverk, check catalogue
and rule sets that decided it) beside the short version columns.

A nullable column without a default: SQLite adds it with ``ALTER TABLE ADD COLUMN`` (no table
rebuild, so migration 0002's triggers stay), PostgreSQL without rewriting or updating a row.
Documents issued before this migration keep NULL: what decided them was not recorded."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("store", "0003_pdf_ukomprimert")]

    operations = [
        migrations.AddField(
            model_name="utstedtdokument",
            name="versjoner",
            field=models.JSONField(
                help_text="utskrift.versjoner(): pakke, kodeverk, sjekker og regelsett som "
                "avgjorde dokumentet (tom for dokumenter utstedt før migrering 0007)",
                null=True),
        ),
    ]
