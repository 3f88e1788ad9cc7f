"""The curated records of the reference knowledge: city networks, recommendations, financing
mechanisms and regional mobility frameworks. Each cites its sources and goes through the
editorial workflow."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from atlas.plaintext import LineField, ParagraphField
from pathways import fields
from pathways.models.sources import Cited, CitedQuerySet
from pathways.models.vocabularies import Addressee, CityRole, PathwayType, ProgramCategory


class NetworkQuerySet(CitedQuerySet):
    def for_export(self):
        return self.with_citations().prefetch_related("members")


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

    name = LineField(_("name"), max_length=200)
    acronym = LineField(_("acronym"), max_length=40, blank=True)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, db_index=True)
    region = models.CharField(
        _("world region"), max_length=30, choices=Region.choices, blank=True, db_index=True
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    structure = models.CharField(
        _("structure"), max_length=20, choices=Structure.choices, blank=True
    )
    founded_year = models.PositiveSmallIntegerField(_("founded"), null=True, blank=True)
    description = ParagraphField(_("description"), blank=True)

    objects = NetworkQuerySet.as_manager()

    record_type = fields.NETWORK

    class Meta(Cited.Meta):
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")
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
        """Recommendations that name the case, or are addressed to what it does: its roles or
        its program category."""
        roles = case.roles.all()
        return (
            self.published()
            .filter(
                Q(cases=case) | Q(roles__in=roles) | Q(program_category=case.program_category_id)
            )
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
    headline = LineField(_("headline"), max_length=300)
    text = ParagraphField(_("text"), blank=True)
    addressees = models.ManyToManyField(Addressee, blank=True, verbose_name=_("addressees"))
    program_category = models.ForeignKey(
        ProgramCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("program category"),
    )
    theme = LineField(_("theme"), max_length=200, blank=True)
    roles = models.ManyToManyField(CityRole, blank=True, verbose_name=_("city roles"))
    pathway_types = models.ManyToManyField(PathwayType, blank=True, verbose_name=_("pathway types"))
    networks = models.ManyToManyField(
        Network, blank=True, related_name="recommendations", verbose_name=_("networks concerned")
    )

    objects = RecommendationQuerySet.as_manager()

    record_type = fields.RECOMMENDATION

    class Meta(Cited.Meta):
        ordering = ["slug"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("pathways:recommendation-detail", args=[self.slug])


class Listed(Cited):
    """A record shown on a list page of its kind, addressed there by its anchor."""

    name = LineField(_("name"), max_length=200)
    description = ParagraphField(_("description"), blank=True)
    list_url = None  # the URL name of the list page

    class Meta(Cited.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(self.list_url) + f"#{self.slug}"


class FinancingMechanism(Listed):
    list_url = "cases:financing-list"
    record_type = fields.FINANCING_MECHANISM

    class Meta(Listed.Meta):
        verbose_name = _("financing mechanism")
        verbose_name_plural = _("financing mechanisms")


class RegionalFramework(Listed):
    """A regional mobility framework such as the MERCOSUR Residence Agreement."""

    acronym = LineField(_("acronym"), max_length=40, blank=True)
    countries = CountryField(_("member countries"), multiple=True, blank=True)
    list_url = "cases:framework-list"
    record_type = fields.REGIONAL_FRAMEWORK

    class Meta(Listed.Meta):
        verbose_name = _("regional mobility framework")
        verbose_name_plural = _("regional mobility frameworks")
