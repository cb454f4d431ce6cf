"""NVB deliveries (issue 15): ``NvbLevering`` (one delivered ¤-file) and ``NvbLevert`` (what it
carried). Append-only like the other records of the register: triggers refuse UPDATE and
DELETE on both vendors (PostgreSQL reuses migration 0002's ``store_uforanderlig()``)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

TABELLER = ["store_nvblevering", "store_nvblevert"]


def _triggere(opprett: bool):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for tabell in TABELLER:
            if vendor == "sqlite":
                for hva in ("UPDATE", "DELETE"):
                    navn = f"{tabell}_ingen_{hva.lower()}"
                    schema_editor.execute(f"DROP TRIGGER IF EXISTS {navn}")
                    if opprett:
                        schema_editor.execute(
                            f"CREATE TRIGGER {navn} BEFORE {hva} ON {tabell} BEGIN SELECT "
                            f"RAISE(ABORT, 'vitnemal: {tabell} kan ikke endres eller slettes'); END")
            elif vendor == "postgresql":
                for navn, naar, per in ((f"{tabell}_uforanderlig", "UPDATE OR DELETE", "ROW"),
                                        (f"{tabell}_ingen_truncate", "TRUNCATE", "STATEMENT")):
                    schema_editor.execute(f"DROP TRIGGER IF EXISTS {navn} ON {tabell}")
                    if opprett:
                        schema_editor.execute(
                            f"CREATE TRIGGER {navn} BEFORE {naar} ON {tabell} "
                            f"FOR EACH {per} EXECUTE FUNCTION store_uforanderlig()")
    return run


class Migration(migrations.Migration):

    dependencies = [
        ('store', '0003_pdf_ukomprimert'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='NvbLevering',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('tidspunkt', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('filnavn', models.CharField(max_length=500)),
                ('sha256', models.CharField(max_length=64)),
                ('fra', models.DateField(blank=True, null=True)),
                ('til', models.DateField(blank=True, null=True)),
                ('antall_dokumenter', models.PositiveIntegerField()),
                ('antall_annulleringer', models.PositiveIntegerField()),
                ('bruker', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('skole', models.ForeignKey(blank=True, help_text='--skole, når eksporten gjaldt én', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='store.skole')),
            ],
        ),
        migrations.CreateModel(
            name='NvbLevert',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('hva', models.CharField(choices=[('dokument', 'dokument (¤V)'), ('annullering', 'annullering (¤D)')], max_length=12)),
                ('annullering', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='nvb_levert', to='store.annullering')),
                ('dokument', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='nvb_levert', to='store.utstedtdokument')),
                ('levering', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='poster', to='store.nvblevering')),
            ],
            options={
                'constraints': [models.UniqueConstraint(condition=models.Q(('hva', 'dokument')), fields=('dokument',), name='store_nvb_dokument_en_gang'), models.UniqueConstraint(condition=models.Q(('hva', 'annullering')), fields=('annullering',), name='store_nvb_annullering_en_gang')],
            },
        ),
        migrations.RunPython(_triggere(True), _triggere(False)),
    ]
