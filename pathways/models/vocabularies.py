"""The controlled vocabularies of the field: city roles, pathway types (with examples),
program categories, addressees of recommendations and the 23 GCM objectives."""

from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from atlas.models import Slugged, SlugQuerySet, State
from atlas.plaintext import LineField, ParagraphField


class VocabularyQuerySet(SlugQuerySet):
    def with_case_counts(self):
        """Each term with the number of published cases that carry it."""
        published = Q(cases__state=State.PUBLISHED)
        return self.annotate(case_count=Count("cases", filter=published, distinct=True))


class Vocabulary(Slugged):
    """A term of a controlled vocabulary, shown in a fixed order."""

    name = LineField(_("name"), max_length=150)
    definition = ParagraphField(_("definition"), blank=True)
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
    # The explicit "not specific to one pathway" value: a classified case always says which
    # pathway it concerns, or that it concerns none in particular.
    NOT_SPECIFIC = "not-specific"

    class Meta(Vocabulary.Meta):
        verbose_name = _("pathway type")
        verbose_name_plural = _("pathway types")

    def get_absolute_url(self):
        return reverse("cases:pathway-detail", args=[self.slug])

    @property
    def is_specific(self):
        return self.slug != self.NOT_SPECIFIC


class PathwayExample(models.Model):
    pathway_type = models.ForeignKey(PathwayType, on_delete=models.CASCADE, related_name="examples")
    name = LineField(_("name"), max_length=200)
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
    title = LineField(_("title"), max_length=300)

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
