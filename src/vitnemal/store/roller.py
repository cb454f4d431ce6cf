"""Role assignments of web users (issue 16): a user holds a role at one school or for every
school of one county. The policy (which role may do what) is in ``tilgang``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Rolle(models.Model):
    """One role of one user, at a school (``skole``) or for a county (``fylke``)."""

    class Navn(models.TextChoices):
        SAKSBEHANDLER = "saksbehandler", "saksbehandler"
        REKTOR = "rektor", "rektor"
        FYLKESADMIN = "fylkesadmin", "fylkesadministrator"
        REVISOR = "revisor", "revisor"

    bruker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="vitnemal_roller")
    rolle = models.CharField(max_length=20, choices=Navn.choices)
    skole = models.ForeignKey("store.Skole", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="roller")
    fylke = models.ForeignKey("store.Fylke", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="roller")

    class Meta:
        verbose_name = "rolle"
        verbose_name_plural = "roller"
        constraints = [
            models.CheckConstraint(
                condition=(Q(skole__isnull=False, fylke__isnull=True)
                           | Q(skole__isnull=True, fylke__isnull=False)),
                name="store_rolle_skole_eller_fylke"),
            models.UniqueConstraint(fields=["bruker", "rolle", "skole", "fylke"],
                                    name="store_rolle_unik"),
        ]

    def __str__(self) -> str:
        hvor = self.skole if self.skole_id else f"fylke {self.fylke}"
        return f"{self.bruker} — {self.get_rolle_display()} ({hvor})"
