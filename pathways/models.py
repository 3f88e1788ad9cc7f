"""The reference knowledge of the atlas: the papers, the controlled vocabularies of the field,
city networks, recommendations, financing mechanisms and regional mobility frameworks."""

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from atlas.history import RelatedHistory
from atlas.models import (
    Publishable,
    PublishableQuerySet,
    Slugged,
    SlugQuerySet,
    State,
    Timestamped,
)
from pathways import fields


class Publication(Slugged, Timestamped):
    """A source: one of the five papers, or a report, article or web page an editor cites."""

    class Kind(models.TextChoices):
        WHITE_PAPER = "white-paper", _("White paper")
        REPORT = "report", _("Report")
        POLICY_PAPER = "policy-paper", _("Policy paper")
        MEETING_SUMMARY = "meeting-summary", _("Meeting summary")
        ARTICLE = "article", _("Article")
        WEB_PAGE = "web-page", _("Web page")

    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=120)
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    url = models.URLField(_("link"), blank=True)
    accessed = models.DateField(
        _("date accessed"), null=True, blank=True, help_text=_("For web pages and online reports.")
    )
    summary = models.TextField(_("what it contributes"), blank=True)
    history = HistoricalRecords()
    text_file = models.CharField(
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


class VocabularyQuerySet(SlugQuerySet):
    def with_case_counts(self):
        """Each term with the number of published cases that carry it."""
        published = Q(cases__state=State.PUBLISHED)
        return self.annotate(case_count=Count("cases", filter=published, distinct=True))


class Vocabulary(Slugged):
    """A term of a controlled vocabulary, shown in a fixed order."""

    name = models.CharField(_("name"), max_length=150)
    definition = models.TextField(_("definition"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class CityRole(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("city role")
        verbose_name_plural = _("city roles")

    def get_absolute_url(self):
        return reverse("cases:role-detail", args=[self.slug])


class PathwayType(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("pathway type")
        verbose_name_plural = _("pathway types")

    def get_absolute_url(self):
        return reverse("cases:pathway-detail", args=[self.slug])


class PathwayExample(models.Model):
    pathway_type = models.ForeignKey(PathwayType, on_delete=models.CASCADE, related_name="examples")
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["pathway_type", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["pathway_type", "name"], name="pathway_example_unique_name"
            )
        ]

    def __str__(self):
        return self.name


class ProgramCategory(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("program category")
        verbose_name_plural = _("program categories")

    def get_absolute_url(self):
        return reverse("cases:case-list") + f"?category={self.slug}"


class Addressee(Vocabulary):
    """Who a recommendation speaks to: cities, national governments, donors, …"""

    class Meta(Vocabulary.Meta):
        verbose_name = _("addressee")
        verbose_name_plural = _("addressees")


class GCMObjectiveQuerySet(models.QuerySet):
    def get_by_natural_key(self, number):
        return self.get(number=number)


class GCMObjective(models.Model):
    """One of the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=300)

    objects = GCMObjectiveQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=23), name="gcm_objective_number_1_to_23"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("cases:gcm-detail", args=[self.number])

    def natural_key(self):
        return (self.number,)


class Citation(models.Model):
    """Where a record comes from: a publication and the section that says it."""

    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="citations")
    section = models.CharField(_("section heading"), max_length=300)
    locator = models.CharField(
        _("locator"), max_length=300, blank=True, help_text=_("Box, table, annex row or page.")
    )
    note = models.TextField(_("note"), blank=True)
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
        parts = [str(self.publication), self.section, self.locator]
        return ", ".join(part for part in parts if part)


class CitedQuerySet(PublishableQuerySet):
    def with_citations(self):
        """Each record's citations with their publications, as pages and exports show them."""
        return self.prefetch_related(
            models.Prefetch("citations", Citation.objects.select_related("publication"))
        )


class NetworkQuerySet(CitedQuerySet):
    def for_export(self):
        return self.with_citations().prefetch_related("members")


class Cited(Publishable):
    """A curated record that carries its citations, and the history of its changes."""

    citations = GenericRelation(Citation)
    history = HistoricalRecords(inherit=True, bases=[RelatedHistory])

    objects = CitedQuerySet.as_manager()

    class Meta:
        abstract = True


class Network(Cited):
    class Scope(models.TextChoices):
        GLOBAL = "global", _("Global")
        REGIONAL = "regional", _("Regional")
        NATIONAL = "national", _("National")

    class Region(models.TextChoices):
        AFRICA = "africa", _("Africa")
        AMERICAS = "americas", _("Americas")
        ASIA_PACIFIC = "asia-pacific", _("Asia and Pacific")
        EUROPE = "europe", _("Europe")
        MIDDLE_EAST_MEDITERRANEAN = "middle-east-mediterranean", _("Middle East and Mediterranean")

    class Structure(models.TextChoices):
        HORIZONTAL = "horizontal", _("Horizontal")
        VERTICAL = "vertical", _("Vertical")
        HYBRID = "hybrid", _("Hybrid")

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, db_index=True)
    region = models.CharField(
        _("world region"), max_length=30, choices=Region.choices, blank=True, db_index=True
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    structure = models.CharField(
        _("structure"), max_length=20, choices=Structure.choices, blank=True
    )
    founded_year = models.PositiveSmallIntegerField(_("founded"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = NetworkQuerySet.as_manager()

    record_type = fields.NETWORK

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        permissions = [("publish_network", _("Can publish, unpublish and archive networks"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(founded_year__isnull=True)
                | Q(founded_year__gte=1800, founded_year__lte=2100),
                name="network_founded_year_plausible",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("cases:network-detail", args=[self.slug])


class RecommendationQuerySet(CitedQuerySet):
    def for_list(self):
        return (
            self.select_related("program_category", "parent")
            .prefetch_related("addressees")
            .with_citations()
            .order_by("kind", "number", "headline")
        )

    def for_export(self):
        return self.for_list().prefetch_related("roles", "pathway_types")

    def concerning(self, case):
        """Recommendations addressed to what the case does: its roles or its program category."""
        roles = case.roles.all()
        return (
            self.published()
            .filter(Q(roles__in=roles) | Q(program_category=case.program_category_id))
            .distinct()
            .order_by("kind", "number")
        )


class Recommendation(Cited):
    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", _("Recommendation")
        ACTION = "action", _("Recommended action")

    number = models.PositiveSmallIntegerField(_("number in the source"), null=True, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.RECOMMENDATION
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("part of"),
    )
    headline = models.CharField(_("headline"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    addressees = models.ManyToManyField(Addressee, blank=True, verbose_name=_("addressees"))
    program_category = models.ForeignKey(
        ProgramCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("program category"),
    )
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    roles = models.ManyToManyField(CityRole, blank=True, verbose_name=_("city roles"))
    pathway_types = models.ManyToManyField(PathwayType, blank=True, verbose_name=_("pathway types"))

    objects = RecommendationQuerySet.as_manager()

    record_type = fields.RECOMMENDATION

    class Meta:
        ordering = ["slug"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        permissions = [
            ("publish_recommendation", _("Can publish, unpublish and archive recommendations"))
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("pathways:recommendation-detail", args=[self.slug])


class FinancingMechanism(Cited):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    def get_absolute_url(self):
        return reverse("cases:financing-list") + f"#{self.slug}"

    record_type = fields.FINANCING_MECHANISM

    class Meta:
        ordering = ["name"]
        verbose_name = _("financing mechanism")
        verbose_name_plural = _("financing mechanisms")
        permissions = [
            (
                "publish_financingmechanism",
                _("Can publish, unpublish and archive financing mechanisms"),
            )
        ]

    def __str__(self):
        return self.name


class RegionalFramework(Cited):
    """A regional mobility framework such as the MERCOSUR Residence Agreement."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    countries = CountryField(_("member countries"), multiple=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    def get_absolute_url(self):
        return reverse("cases:framework-list") + f"#{self.slug}"

    record_type = fields.REGIONAL_FRAMEWORK

    class Meta:
        ordering = ["name"]
        verbose_name = _("regional mobility framework")
        verbose_name_plural = _("regional mobility frameworks")
        permissions = [
            (
                "publish_regionalframework",
                _("Can publish, unpublish and archive regional mobility frameworks"),
            )
        ]

    def __str__(self):
        return self.name
