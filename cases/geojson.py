"""The places of a set of cases as GeoJSON: the map's data and the GeoJSON export."""

from cases.models import Case, Place


def places_geojson(cases, constraint=None, cases_per_place=None):
    """The located places of the cases, each with its cases, as a GeoJSON FeatureCollection."""
    places = Place.objects.of_cases(cases, constraint).exclude(latitude=None)
    titles = {}
    through = Case.places.through.objects.filter(case__in=cases.values("pk"), place__in=places)
    for row in through.select_related("case").order_by("case__title"):
        titles.setdefault(row.place_id, []).append(row.case)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(p.longitude), float(p.latitude)]},
            "properties": {
                "name": p.name,
                "slug": p.slug,
                "url": p.get_absolute_url(),
                "country": p.country.code,
                "case_count": p.case_count,
                "cases": [
                    {"slug": c.slug, "title": c.title, "url": c.get_absolute_url()}
                    for c in titles.get(p.pk, [])[:cases_per_place]
                ],
            },
        }
        for p in places
    ]
    return {"type": "FeatureCollection", "features": features}
