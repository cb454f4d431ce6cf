"""Joins background batches (issue 17) to the rest of the schema; no operations of its own."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("store", "0006_batch"),
        ("store", "0009_samlet"),
    ]
    operations = []
