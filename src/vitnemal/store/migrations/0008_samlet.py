"""Joins two branches of the schema: roles per school/county (issue 16) and the version
fields of issued documents (issue 14); no operations of its own."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("store", "0005_roller"),
        ("store", "0007_versjoner"),
    ]
    operations = []
