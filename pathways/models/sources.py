"""Where the atlas's knowledge comes from: publications (the five papers and what editors add)
and citations, which tie any record to a publication and the section that says it."""

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from atlas.history import RelatedHistory
from atlas.models import Publishable, PublishableQuerySet, Slugged, Timestamped
from atlas.plaintext import LineField, LinkField, ParagraphField


class Publication(Slugged, Timestamped):
    """A source: one of the five papers, or a report, article or web page an editor cites."""

    class Kind(models.TextChoices):
        WHITE_PAPER = "white-paper", _("White paper")
        REPORT = "report", _("Report")
        POLICY_PAPER = "policy-paper", _("Policy paper")
        MEETING_SUMMARY = "meeting-summary", _("Meeting summary")
        ARTICLE = "article", _("Article")
        WEB_PAGE = "web-page", _("Web page")

    title = LineField(_("title"), max_length=300)
    short_title = LineField(_("short title"), max_length=120)
    authors = LineField(_("authors"), max_length=300, blank=True)
    publisher = LineField(_("publisher"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    url = LinkField(_("link"), blank=True)
    accessed = models.DateField(
        _("date accessed"), null=True, blank=True, help_text=_("For web pages and online reports.")
    )
    summary = ParagraphField(_("what it contributes"), blank=True)
    history = HistoricalRecords()
    text_file = LineField(
        _("text file"),
        max_length=100,
        blank=True,
        help_text=_("The plain-text copy in the papers folder that citations are checked against."),
    )

    class Meta:
        ordering = ["year", "title"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        constraints = [
            models.CheckConstraint(
                condition=Q(month__isnull=True) | Q(month__gte=1, month__lte=12),
                name="publication_month_in_range",
            )
        ]

    def __str__(self):
        return f"{self.short_title} ({self.year})"

    def get_absolute_url(self):
        return reverse("cases:publication-detail", args=[self.slug])

    @property
    def is_seed_paper(self):
        """One of the papers the atlas was built from; they stay as they are."""
        return bool(self.text_file)


class Citation(models.Model):
    """Where a record comes from: a publication and the section that says it."""

    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="citations")
    section = LineField(_("section heading"), max_length=300)
    heading = LineField(
        _("heading as read"),
        max_length=300,
        blank=True,
        help_text=_(
            "The section heading in reading case, when the paper prints it in capitals; the "
            "section above stays as printed, for the provenance check."
        ),
    )
    locator = LineField(
        _("locator"), max_length=300, blank=True, help_text=_("Box, table, annex row or page.")
    )
    note = ParagraphField(_("note"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    cited_record = GenericForeignKey("content_type", "object_id")
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        parts = [str(self.publication), self.shown_heading, self.locator]
        return ", ".join(part for part in parts if part)

    @property
    def shown_heading(self):
        return self.heading or self.section


class CitedQuerySet(PublishableQuerySet):
    def with_citations(self):
        """Each record's citations with their publications, as pages and exports show them."""
        return self.prefetch_related(
            models.Prefetch("citations", Citation.objects.select_related("publication"))
        )


class Cited(Publishable):
    """A curated record that carries its citations, and the history of its changes."""

    citations = GenericRelation(Citation)
    history = HistoricalRecords(inherit=True, bases=[RelatedHistory])

    objects = CitedQuerySet.as_manager()

    class Meta(Publishable.Meta):
        abstract = True
