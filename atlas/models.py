"""Shapes shared by the atlas's records, and the loader's memory of what it loaded."""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Max
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


def editor(verbose_name):
    """Who did something to a record; kept as empty if their account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class PublishableQuerySet(SlugQuerySet):
    def published(self):
        return self.filter(state=State.PUBLISHED)


class Publishable(Slugged, Timestamped):
    """A curated record: editors work on drafts, the public sees only what is published.

    `version` grows with every save, so that an editor saving over a change made since they
    opened the record is refused instead of silently overwriting it (optimistic locking).
    """

    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    state_changed_at = models.DateTimeField(_("state changed"), null=True, blank=True)
    state_changed_by = editor(_("state changed by"))
    created_by = editor(_("created by"))
    updated_by = editor(_("last changed by"))
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        # Publishing is a permission of its own on every curated model (`publish_case`, …):
        # the workflow asks for it, and the Publishers group holds it.
        default_permissions = ("add", "change", "delete", "view", "publish")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            self.version += 1
        super().save(*args, **kwargs)

    def publication_problems(self):
        """What the record lacks to be published; an empty list when it lacks nothing."""
        if hasattr(self, "citations") and not self.citations.exists():
            return [_("it cites no source")]
        return []

    @property
    def is_published(self):
        return self.state == State.PUBLISHED


def dataset_version():
    """The date of the last change to a published record: what an export or citation holds
    as of. Every curated (publishable) model counts, whichever app declares it."""
    latest = [
        model.objects.published().aggregate(latest=Max("updated_at"))["latest"]
        for model in apps.get_models()
        if issubclass(model, Publishable)
    ]
    latest = [moment for moment in latest if moment]
    return max(latest).date().isoformat() if latest else "empty"


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
