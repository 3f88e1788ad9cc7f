"""Shapes shared by the atlas's records, and the loader's memory of what it loaded."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SlugQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Slugged(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    objects = SlugQuerySet.as_manager()

    class Meta:
        abstract = True

    def natural_key(self):
        return (self.slug,)


class Timestamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(SlugQuerySet):
    def published(self):
        return self.filter(state=State.PUBLISHED)


class Publishable(Slugged, Timestamped):
    """A curated record: editors work on drafts, the public sees only what is published."""

    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.state == State.PUBLISHED


class LoadedRecord(models.Model):
    """What `load_atlas` last wrote for a record, as a hash of its fixture form.

    Comparing it with the record's current form tells an editor's change apart from a
    fixture change, so the loader can update the second and report the first as a conflict.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    fixture_hash = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="loaded_record_unique_target"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model} #{self.object_id}"
