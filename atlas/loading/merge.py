"""One practice cited by several papers is one record: merge the entries that share a key."""

from atlas.errors import FixtureError
from atlas.relations import combine


def merge_entries(kind, entries):
    groups = {}
    for entry in entries:
        groups.setdefault(str(entry[kind.key]), []).append(entry)
    return [merge_group(kind, key, group) for key, group in groups.items()]


def merge_group(kind, key, group):
    if kind.defining_field is None:
        if len(group) > 1:
            raise FixtureError(f"{kind.section} {key!r} is defined {len(group)} times")
        return group[0]
    definers = [entry for entry in group if kind.defining_field in entry]
    if len(definers) != 1:
        raise FixtureError(
            f"{kind.section} {key!r} needs exactly one entry with {kind.defining_field!r}, "
            f"has {len(definers)}"
        )
    merged = dict(definers[0])
    missing = [name for name in kind.required if name not in merged]
    if missing:
        raise FixtureError(f"{kind.section} {key!r} does not say its {', '.join(missing)}")
    for extension in group:
        if extension is definers[0]:
            continue
        extra = set(extension) - {kind.key, "citations", *kind.extendable}
        if extra:
            raise FixtureError(f"{kind.section} {key!r}: an extending entry sets {sorted(extra)}")
        for name, value in extension.items():
            if name != kind.key:
                merged[name] = combine(merged.get(name), value)
    return merged
