"""Synthetic data at scale, for the benchmarks (bench/) and the scale tests: the papers' data
plus a catalogue of the shape a global repository would hold — 5,100 places in 63 countries,
skewed towards Europe, 560 networks, 1,000 organisations, and as many cases as asked, each
with 1–3 roles and pathway types, a program category, GCM objectives, years, a status and
citations of the papers' publications.

Every synthetic record says what it is: its slug begins with `synthetic-` and each case's
citation carries SYNTHETIC_NOTE, so nothing generated can be mistaken for the papers' data.
The same seed gives the same records (ids and timestamps aside).

Rows are written with `bulk_create` in chunks, which skips `save()`; the columns `save()`
derives (a case's `search_title`/`search_text`, a place's `search_name` and world regions)
are filled here with the functions `save()` uses. History rows are not written.
"""

import random
import time
from dataclasses import dataclass, field
from itertools import accumulate

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation

from atlas.models import State
from cases.models import (
    Case,
    CaseGCMObjective,
    CasePathwayType,
    CaseRole,
    CountryRegion,
    Organisation,
    Place,
)
from pathways.models import (
    Citation,
    CityRole,
    GCMObjective,
    Network,
    PathwayType,
    ProgramCategory,
    Publication,
)

PREFIX = "synthetic-"
SYNTHETIC_NOTE = "Synthetic record generated for benchmarking; not from this publication."
PLACES = 5100
NETWORKS = 560
ORGANISATIONS = 1000
CHUNK = 5000

# 63 countries of the M49 table with a rough centre (latitude, longitude) and a weight: the
# catalogue leans towards Europe, as the papers' sources do.
COUNTRIES = {
    # Europe: 28 countries, most of the weight
    "DE": (51.2, 10.4, 9), "FR": (46.6, 2.4, 9), "IT": (42.8, 12.6, 8), "ES": (40.4, -3.7, 8),
    "GB": (53.0, -1.5, 7), "NL": (52.2, 5.3, 5), "BE": (50.6, 4.6, 4), "SE": (60.1, 15.6, 4),
    "AT": (47.6, 14.1, 3), "CH": (46.8, 8.2, 3), "PT": (39.6, -8.0, 3), "GR": (39.1, 22.0, 3),
    "PL": (52.1, 19.4, 3), "DK": (56.0, 10.0, 2), "FI": (62.0, 25.7, 2), "NO": (61.0, 9.0, 2),
    "IE": (53.2, -8.0, 2), "CZ": (49.8, 15.5, 2), "HU": (47.2, 19.5, 1), "RO": (45.9, 24.9, 1),
    "BG": (42.7, 25.5, 1), "HR": (45.1, 15.2, 1), "SI": (46.1, 14.8, 1), "SK": (48.7, 19.7, 1),
    "LT": (55.2, 23.9, 1), "LV": (56.9, 24.6, 1), "EE": (58.6, 25.0, 1), "LU": (49.8, 6.1, 1),
    # Americas: 13
    "US": (39.8, -98.6, 6), "CA": (56.1, -106.3, 3), "MX": (23.6, -102.6, 3),
    "BR": (-14.2, -51.9, 3), "CO": (4.6, -74.3, 3), "AR": (-38.4, -63.6, 2),
    "CL": (-35.7, -71.5, 2), "PE": (-9.2, -75.0, 2), "EC": (-1.8, -78.2, 1),
    "CR": (9.7, -83.8, 1), "HN": (15.2, -86.2, 1), "DO": (18.7, -70.2, 1), "GT": (15.8, -90.2, 1),
    # Asia: 10
    "TR": (39.0, 35.2, 2), "LB": (33.9, 35.9, 1), "JO": (31.0, 36.0, 1), "PH": (12.9, 121.8, 1),
    "ID": (-0.8, 113.9, 1), "IN": (20.6, 79.0, 1), "JP": (36.2, 138.3, 1), "KR": (35.9, 127.8, 1),
    "TH": (15.9, 101.0, 1), "BD": (23.7, 90.4, 1),
    # Africa: 9
    "MA": (31.8, -7.1, 1), "TN": (33.9, 9.5, 1), "UG": (1.4, 32.3, 1), "KE": (-0.0, 37.9, 1),
    "ZA": (-30.6, 22.9, 1), "NG": (9.1, 8.7, 1), "GH": (7.9, -1.0, 1), "SN": (14.5, -14.5, 1),
    "SL": (8.5, -11.8, 1),
    # Oceania: 3
    "AU": (-25.3, 133.8, 2), "NZ": (-40.9, 174.9, 1), "FJ": (-17.7, 178.1, 1),
}  # fmt: skip

SYLLABLES = [
    "val", "mar", "bor", "san", "ter", "lin", "ros", "ber", "cas", "mon", "ville", "burg",
    "ford", "ena", "ova", "ía", "sé", "lau", "gen", "dorf", "ham", "polis", "né", "ão", "ka",
]  # fmt: skip
ACTIONS = [
    "Welcome centre", "Language courses", "Legal advice desk", "Job matching programme",
    "Mentoring scheme", "School enrolment support", "Health access point", "Citizenship days",
    "Community sponsorship", "Skills recognition service", "Local ID card", "Youth club",
    "Anti-discrimination office", "Business start-up support", "Civic participation council",
]  # fmt: skip
GROUPS = [
    "refugees", "asylum seekers", "labour migrants", "newcomers", "displaced families",
    "unaccompanied minors", "international students", "returnees", "seasonal workers",
]  # fmt: skip
# Words that neither contain nor are contained in "housing", so that exactly the cases given
# HOUSING_SENTENCE match a search for it.
TOPICS = [
    "employment", "education", "health care", "language learning", "legal status",
    "social cohesion", "entrepreneurship", "digital skills", "family reunification",
]  # fmt: skip
HOUSING_SENTENCE = "It also helps newcomers find affordable housing in the city."
HOUSING_SHARE = 0.18
TRANSLATED_SHARE = 0.3
STATES = [(State.PUBLISHED, 85), (State.DRAFT, 7), (State.REVIEW, 2), (State.ARCHIVED, 6)]
STATUSES = [
    (Case.Status.ACTIVE, 45),
    (Case.Status.ENDED, 20),
    (Case.Status.PILOT, 10),
    (Case.Status.PROPOSED, 5),
    (Case.Status.UNKNOWN, 20),
]
KINDS = [
    (Case.Kind.PRACTICE, 80),
    (Case.Kind.COMMITMENT, 6),
    (Case.Kind.EVENT, 5),
    (Case.Kind.DOCUMENT, 4),
    (Case.Kind.NETWORK_INITIATIVE, 5),
]
DEPTHS = [(Case.Depth.PRACTICE, 75), (Case.Depth.MENTION, 25)]


def skewed(rng, population, k=1, exponent=1.0):
    """`k` distinct items, the first ones of `population` much likelier (Zipf-like)."""
    weights = [1 / (rank + 1) ** exponent for rank in range(len(population))]
    return sample_weighted(rng, population, list(accumulate(weights)), k)


def sample_weighted(rng, population, cumulative, k):
    chosen = []
    while len(chosen) < min(k, len(population)):
        item = rng.choices(population, cum_weights=cumulative)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


def weighted(rng, pairs):
    return rng.choices([value for value, _ in pairs], weights=[w for _, w in pairs])[0]


def invented_name(rng):
    parts = rng.randint(2, 3)
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


@dataclass
class Report:
    counts: dict = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self):
        made = ", ".join(f"{n:,} {name}" for name, n in self.counts.items())
        return f"{made} in {self.seconds:.1f} s"


def world_regions():
    """Each country's derived M49 areas (ids), as `Place.derive_world_regions` gives them."""
    areas = {}
    for code in COUNTRIES:
        probe = Place(country=code)
        probe.derive_world_regions()
        if probe.region_id is None:
            raise ValueError(f"{code} is not in the M49 table (fixtures/m49.yaml)")
        areas[code] = (probe.region_id, probe.subregion_id, probe.intermediate_region_id)
    return areas


def make_places(rng):
    """PLACES places over the countries, in proportion to their weight; within a country the
    first places are the likeliest to act (a capital and big cities)."""
    areas = world_regions()
    total = sum(weight for *_, weight in COUNTRIES.values())
    places = []
    for code, (lat, lon, weight) in COUNTRIES.items():
        share = max(5, round(PLACES * weight / total))
        for _ in range(share):
            places.append((code, lat, lon))
    places = places[:PLACES]
    while len(places) < PLACES:
        places.append(places[len(places) % len(COUNTRIES)])
    records = []
    for n, (code, lat, lon) in enumerate(places):
        name = invented_name(rng)
        aliases = [invented_name(rng)] if rng.random() < 0.1 else []
        region, subregion, intermediate = areas[code]
        records.append(
            Place(
                slug=f"{PREFIX}place-{n}",
                name=name,
                aliases=aliases,
                level=weighted(rng, [("city", 85), ("region", 8), ("province", 4), ("county", 3)]),
                country=code,
                region_id=region,
                subregion_id=subregion,
                intermediate_region_id=intermediate,
                latitude=round(max(-89.0, min(89.0, lat + rng.uniform(-2, 2))), 5),
                longitude=round(max(-179.0, min(179.0, lon + rng.uniform(-2, 2))), 5),
            )
        )
        records[-1].derive_search_name()
    Place.objects.bulk_create(records, batch_size=1000)
    return list(Place.objects.filter(slug__startswith=PREFIX).order_by("pk"))


def make_networks(rng):
    regions = [value for value, _ in Network.Region.choices]
    records = [
        Network(
            slug=f"{PREFIX}network-{n}",
            name=f"{invented_name(rng)} Cities Network",
            acronym=f"SCN{n}",
            scope=weighted(rng, [("global", 15), ("regional", 45), ("national", 40)]),
            region=rng.choice(regions),
            structure=rng.choice(["horizontal", "vertical", "hybrid"]),
            founded_year=rng.randint(1980, 2023),
            state=State.PUBLISHED,
        )
        for n in range(NETWORKS)
    ]
    Network.objects.bulk_create(records, batch_size=1000)
    return list(Network.objects.filter(slug__startswith=PREFIX).order_by("pk"))


def make_organisations(rng):
    kinds = [value for value, _ in Organisation.Kind.choices]
    records = [
        Organisation(
            slug=f"{PREFIX}organisation-{n}",
            name=f"{invented_name(rng)} {rng.choice(['Foundation', 'Agency', 'Association'])}",
            kind=rng.choice(kinds),
        )
        for n in range(ORGANISATIONS)
    ]
    Organisation.objects.bulk_create(records, batch_size=1000)
    return list(Organisation.objects.filter(slug__startswith=PREFIX).order_by("pk"))


@dataclass
class Vocabularies:
    roles: list
    pathways: list
    categories: list
    objectives: list
    publications: list

    @classmethod
    def load(cls):
        return cls(
            roles=list(CityRole.objects.order_by("order", "slug").values_list("pk", flat=True)),
            pathways=list(
                PathwayType.objects.order_by("order", "slug").values_list("pk", flat=True)
            ),
            categories=list(
                ProgramCategory.objects.order_by("order", "slug").values_list("pk", flat=True)
            ),
            objectives=list(GCMObjective.objects.order_by("number").values_list("pk", flat=True)),
            publications=list(Publication.objects.order_by("slug").values_list("pk", flat=True)),
        )


def case_texts(rng, place):
    action = rng.choice(ACTIONS)
    group = rng.choice(GROUPS)
    topic = rng.choice(TOPICS)
    title = f"{action} for {group} in {place.name}"
    summary = f"{place.name} offers {group} support with {topic}."
    sentences = [
        f"The {action.lower()} of {place.name} works with {group} on {topic}.",
        f"It started as a pilot and is run with local partners on {rng.choice(TOPICS)}.",
    ]
    if rng.random() < HOUSING_SHARE:
        sentences.append(HOUSING_SENTENCE)
    texts = {"title_en": title, "summary_en": summary, "description_en": " ".join(sentences)}
    if rng.random() < TRANSLATED_SHARE:
        texts |= {
            "title_es": f"{action} (programa) en {place.name}",
            "summary_es": f"{place.name} ofrece apoyo en regularización y {topic}.",
            "title_fr": f"{action} (programme) à {place.name}",
            "summary_fr": f"{place.name} propose un accompagnement en régularisation.",
        }
    return texts


def make_cases(rng, count, start, places, place_weights, networks, organisations, words):
    """One chunk of cases and their links; returns the number of link rows written."""
    case_type = ContentType.objects.get_for_model(Case)
    drafts = []
    for n in range(start, start + count):
        how_many = weighted(rng, [(1, 80), (2, 15), (3, 5)])
        acting = sample_weighted(rng, places, place_weights, how_many)
        texts = case_texts(rng, acting[0])
        start_year = rng.randint(1995, 2025) if rng.random() < 0.85 else None
        end_year = None
        status = weighted(rng, STATUSES)
        if start_year and status == Case.Status.ENDED:
            end_year = min(2026, start_year + rng.randint(0, 10))
        case = Case(
            slug=f"{PREFIX}case-{n}",
            title=texts["title_en"],
            summary=texts["summary_en"],
            description=texts["description_en"],
            **texts,
            kind=weighted(rng, KINDS),
            depth=weighted(rng, DEPTHS),
            status=status,
            start_year=start_year,
            end_year=end_year,
            state=weighted(rng, STATES),
            program_category_id=rng.choice(words.categories) if rng.random() < 0.9 else None,
            actor_network_id=rng.choice(networks) if rng.random() < 0.03 else None,
        )
        case.derive_search_columns()
        links = {
            "places": [p.pk for p in acting],
            "roles": skewed(rng, words.roles, rng.randint(1, 3)),
            "pathways": skewed(rng, words.pathways, rng.randint(1, 3)),
            "objectives": rng.sample(words.objectives, rng.randint(0, 3)),
            "partners": skewed(rng, organisations, rng.choice([0, 0, 1, 1, 2, 3]), 0.8),
            "networks": skewed(rng, networks, rng.choice([0, 0, 0, 1, 1, 2]), 0.8),
            "publications": rng.sample(words.publications, rng.choice([1, 1, 2])),
            "basis": rng.choice(["stated", "classified"]),
        }
        drafts.append((case, links))
    created = Case.objects.bulk_create([case for case, _ in drafts], batch_size=1000)
    rows = {"places": [], "roles": [], "pathways": [], "objectives": [], "partners": []}
    rows |= {"networks": [], "citations": []}
    for case, (_, links) in zip(created, drafts, strict=True):
        pk = case.pk
        rows["places"] += [Case.places.through(case_id=pk, place_id=p) for p in links["places"]]
        rows["roles"] += [
            CaseRole(case_id=pk, role_id=r, basis=links["basis"]) for r in links["roles"]
        ]
        rows["pathways"] += [
            CasePathwayType(case_id=pk, pathway_type_id=p, basis=links["basis"])
            for p in links["pathways"]
        ]
        rows["objectives"] += [
            CaseGCMObjective(case_id=pk, objective_id=o, primary=i == 0)
            for i, o in enumerate(links["objectives"])
        ]
        rows["partners"] += [
            Case.partners.through(case_id=pk, organisation_id=o) for o in links["partners"]
        ]
        rows["networks"] += [
            Case.networks.through(case_id=pk, network_id=o) for o in links["networks"]
        ]
        rows["citations"] += [
            Citation(
                content_type=case_type,
                object_id=pk,
                publication_id=publication,
                section="Synthetic",
                note=SYNTHETIC_NOTE,
                order=i,
            )
            for i, publication in enumerate(links["publications"])
        ]
    written = 0
    for objects in rows.values():
        if objects:
            type(objects[0]).objects.bulk_create(objects, batch_size=2000)
            written += len(objects)
    return written


def generate(cases, seed=1, *, progress=None):
    """Add the synthetic catalogue to the database the default connection holds, which must
    already have the papers' vocabularies (`load_atlas`). Returns a Report."""
    started = time.perf_counter()
    rng = random.Random(seed)
    say = progress or (lambda message: None)
    if Case.objects.filter(slug__startswith=PREFIX).exists():
        raise ValueError("this database already holds synthetic records")
    words = Vocabularies.load()
    if not (words.roles and words.pathways and words.categories and words.publications):
        raise ValueError("the papers' vocabularies are not loaded (load_atlas)")
    if not CountryRegion.objects.exists():
        raise ValueError("the M49 table is not loaded (load_atlas)")
    with translation.override("en"), transaction.atomic():
        places = make_places(rng)
        networks = [network.pk for network in make_networks(rng)]
        organisations = [organisation.pk for organisation in make_organisations(rng)]
    say(f"{len(places):,} places, {len(networks)} networks, {len(organisations)} organisations")
    # Likelier places: those of heavier countries, and within a country the first ones.
    rank = {}
    weights = []
    for place in places:
        rank[place.country.code] = rank.get(place.country.code, 0) + 1
        weights.append(COUNTRIES[place.country.code][2] / rank[place.country.code] ** 0.7)
    place_weights = list(accumulate(weights))
    links = 0
    for start in range(0, cases, CHUNK):
        count = min(CHUNK, cases - start)
        with translation.override("en"), transaction.atomic():
            links += make_cases(
                rng, count, start, places, place_weights, networks, organisations, words
            )
        say(f"{start + count:,} cases")
    report = Report(
        counts={
            "places": len(places),
            "networks": len(networks),
            "organisations": len(organisations),
            "cases": cases,
            "link rows": links,
        },
        seconds=time.perf_counter() - started,
    )
    return report
