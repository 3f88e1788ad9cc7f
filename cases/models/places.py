"""Where cases happen: the UN M49 world regions, countries in them, places (the acting local
and regional governments) and the organisations that partner with them."""

from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from atlas.models import Slugged, SlugQuerySet, State, Timestamped
from atlas.plaintext import LineField, LinkField, single_line
from atlas.text import normalise
from pathways.models import Network, Recommendation


class WorldRegionQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)

    def with_case_counts(self):
        """The M49 regions, each with the number of published cases acting in it."""
        published = Q(region_places__cases__state=State.PUBLISHED)
        return self.filter(level=WorldRegion.Level.REGION).annotate(
            case_count=Count("region_places__cases", filter=published, distinct=True)
        )


class WorldRegion(models.Model):
    """An area of the UN M49 standard: a region, a sub-region or an intermediate region."""

    class Level(models.TextChoices):
        REGION = "region", _("Region")
        SUBREGION = "subregion", _("Sub-region")
        INTERMEDIATE = "intermediate", _("Intermediate region")

    code = LineField(_("M49 code"), max_length=3, unique=True)
    name = LineField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )

    objects = WorldRegionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("world region")
        verbose_name_plural = _("world regions")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cases:region-detail", args=[self.code])

    def natural_key(self):
        return (self.code,)

    def lineage(self):
        """This area and its ancestors, innermost first."""
        area = self
        while area is not None:
            yield area
            area = area.parent


class CountryRegion(models.Model):
    """Where a country sits in the M49 table (its innermost area)."""

    country = CountryField(_("country"), unique=True)
    m49_code = LineField(_("M49 code"), max_length=3, blank=True)
    area = models.ForeignKey(
        WorldRegion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="countries",
        help_text=_("Empty for the one entry M49 places in no region: Antarctica."),
    )

    class Meta:
        ordering = ["country"]
        verbose_name = _("country in M49")
        verbose_name_plural = _("countries in M49")

    def __str__(self):
        return f"{self.country.name} → {self.area}"


def derived_area(related_name):
    """An M49 area of a place, derived from its country on save (never typed in)."""
    return models.ForeignKey(
        WorldRegion,
        models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name=related_name,
    )


class PlaceQuerySet(SlugQuerySet):
    def of_cases(self, cases, constraint=None):
        """The places where the given cases act, each with how many of them act there;
        `constraint` (a Q) narrows the places, e.g. to those of the country filtered by."""
        acting = Q(cases__in=cases.values("pk"))
        return (
            self.filter(constraint or Q(), acting)
            .annotate(case_count=Count("cases", filter=acting, distinct=True))
            .order_by("name")
        )


class Place(Slugged, Timestamped):
    """A local or regional government that acts in a case (or, rarely, a national one)."""

    class Level(models.TextChoices):
        CITY = "city", _("City")
        DISTRICT = "district", _("District")
        COUNTY = "county", _("County")
        DEPARTMENT = "department", _("Department")
        STATE = "state", _("State")
        PROVINCE = "province", _("Province")
        CANTON = "canton", _("Canton")
        REGION = "region", _("Region")
        NATIONAL = "national", _("National government")

    name = LineField(_("name"), max_length=150)
    aliases = models.JSONField(
        _("other names"),
        default=list,
        blank=True,
        help_text=_("Other spellings in the sources."),
        validators=[single_line],
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, db_index=True)
    country = CountryField(_("country"), db_index=True)
    region = derived_area("region_places")
    subregion = derived_area("subregion_places")
    intermediate_region = derived_area("intermediate_places")
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    geonames_id = models.PositiveIntegerField(_("GeoNames id"), null=True, blank=True)
    networks = models.ManyToManyField(
        Network, blank=True, related_name="members", verbose_name=_("networks")
    )
    recommendations = models.ManyToManyField(
        Recommendation,
        blank=True,
        related_name="places",
        verbose_name=_("recommendations concerning it"),
    )
    # Derived on every save: the name and other names as search reads them.
    search_name = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_name"])

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="place_coordinates_both_and_in_range",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.country.code})"

    def get_absolute_url(self):
        return reverse("cases:place-detail", args=[self.slug])

    def save(self, *args, **kwargs):
        self.derive_world_regions()
        self.derive_search_name()
        super().save(*args, **kwargs)

    def derive_search_name(self):
        """The name and other names as search reads them (see `cases.search`)."""
        self.search_name = normalise(" ".join([self.name, *self.aliases]))

    def derive_world_regions(self):
        self.region = self.subregion = self.intermediate_region = None
        entry = CountryRegion.objects.filter(country=self.country).select_related("area").first()
        if entry is None:
            return
        for area in entry.area.lineage():
            setattr(self, self._REGION_FIELD[area.level], area)

    _REGION_FIELD = {
        WorldRegion.Level.REGION: "region",
        WorldRegion.Level.SUBREGION: "subregion",
        WorldRegion.Level.INTERMEDIATE: "intermediate_region",
    }


class Organisation(Slugged, Timestamped):
    """A partner of city practices: a UN agency, a national agency, an NGO, a foundation, …"""

    class Kind(models.TextChoices):
        INTERNATIONAL = "international", _("International organisation")
        NATIONAL_GOVERNMENT = "national-government", _("National government body")
        CIVIL_SOCIETY = "civil-society", _("Civil society")
        PRIVATE_SECTOR = "private-sector", _("Private sector")
        PHILANTHROPY = "philanthropy", _("Philanthropy")
        ACADEMIA = "academia", _("Academia")
        OTHER = "other", _("Other")

    name = LineField(_("name"), max_length=200)
    acronym = LineField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    url = LinkField(_("link"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name
