"""Tables of deliveries to Nasjonal vitnemålsdatabase (NVB): which ¤-file was delivered when,
by whom, with its SHA-256, and which documents and annulments it carried. Rows are never
updated or deleted (triggers of migration 0004), so «not yet delivered» is a plain query and a
later export sends only what is new. Test files (``--test``) are not recorded.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from vitnemal.store.models import BRUKER, Annullering, Skole, UtstedtDokument


class NvbLevering(models.Model):
    """One ¤-file delivered to NVB."""

    tidspunkt = models.DateTimeField(default=timezone.now, db_index=True)
    bruker = models.ForeignKey(BRUKER, on_delete=models.PROTECT, related_name="+")
    filnavn = models.CharField(max_length=500)
    sha256 = models.CharField(max_length=64)
    skole = models.ForeignKey(Skole, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+", help_text="--skole, når eksporten gjaldt én")
    fra = models.DateField(null=True, blank=True)
    til = models.DateField(null=True, blank=True)
    antall_dokumenter = models.PositiveIntegerField()
    antall_annulleringer = models.PositiveIntegerField()


class NvbLevert(models.Model):
    """A document (¤V with its lines) or an annulment (¤D) carried by a delivery; each at
    most once."""

    class Hva(models.TextChoices):
        DOKUMENT = "dokument", "dokument (¤V)"
        ANNULLERING = "annullering", "annullering (¤D)"

    levering = models.ForeignKey(NvbLevering, on_delete=models.PROTECT, related_name="poster")
    hva = models.CharField(max_length=12, choices=Hva.choices)
    dokument = models.ForeignKey(UtstedtDokument, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="nvb_levert")
    annullering = models.ForeignKey(Annullering, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="nvb_levert")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dokument"], condition=models.Q(hva="dokument"),
                                    name="store_nvb_dokument_en_gang"),
            models.UniqueConstraint(fields=["annullering"],
                                    condition=models.Q(hva="annullering"),
                                    name="store_nvb_annullering_en_gang"),
        ]
