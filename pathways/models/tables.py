"""Tables the papers print as data: 003's Table 1 counts migration-related city networks by
world region and scope. Each cell keeps the figure as the text copy prints it, and our reading
of it where the copy left the cell blank."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from atlas.history import RelatedHistory
from atlas.plaintext import LineField, ParagraphField
from pathways import fields
from pathways.models.curated import Network
from pathways.models.sources import Citation


class NetworkCount(models.Model):
    """One cell of 003's Table 1: how many networks of one scope work in one world region."""

    class Scope(models.TextChoices):
        GLOBAL = "global", _("Global")
        REGIONAL = "regional", _("Regional")
        NATIONAL = "national", _("National")
        TOTAL = "total", _("Total")

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    region = LineField(_("world region, as printed"), max_length=60)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    printed = models.PositiveSmallIntegerField(
        _("as printed"), null=True, blank=True, help_text=_("Empty where the cell is blank.")
    )
    reading = models.PositiveSmallIntegerField(
        _("our reading"), null=True, blank=True, help_text=_("The count the table's totals imply.")
    )
    reading_note = ParagraphField(_("how we read it"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    networks = models.ManyToManyField(
        Network,
        blank=True,
        related_name="table_counts",
        verbose_name=_("networks of this cell in the atlas"),
    )
    citations = GenericRelation(Citation)
    history = HistoricalRecords(bases=[RelatedHistory])

    record_type = fields.NETWORK_COUNT

    class Meta:
        ordering = ["order"]
        verbose_name = _("network count (003, Table 1)")
        verbose_name_plural = _("network counts (003, Table 1)")
        constraints = [
            models.UniqueConstraint(fields=["region", "scope"], name="network_count_cell_unique"),
            models.CheckConstraint(
                condition=Q(printed__isnull=True) | Q(reading=models.F("printed")),
                name="network_count_reading_keeps_printed",
                violation_error_message=_("Where the table prints a figure, we read that figure."),
            ),
        ]

    def __str__(self):
        return f"{self.region}, {self.get_scope_display()}: {self.shown}"

    @property
    def shown(self):
        return self.printed if self.printed is not None else self.reading

    @property
    def is_inferred(self):
        return self.printed is None and self.reading is not None
