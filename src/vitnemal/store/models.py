"""Tables of the register. Rows of issued documents, annulments, record versions,
fødselsnummer changes and events are never updated or deleted: triggers created by migration
0002 refuse it in the database itself (both vendors). Business rules live in ``services``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

BRUKER = settings.AUTH_USER_MODEL


class Fylke(models.Model):
    """A county (fylkeskommune): its number and name."""

    nummer = models.CharField(max_length=2, unique=True)
    navn = models.CharField(max_length=100)

    def __str__(self) -> str:
        return f"{self.nummer} {self.navn}"


class Skole(models.Model):
    """An issuer: a school, or a county issuing itself (001 §2.8). Holds the issuance facts
    that an elevmappe's ``utsteder`` block carries outside the register."""

    orgnr = models.CharField(max_length=20, unique=True,
                             help_text="organisasjonsnummer (9 sifre), eller en godkjent norsk "
                             "skole i utlandets utenlandske nummer (001 §2.8)")
    utenlandsk = models.BooleanField(default=False)
    skolenummer = models.CharField(max_length=5, blank=True, help_text="VIGO skolenummer")
    navn = models.CharField(max_length=200)
    sted = models.CharField(max_length=100, help_text="stedet i «sted og dato» (001 §2.8)")
    fylke = models.ForeignKey(Fylke, null=True, blank=True, on_delete=models.PROTECT)
    er_fylkeskommune = models.BooleanField(default=False)
    underskriver_1 = models.CharField(max_length=200,
                                      help_text="rektor eller den rektor gir myndighet")
    underskriver_2 = models.CharField(max_length=200)
    endret = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.navn} ({self.orgnr})"


class Person(models.Model):
    """A person with a record in the register, addressed by its id (never by fødselsnummer
    on a command line). ``fodselsnummer`` is the current number; older ones are in
    ``Fodselsnummerendring``."""

    fodselsnummer = models.CharField(max_length=11, unique=True)
    navn = models.CharField(max_length=200)
    testdata = models.BooleanField(default=False,
                                   help_text="syntetisk testfødselsnummer (Tenor/NAV)")
    opprettet = models.DateTimeField(default=timezone.now)

    class Meta:
        permissions = [
            ("importere", "Kan importere elevmapper"),
            ("utstede", "Kan utstede vitnemål og kompetansebevis"),
            ("annullere", "Kan annullere dokumenter"),
            ("lese", "Kan lese personopplysninger i registeret"),
            ("endre_fodselsnummer", "Kan registrere nytt fødselsnummer"),
            ("forvalte", "Kan forvalte skoler og nummerserier"),
        ]

    def __str__(self) -> str:
        return f"person {self.pk}"


class Fodselsnummerendring(models.Model):
    """A change of a person's number (003 A01: D-nummer → fødselsnummer, fictive → real;
    001 §2.12: a new number after a change of legal gender)."""

    class Arsak(models.TextChoices):
        D_TIL_F = "d-til-f", "D-nummer erstattet av fødselsnummer"
        FIKTIVT = "fiktivt", "fiktivt nummer erstattet av ekte"
        KJONN = "kjonn", "nytt fødselsnummer etter bytte av juridisk kjønn (001 §2.12)"
        RETTING = "retting", "retting av feilregistrert nummer"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="endringer")
    gammelt = models.CharField(max_length=11, db_index=True)
    nytt = models.CharField(max_length=11)
    arsak = models.CharField(max_length=10, choices=Arsak.choices)
    tidspunkt = models.DateTimeField(default=timezone.now)
    bruker = models.ForeignKey(BRUKER, on_delete=models.PROTECT, related_name="+")
    merknad = models.TextField(blank=True)


class Elevmappeversjon(models.Model):
    """One version of a person's elevmappe as the core model validated it. A change is a new
    version (who, when, why); versions are never changed."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="versjoner")
    skole = models.ForeignKey(Skole, on_delete=models.PROTECT, related_name="+")
    versjon = models.PositiveIntegerField()
    data = models.JSONField()
    sha256 = models.CharField(max_length=64)
    opprettet = models.DateTimeField(default=timezone.now)
    bruker = models.ForeignKey(BRUKER, on_delete=models.PROTECT, related_name="+")
    arsak = models.CharField(max_length=300)
    kilde = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "versjon"],
                                               name="store_mappe_versjon_unik")]
        indexes = [models.Index(fields=["skole", "person"])]


class UtstedtDokument(models.Model):
    """An issued vitnemål or kompetansebevis, as printed: never changed or deleted."""

    class Art(models.TextChoices):
        ORIGINAL = "original", "original"
        DUPLIKAT = "duplikat", "duplikat (001 §2.11)"
        NYTT_FNR = "nytt-fnr", "nytt dokument etter bytte av juridisk kjønn (001 §2.12)"

    nummer = models.CharField(max_length=40, db_index=True)
    tildelt = models.BooleanField(
        help_text="nummeret ble tildelt dette dokumentet (usann for duplikat med uendret nummer)")
    type = models.CharField(max_length=1, choices=[("V", "vitnemål"), ("K", "kompetansebevis")])
    orgnr = models.CharField(max_length=20)
    ar = models.PositiveSmallIntegerField()
    lopenummer = models.PositiveIntegerField()
    art = models.CharField(max_length=10, choices=Art.choices)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="dokumenter")
    skole = models.ForeignKey(Skole, on_delete=models.PROTECT, related_name="+")
    mappeversjon = models.ForeignKey(Elevmappeversjon, on_delete=models.PROTECT, related_name="+")
    original = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="gjengivelser")
    dokument = models.JSONField(help_text="nøyaktig det dokumentet som ble skrevet ut")
    pdf = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    regelsett_versjon = models.CharField(max_length=40)
    kodeverk_versjon = models.CharField(max_length=40)
    programversjon = models.CharField(max_length=80)
    versjoner = models.JSONField(
        null=True, help_text="utskrift.versjoner(): pakke, kodeverk, sjekker og regelsett som "
        "avgjorde dokumentet (tom for dokumenter utstedt før migrering 0007)")
    utstedt = models.DateField()
    maalform = models.CharField(max_length=2)
    underskrivere = models.JSONField()
    forstegangsvitnemal = models.BooleanField(default=False)
    opprettet = models.DateTimeField(default=timezone.now)
    bruker = models.ForeignKey(BRUKER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            # Last line of defence under the number series: an allocated number is unique,
            # and V and K share one serial series per orgnr and year.
            models.UniqueConstraint(fields=["nummer"], condition=Q(tildelt=True),
                                    name="store_nummer_unikt"),
            models.UniqueConstraint(fields=["orgnr", "ar", "lopenummer"],
                                    condition=Q(tildelt=True), name="store_lopenummer_unikt"),
        ]
        indexes = [models.Index(fields=["orgnr", "ar"])]


class Annullering(models.Model):
    """An annulment (NVB ¤D): date, reason code, caseworker, free text, replaced by."""

    class Arsak(models.TextChoices):
        KLA = "KLA", "klage"
        FEI = "FEI", "feil"
        NVB = "NVB", "NVB"
        ANN = "ANN", "annet"

    dokument = models.OneToOneField(UtstedtDokument, on_delete=models.PROTECT,
                                    related_name="annullering")
    dato = models.DateField()
    arsak = models.CharField(max_length=3, choices=Arsak.choices)
    saksbehandler = models.CharField(max_length=200)
    fritekst = models.TextField(blank=True)
    erstattet_av = models.ForeignKey(UtstedtDokument, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="erstatter")
    opprettet = models.DateTimeField(default=timezone.now)
    bruker = models.ForeignKey(BRUKER, on_delete=models.PROTECT, related_name="+")


class Hendelse(models.Model):
    """The append-only event log: every create, change and read of personal data.
    ``detaljer`` never holds a fødselsnummer."""

    class Handling(models.TextChoices):
        IMPORTERT = "importert", "elevmappe importert (ny versjon)"
        PERSON_OPPRETTET = "person-opprettet", "person opprettet"
        FNR_ENDRET = "fnr-endret", "fødselsnummer endret"
        UTSTEDT = "utstedt", "dokument utstedt"
        DUPLIKAT = "duplikat", "duplikat utstedt"
        ANNULLERT = "annullert", "dokument annullert"
        LEST = "lest", "personopplysninger lest"
        PDF_LEST = "pdf-lest", "PDF hentet ut"
        VERIFISERT = "verifisert", "dokumenter verifisert"
        SKOLE = "skole", "skole registrert eller endret"
        NUMMERSERIE = "nummerserie", "neste nummer satt"
        BRUKER = "bruker", "bruker opprettet"

    tidspunkt = models.DateTimeField(default=timezone.now, db_index=True)
    bruker = models.ForeignKey(BRUKER, on_delete=models.PROTECT, related_name="+")
    brukernavn = models.CharField(max_length=150)
    handling = models.CharField(max_length=20, choices=Handling.choices)
    formal = models.CharField(max_length=300, blank=True, help_text="hvorfor")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    dokument = models.ForeignKey(UtstedtDokument, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="hendelser")
    skole = models.ForeignKey(Skole, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    detaljer = models.JSONField(default=dict)


# Models of later issues live in their own modules; imported here so Django registers them:
# NVB deliveries (issue 15), roles per school/county (issue 16), background batches (issue 17).
from vitnemal.store.batch_modeller import Arbeider, Batch, Batchdel, Batchperson  # noqa: E402
from vitnemal.store.nvb_modeller import NvbLevering, NvbLevert  # noqa: E402, F401
from vitnemal.store.roller import Rolle  # noqa: E402, F401

__all__ = ["Annullering", "Arbeider", "Batch", "Batchdel", "Batchperson", "Elevmappeversjon",
           "Fodselsnummerendring", "Fylke", "Hendelse", "Person", "Skole", "UtstedtDokument"]
