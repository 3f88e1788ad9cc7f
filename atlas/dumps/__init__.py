"""`dumpdata` / `loaddata` formats that survive deleted records and keep generic relations.

Django's serializers, with two differences:

- A history row (django-simple-history) keeps naming a record after it is deleted, through a
  foreign key without a database constraint. With `--natural-foreign` Django looks the record
  up to write its natural key and the whole dump fails ("Case matching query does not exist").
  Such a reference is written as the primary key it holds, which loads back as it was.
- With `--natural-primary` Django leaves out the primary key of every model with a natural key,
  so a new database numbers the records afresh. Citations (a generic relation), the loader's
  memory and history rows name records by primary key, and would then point at the wrong
  ones. The project's own models therefore keep their primary keys; Django's own tables
  (content types, permissions, users, groups) still go by natural key, which is what the
  option is for: `migrate` has made them anew in the database a dump is loaded into.

`SERIALIZATION_MODULES` in the settings puts these in place of the json, jsonl and yaml
formats.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist


class KeepReferences:
    def handle_fk_field(self, obj, field):
        try:
            super().handle_fk_field(obj, field)
        except ObjectDoesNotExist:  # a history row naming a deleted record
            self._current[field.name] = self._value_from_field(obj, field)

    def get_dump_object(self, obj):
        data = super().get_dump_object(obj)
        if "pk" in data or not is_ours(type(obj)):
            return data
        pk = self._value_from_field(obj, obj._meta.pk)
        return {"model": data["model"], "pk": pk, "fields": data["fields"]}


def is_ours(model):
    """Whether the model belongs to one of this project's apps (not Django's or a library's,
    even when those are installed in a virtual environment inside the project)."""
    app = apps.get_app_config(model._meta.app_label)
    return Path(app.path).parent == Path(settings.BASE_DIR)
