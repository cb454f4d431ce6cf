"""Joins NVB deliveries (issue 15) to the rest of the schema; no operations of its own."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("store", "0004_nvb"),
        ("store", "0008_samlet"),
    ]
    operations = []
