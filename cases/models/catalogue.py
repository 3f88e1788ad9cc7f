"""The catalogue of city practices: cases, their classifications, figures and redirects."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from atlas.history import RelatedHistory
from atlas.models import Publishable, PublishableQuerySet
from atlas.plaintext import LineField, LinkField, ParagraphField
from atlas.translating import folded
from cases.fields import CASE
from cases.models.places import Organisation, Place
from pathways.models import (
    Citation,
    CityRole,
    FinancingMechanism,
    GCMObjective,
    Network,
    PathwayType,
    ProgramCategory,
    Publication,
    Recommendation,
    RegionalFramework,
)


class Basis(models.TextChoices):
    """Whether a classification is the source's own words or our reading of it."""

    STATED = "stated", _("stated by the source")
    CLASSIFIED = "classified", _("our classification")


def classifications():
    """A case's roles, pathway types and GCM objectives, each with its vocabulary term."""
    return [
        models.Prefetch("case_roles", CaseRole.objects.select_related("role")),
        models.Prefetch("case_pathways", CasePathwayType.objects.select_related("pathway_type")),
        models.Prefetch("case_objectives", CaseGCMObjective.objects.select_related("objective")),
    ]


class CaseQuerySet(PublishableQuerySet):
    def for_list(self):
        return self.select_related("program_category", "actor_network").prefetch_related(
            "places", *classifications()[:2]
        )

    def for_detail(self):
        return self.select_related("program_category", "actor_network").prefetch_related(
            models.Prefetch(
                "places",
                Place.objects.select_related("region", "subregion", "intermediate_region"),
            ),
            *classifications(),
            "named_places",
            "recommendations",
            "partners",
            "networks",
            "figures",
            models.Prefetch("claims", SourceClaim.objects.select_related("publication")),
            "financing_mechanisms",
            "frameworks",
            models.Prefetch("citations", queryset=Citation.objects.select_related("publication")),
        )

    def left_without_place(self, places):
        """The cases that would have no place (nor an acting network) without these places."""
        elsewhere = self.model.places.through.objects.filter(case=OuterRef("pk")).exclude(
            place__in=places
        )
        return (
            self.filter(places__in=places, actor_network__isnull=True)
            .exclude(Exists(elsewhere))
            .distinct()
        )


class Case(Publishable):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")
        PILOT = "pilot", _("Pilot")
        PROPOSED = "proposed", _("Proposed")
        UNKNOWN = "unknown", _("Not stated in the sources")

    class Depth(models.TextChoices):
        PRACTICE = "practice", _("Described practice")
        MENTION = "mention", _("Brief mention")

    class Kind(models.TextChoices):
        """What the record is, so that "how many practices" has one answer."""

        PRACTICE = "practice", _("Practice")
        COMMITMENT = "commitment", _("Commitment or statement")
        EVENT = "event", _("Event")
        DOCUMENT = "document", _("Document")
        NETWORK_INITIATIVE = "network-initiative", _("Network initiative")

    title = LineField(_("title"), max_length=250)
    summary = LineField(_("summary"), max_length=400, blank=True)
    description = ParagraphField(_("description"), blank=True, help_text=_("Markdown."))
    kind = models.CharField(
        _("kind of record"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.PRACTICE,
        db_index=True,
        help_text=_(
            "A practice is a programme, service, policy or partnership a government carries out."
        ),
    )
    depth = models.CharField(
        _("depth in the sources"), max_length=20, choices=Depth.choices, default=Depth.PRACTICE
    )
    places = models.ManyToManyField(
        Place,
        blank=True,
        related_name="cases",
        verbose_name=_("acting governments"),
        help_text=_("The local or regional governments that carry out the practice."),
    )
    named_places = models.ManyToManyField(
        Place,
        blank=True,
        related_name="named_in_cases",
        verbose_name=_("places served or named"),
        help_text=_(
            "Places the practice serves or the sources name as examples, which do not act in it."
        ),
    )
    actor_network = models.ForeignKey(
        Network,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_cases",
        verbose_name=_("network acting"),
        help_text=_("When a city network, not a government, carries the practice."),
    )
    roles = models.ManyToManyField(CityRole, through="CaseRole", related_name="cases")
    pathway_types = models.ManyToManyField(
        PathwayType, through="CasePathwayType", related_name="cases"
    )
    program_category = models.ForeignKey(
        ProgramCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("program category"),
    )
    gcm_objectives = models.ManyToManyField(
        GCMObjective, through="CaseGCMObjective", related_name="cases"
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="cases", verbose_name=_("partners")
    )
    networks = models.ManyToManyField(
        Network, blank=True, related_name="cases", verbose_name=_("networks")
    )
    frameworks = models.ManyToManyField(
        RegionalFramework,
        blank=True,
        related_name="cases",
        verbose_name=_("regional frameworks"),
        help_text=_("Regional mobility frameworks the practice works under or proposes."),
    )
    financing_mechanisms = models.ManyToManyField(
        FinancingMechanism, blank=True, related_name="examples", verbose_name=_("financed by")
    )
    recommendations = models.ManyToManyField(
        Recommendation,
        blank=True,
        related_name="cases",
        verbose_name=_("recommendations concerning it"),
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UNKNOWN, db_index=True
    )
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When an editor last checked the record against its sources."),
    )
    is_suggestion = models.BooleanField(_("suggested by the public"), default=False, db_index=True)
    suggested_place = LineField(_("place, as suggested"), max_length=200, blank=True)
    suggested_source = LinkField(_("source, as suggested"), max_length=500, blank=True)
    suggester_email = models.EmailField(_("contact of the suggester"), blank=True)
    citations = GenericRelation(Citation)
    # Derived on every save (see `save`): what free-text search reads.
    search_title = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    history = HistoricalRecords(
        bases=[RelatedHistory], excluded_fields=["search_title", "search_text"]
    )
    record_type = CASE

    objects = CaseQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["title"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        permissions = [("merge_case", _("Can merge duplicate cases"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="case_end_year_not_before_start",
                violation_error_message=_("The end year cannot be before the start year."),
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(start_year__gte=1900, start_year__lte=2100),
                name="case_start_year_plausible",
            ),
        ]

    def __str__(self):
        return self.title

    def derive_search_columns(self):
        """What free-text search reads, from the texts in every language; `save` calls it,
        and so must code that writes cases without saving them one by one."""
        self.search_title = folded(self, ["title"])
        self.search_text = folded(self, ["title", "summary", "description"])

    def save(self, *args, **kwargs):
        self.derive_search_columns()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_title", "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("cases:case-detail", args=[self.slug])

    def publication_problems(self):
        problems = []
        if not self.places.exists() and self.actor_network_id is None:
            problems.append(_("it has no place (nor an acting network)"))
        if not self.case_roles.exists():
            problems.append(_("it has no city role"))
        if not self.case_pathways.exists():
            problems.append(_("it has no pathway type (nor “not specific to one pathway”)"))
        if not self.citations.exists():
            problems.append(_("it cites no source"))
        return problems

    def classification_basis(self):
        """Whether the case's roles and pathway types are the source's words (`stated`), our
        reading (`classified`) or some of each (`mixed`); empty without any. Reads the rows
        `for_list` and `for_detail` prefetch, so a list of cards asks nothing more."""
        rows = [*self.case_roles.all(), *self.case_pathways.all()]
        bases = {row.basis for row in rows}
        return "mixed" if len(bases) > 1 else next(iter(bases), "")

    def related_cases(self, limit=6):
        """Published cases like this one, grouped by why they are alike."""
        others = Case.objects.published().exclude(pk=self.pk).for_list()
        same_network = Q(networks__in=self.networks.all())
        if self.actor_network_id:
            same_network |= Q(actor_network=self.actor_network_id) | Q(
                networks=self.actor_network_id
            )
        roles = self.case_roles.values("role")
        pathways = self.case_pathways.values("pathway_type")
        groups = [
            (_("In the same places"), others.filter(places__in=self.places.all())),
            (_("In the same networks"), others.filter(same_network)),
            (
                _("Same role and pathway type"),
                others.filter(roles__in=roles).filter(pathway_types__in=pathways),
            ),
        ]
        return [(label, list(cases.distinct()[:limit])) for label, cases in groups]


class CaseRedirect(models.Model):
    """An old slug that now leads to another case, e.g. after merging a duplicate into it."""

    old_slug = models.SlugField(_("old slug"), max_length=120, unique=True)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("case redirect")
        verbose_name_plural = _("case redirects")

    def __str__(self):
        return f"{self.old_slug} → {self.case.slug}"


class Classification(models.Model):
    """A case filed under a term of a vocabulary, as the source states it or as we read it."""

    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.term} ({self.get_basis_display()})"


class CaseRole(Classification):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="case_roles")
    role = models.ForeignKey(CityRole, on_delete=models.PROTECT, related_name="case_roles")

    class Meta:
        ordering = ["role__order"]
        constraints = [
            models.UniqueConstraint(fields=["case", "role"], name="case_role_unique"),
        ]

    @property
    def term(self):
        return self.role


class CasePathwayType(Classification):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="case_pathways")
    pathway_type = models.ForeignKey(
        PathwayType, on_delete=models.PROTECT, related_name="case_pathways"
    )

    class Meta:
        ordering = ["pathway_type__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "pathway_type"], name="case_pathway_type_unique"
            ),
        ]

    @property
    def term(self):
        return self.pathway_type


class CaseGCMObjective(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="case_objectives")
    objective = models.ForeignKey(
        GCMObjective, on_delete=models.PROTECT, related_name="case_objectives"
    )
    primary = models.BooleanField(
        _("primary"), default=True, help_text=_("Secondary objectives stand in brackets in 002.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-primary", "objective__number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "objective"], name="case_objective_unique"),
        ]

    def __str__(self):
        return str(self.objective) if self.primary else f"({self.objective})"


class SourceClaim(models.Model):
    """What one paper says about a case where the papers disagree (a year, a name, a status):
    the record keeps every version with its source instead of choosing silently."""

    class About(models.TextChoices):
        TITLE = "title", _("name")
        START_YEAR = "start_year", _("start year")
        END_YEAR = "end_year", _("end year")
        STATUS = "status", _("status")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="claims")
    field = models.CharField(_("about"), max_length=20, choices=About.choices)
    value = LineField(_("what the source says"), max_length=250)
    publication = models.ForeignKey(
        Publication, on_delete=models.PROTECT, related_name="claims", verbose_name=_("source")
    )
    section = LineField(_("section heading"), max_length=300)
    locator = LineField(_("locator"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["field", "order", "id"]
        verbose_name = _("claim of a source")
        verbose_name_plural = _("claims of the sources")

    def __str__(self):
        return f"{self.get_field_display()}: {self.value} ({self.publication})"


class KeyFigure(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="figures")
    label = LineField(_("what"), max_length=200)
    value = LineField(_("figure"), max_length=100)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        suffix = f" ({self.year})" if self.year else ""
        return f"{self.label}: {self.value}{suffix}"
