"""History of a whole record: its own columns (django-simple-history) and its related rows.

A curated model names its declaration (`record_type`) and gives its history the base
`RelatedHistory`; every historical version then also holds a snapshot of the record's relations
(places, roles, figures, citations, …) in the declared fields' normalised forms, so that a
revert restores the whole record and not only its own table.
"""

from django.db import models
from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record


class RelatedHistory(models.Model):
    related = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True


@receiver(pre_create_historical_record)
def snapshot_related(sender, instance, history_instance, **kwargs):
    if isinstance(history_instance, RelatedHistory):
        history_instance.related = instance.record_type.snapshot(instance)


def record_related(record):
    """Bring the latest version's snapshot up to date. A form saves the record before its
    relations (inlines, many-to-many fields), so the version written on save has the old ones."""
    latest = record.history.order_by("-history_date", "-history_id").first()
    if latest is not None and isinstance(latest, RelatedHistory):
        latest.related = record.record_type.snapshot(record)
        latest.save(update_fields=["related"])


def restore_related(record, version):
    record.record_type.restore(record, version.related)
    record_related(record)
