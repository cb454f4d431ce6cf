"""Tables of background masseutstedelse (issue 17): a batch, its chunks (one task each), the
outcome per person, and the workers' heartbeats. Imported by ``models`` so the app owns them.

State lives here, not in the task backend: the backend only carries «run chunk N of batch B»;
progress, results, cancellation and resumption read and write these rows, so the register does
not depend on which task backend runs the work (docs/decisions.md, issue 17).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Batch(models.Model):
    """One masseutstedelse started by a clerk: scope, issue parameters, state."""

    class Tilstand(models.TextChoices):
        NY = "ny", "ny (venter på en arbeider)"
        KJORER = "kjorer", "kjører"
        FERDIG = "ferdig", "ferdig"
        AVBRUTT = "avbrutt", "avbrutt"
        FEILET = "feilet", "feilet"

    startet_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    skole = models.ForeignKey("store.Skole", on_delete=models.PROTECT, related_name="+")
    skolear = models.CharField(max_length=9, blank=True,
                               help_text="bare elevmapper med et programområde dette skoleåret")
    trinn = models.CharField(max_length=3, blank=True,
                             help_text="bare elevmapper med et programområde på dette trinnet")
    dato = models.DateField(help_text="utstedelsesdato; året blir nummerets år")
    maalform = models.CharField(max_length=2, blank=True)
    dokumenttype = models.CharField(max_length=20, blank=True)
    formal = models.CharField(max_length=300, blank=True)
    tilstand = models.CharField(max_length=10, choices=Tilstand.choices, default=Tilstand.NY)
    antall = models.PositiveIntegerField(default=0, help_text="personer i batchen")
    melding = models.CharField(max_length=500, blank=True, help_text="hvorfor den feilet")
    opprettet = models.DateTimeField(default=timezone.now)
    startet = models.DateTimeField(null=True, blank=True)
    avsluttet = models.DateTimeField(null=True, blank=True)
    avbrutt_av = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"batch {self.pk}"


class Batchdel(models.Model):
    """A chunk of a batch: the persons one task issues. ``oppgave`` is the id of the task
    that currently owns it (a new one when the chunk is handed to another worker)."""

    batch = models.ForeignKey(Batch, on_delete=models.PROTECT, related_name="deler")
    nr = models.PositiveIntegerField()
    oppgave = models.CharField(max_length=64, blank=True, db_index=True)
    forsok = models.PositiveSmallIntegerField(default=1)
    ferdig = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["batch", "nr"],
                                               name="store_batchdel_unik")]


class Batchperson(models.Model):
    """The outcome for one person of a batch: «venter» until its task has issued it."""

    class Status(models.TextChoices):
        VENTER = "venter", "venter"
        UTSTEDT = "utstedt", "utstedt"
        NEKTET = "nektet", "nektet"
        HOPPET_OVER = "hoppet over", "hoppet over"
        AVBRUTT = "avbrutt", "ikke utstedt (batchen ble avbrutt)"

    batch = models.ForeignKey(Batch, on_delete=models.PROTECT, related_name="personer")
    person = models.ForeignKey("store.Person", on_delete=models.PROTECT, related_name="+")
    rekkefolge = models.PositiveIntegerField()
    del_nr = models.PositiveIntegerField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.VENTER)
    dokument = models.ForeignKey("store.UtstedtDokument", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    melding = models.CharField(max_length=500, blank=True)
    feil = models.JSONField(default=list, help_text="FEIL som nektet utstedelsen")
    ferdig = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["batch", "person"],
                                               name="store_batchperson_unik")]
        indexes = [models.Index(fields=["batch", "del_nr"]),
                   models.Index(fields=["batch", "status"])]


class Arbeider(models.Model):
    """A ``vitnemal worker`` process and its heartbeat."""

    ident = models.CharField(max_length=64, unique=True)
    vert = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    startet = models.DateTimeField(default=timezone.now)
    sist_sett = models.DateTimeField(default=timezone.now)
    stoppet = models.DateTimeField(null=True, blank=True)
