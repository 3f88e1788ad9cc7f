"""Load fixture files into the database without ever losing an editor's work.

For every record the loader remembers a hash of the form it last wrote (`LoadedRecord`).
On each run it compares three forms of a record — the fixture now, the database now, and
what it last loaded — and so knows whether the fixture changed (update), the editor changed
it (keep theirs), or both did (report a conflict and keep theirs). A record it loaded once and
that is gone was deleted by an editor: it is reported, not created again.
"""

import dataclasses
import hashlib
import json
from collections import Counter

import yaml
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation

from atlas.errors import FixtureError
from atlas.fields import Finder
from atlas.history import record_related
from atlas.loading.merge import merge_entries
from atlas.models import LoadedRecord, State

CITATION_KEYS = ("section", "heading", "locator", "note")


@dataclasses.dataclass
class Report:
    counts: Counter = dataclasses.field(default_factory=Counter)
    conflicts: list = dataclasses.field(default_factory=list)
    skipped: list = dataclasses.field(default_factory=list)

    def count(self, outcome, kind):
        self.counts[outcome, kind.section] += 1

    def total(self, outcome):
        return sum(n for (name, _), n in self.counts.items() if name == outcome)

    def summary(self):
        outcomes = ("created", "updated", "unchanged", "kept", "conflict")
        return ", ".join(f"{self.total(outcome)} {outcome}" for outcome in outcomes)


def read_fixtures(paths, kinds):
    """Every entry of every file, grouped by record kind, with its citations gathered; and the
    translations files' texts, by kind and record key."""
    kinds = {kind.section: kind for kind in kinds}
    entries = {section: [] for section in kinds}
    translations = {section: {} for section in kinds}
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if "language" in data:
            read_translations(path, data, kinds, translations)
            continue
        publication = data.pop("publication", None)
        for section, items in data.items():
            if section not in kinds:
                raise FixtureError(f"{path.name}: unknown section {section!r}")
            kind = kinds[section]
            if isinstance(items, dict):  # a mapping keyed by the record key, as in m49.yaml
                items = [{kind.key: key, **(value or {})} for key, value in items.items()]
            for item in items or []:
                entries[section].append(with_citations(item, publication, kind, path))
    return entries, translations


def read_translations(path, data, kinds, translations):
    """A translations file: `language: es`, then per kind a mapping of record keys to texts."""
    language = data.pop("language")
    for section, texts in data.items():
        if section not in kinds:
            raise FixtureError(f"{path.name}: unknown section {section!r}")
        for key, fields in (texts or {}).items():
            translations[section].setdefault(str(key), {})[language] = fields


def with_citations(entry, publication, kind, path):
    entry = dict(entry)
    citations = [dict(citation) for citation in entry.pop("citations", None) or []]
    own = {key: entry.pop(key) for key in CITATION_KEYS if key in entry}
    if "section" in own:
        citations.append(own)
    elif own and citations:  # a note beside a `citations:` list belongs to the first of them
        citations[0] = {**own, **citations[0]}
    entry["citations"] = [{"publication": publication, **citation} for citation in citations]
    if entry.get("claims"):  # what this paper says where the papers disagree
        entry["claims"] = [{"publication": publication, **claim} for claim in entry["claims"]]
    allowed = {kind.key, "citations"} | {field.source for field in kind.fields}
    unknown = set(entry) - allowed
    if unknown:
        raise FixtureError(
            f"{path.name}: {kind.section} {entry.get(kind.key)!r}: unknown keys {sorted(unknown)}"
        )
    return entry


def fingerprint(form):
    return hashlib.sha256(json.dumps(form, sort_keys=True, default=str).encode()).hexdigest()


@transaction.atomic
@translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
def load_records(paths, kinds, *, recreate_deleted=False):
    """Load the files' entries, kind by kind in the order given (a record before those that
    refer to it), and report what was created, updated, kept, in conflict or skipped because
    an editor deleted it (created again only if `recreate_deleted`)."""
    report, context = Report(), Finder()
    entries, translations = read_fixtures(paths, kinds)
    for kind in kinds:
        merged = merge_entries(kind, entries[kind.section])
        for entry in merged:
            texts = translations[kind.section].pop(str(entry[kind.key]), None)
            if texts:
                entry["translations"] = texts
        if translations[kind.section]:
            unknown = sorted(translations[kind.section])
            raise FixtureError(f"translations of {kind.section} that do not exist: {unknown}")
        # Parents before children (recommended actions under their recommendation); the M49
        # table is already written top-down, so a stable sort keeps it so.
        for entry in sorted(
            merged, key=lambda entry: kind.section != "areas" and bool(entry.get("parent"))
        ):
            load_record(kind, entry, context, report, recreate_deleted)
    return report


def load_record(kind, entry, context, report, recreate_deleted):
    key = entry[kind.key]
    form = {field.name: field.from_entry(entry, context) for field in kind.fields}
    wanted = fingerprint(form)
    loads = LoadedRecord.objects.filter(content_type=ContentType.objects.get_for_model(kind.model))
    obj = kind.model.objects.filter(**{kind.key: key}).first()
    if obj is None and not recreate_deleted and loads.filter(key=str(key)).exists():
        report.skipped.append(f"{kind.model._meta.verbose_name} {key!r} ({deletion(kind, key)})")
        return
    if obj is None:
        obj = write(kind, kind.model(**{kind.key: key}), form, context)
        remember_load(obj, wanted, key)
        report.count("created", kind)
    else:
        loaded = loads.filter(object_id=obj.pk).first()
        if loaded and not loaded.key:  # remembered before keys were: remember it once
            loads.filter(pk=loaded.pk).update(key=str(key))
        last_loaded = loaded.fixture_hash if loaded else None
        current = fingerprint({field.name: field.from_db(obj) for field in kind.fields})
        if wanted == last_loaded:
            report.count("kept" if current != wanted else "unchanged", kind)
        elif current == wanted:
            remember_load(obj, wanted, key)
            report.count("unchanged", kind)
        elif current == last_loaded:
            write(kind, obj, form, context)
            remember_load(obj, wanted, key)
            report.count("updated", kind)
        else:
            report.count("conflict", kind)
            report.conflicts.append(
                f"{kind.model._meta.verbose_name} {key!r} was changed in the database since it "
                "was loaded; the fixture's new version was not applied"
            )
    context.remember(kind.model, kind.key, key, obj)


def write(kind, obj, form, context):
    for field in kind.fields:
        if not field.after_save:
            field.apply(obj, form[field.name], context)
    try:
        obj.full_clean(validate_unique=False, validate_constraints=True)
    except ValidationError as error:
        raise FixtureError(f"{kind.section} {form!r:.80}: {error.messages}") from None
    obj.save()
    for field in kind.fields:
        if field.after_save:
            field.apply(obj, form[field.name], context)
    refuse_unpublishable(kind, obj)
    if hasattr(obj, "record_type"):
        record_related(obj)  # its history was written on save, before the relations
    return obj


def refuse_unpublishable(kind, obj):
    """The papers' records meet the publishing rule editors meet in the admin."""
    if getattr(obj, "state", None) != State.PUBLISHED or not hasattr(obj, "publication_problems"):
        return
    problems = obj.publication_problems()
    if problems:
        raise FixtureError(
            f"{kind.section} {getattr(obj, kind.key)!r} cannot be published: "
            + "; ".join(str(problem) for problem in problems)
        )


def remember_load(obj, fixture_hash, key):
    LoadedRecord.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        defaults={"fixture_hash": fixture_hash, "key": str(key)},
    )


def deletion(kind, key):
    """Who deleted the record and when, as far as its history (if it keeps one) tells."""
    history = getattr(kind.model, "history", None)
    removal = history and history.filter(history_type="-", **{kind.key: key}).first()
    if not removal:
        return "deleted"
    who = removal.history_user or "someone"
    return f"deleted by {who} on {timezone.localdate(removal.history_date).isoformat()}"
