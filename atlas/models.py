"""Shapes shared by the atlas's records, and the loader's memory of what it loaded."""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import models, router, transaction
from django.db.models import Max
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext
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


class SaveRefused(Exception):
    """A save that may not happen; the message says why, for the editor. It is raised inside
    the save's transaction, so nothing of the refused save is kept."""


class StaleRecord(SaveRefused):
    """The record was saved by someone else since this copy of it was read."""

    def __init__(self, record, seen_version):
        self.record, self.seen_version = record, seen_version
        super().__init__(
            gettext(
                "“%(record)s” was saved by someone else meanwhile, so this change was not "
                "saved: reload it and try again."
            )
            % {"record": record}
        )


class Publishable(Slugged, Timestamped):
    """A curated record: editors work on drafts, the public sees only what is published.

    `version` grows with every save, and a save writes only over the version it read: an
    editor saving over a change made since they opened the record is refused instead of
    silently overwriting it (optimistic locking, see `save`).
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
        """Save, provided the stored record is still the version this copy holds.

        The check is one conditional UPDATE (`… SET version = v + 1 WHERE pk = … AND
        version = v`), not a read then a compare: of two saves at the same moment the
        database lets one match and the other find no row, so the second raises `StaleRecord`
        and nothing of it is written. django-concurrency does the same through a private
        hook of Django's and a field of its own; this is a few lines of public API on the
        field we have, and keeps the versions consecutive for the stale-save message."""
        if self._state.adding:
            return super().save(*args, **kwargs)
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        seen = self.version
        try:
            with transaction.atomic(using=using):
                self.claim_next_version(using)
                super().save(*args, **kwargs)
        except Exception:
            self.version = seen  # this copy is as stale or as fresh as it was before
            raise

    def claim_next_version(self, using):
        stored = type(self)._base_manager.using(using).filter(pk=self.pk, version=self.version)
        if not stored.update(version=self.version + 1):
            raise StaleRecord(self, self.version)
        self.version += 1

    def publication_problems(self):
        """What the record lacks to be published; an empty list when it lacks nothing."""
        if hasattr(self, "citations") and not self.citations.exists():
            return [_("it cites no source")]
        return []

    @property
    def is_published(self):
        return self.state == State.PUBLISHED


DATASET_VERSION_KEY = "dataset-version"
# Saves and deletes forget the cached version at once; the time limit bounds what a bulk
# `QuerySet.update()`, which sends no signal, could leave stale.
DATASET_VERSION_TIMEOUT = 10 * 60


def dataset_version():
    """The date of the last change to a published record: what an export or citation holds
    as of. Every curated (publishable) model counts, whichever app declares it. Cached in the
    shared cache, because it takes one aggregate query per curated model and the home page,
    every case page and the codebook show it."""
    return cache.get_or_set(DATASET_VERSION_KEY, latest_change_date, DATASET_VERSION_TIMEOUT)


def latest_change_date():
    latest = [
        model.objects.published().aggregate(latest=Max("updated_at"))["latest"]
        for model in apps.get_models()
        if issubclass(model, Publishable)
    ]
    latest = [moment for moment in latest if moment]
    return max(latest).date().isoformat() if latest else "empty"


@receiver(post_save)
@receiver(post_delete)
def forget_dataset_version(sender, using, **kwargs):
    """Forget the cached version when a curated record changes: now, for the rest of this
    transaction, and again when it commits, since a request that read the old rows meanwhile
    may have cached the old answer."""
    if issubclass(sender, Publishable):
        cache.delete(DATASET_VERSION_KEY)
        transaction.on_commit(lambda: cache.delete(DATASET_VERSION_KEY), using=using)


class LoadedRecord(models.Model):
    """What `load_atlas` last wrote for a record, as a hash of its fixture form.

    Comparing it with the record's current form tells an editor's change apart from a
    fixture change, so the loader can update the second and report the first as a conflict.
    A row whose record is gone is the durable trace of a deletion, whichever way the record
    was deleted (the admin, a merge, the shell): the loader skips that record.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    # The record's fixture key (slug, code, …): after an editor deletes the record this row
    # stays, and tells the loader not to create it again.
    key = models.CharField(max_length=200, blank=True, default="")
    fixture_hash = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="loaded_record_unique_target"
            )
        ]
        indexes = [models.Index(fields=["content_type", "key"], name="loaded_record_key")]

    def __str__(self):
        return f"{self.content_type.model} #{self.object_id}"
