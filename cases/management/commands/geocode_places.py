from pathlib import Path

import yaml
from django.conf import settings
from django.core.management.base import BaseCommand

from cases.gazetteer import city_index, locate


class PlacesDumper(yaml.SafeDumper):
    """One key a line, short lists (aliases) inline: a coordinate change is a one-line diff."""

    def represent_list(self, data):
        inline = all(not isinstance(item, dict | list) for item in data)
        return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=inline)


PlacesDumper.add_representer(list, PlacesDumper.represent_list)


class Command(BaseCommand):
    help = (
        "Fill the coordinates of fixtures/places.yaml from the GeoNames gazetteer "
        "(needs the `geo` extra). Places it cannot match keep empty coordinates."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=settings.BASE_DIR / "fixtures" / "places.yaml")

    def handle(self, *args, file, **options):
        path = Path(file)
        header = "".join(line for line in path.open(encoding="utf-8") if line.startswith("#"))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        index = city_index()
        found = 0
        for place in data["places"]:
            city = locate(place, index)
            for key in ("latitude", "longitude", "geonames_id"):
                place.pop(key, None)
            if city is not None:
                found += 1
                place["latitude"] = round(city["latitude"], 5)
                place["longitude"] = round(city["longitude"], 5)
                place["geonames_id"] = city["geonameid"]
            else:
                self.stdout.write(f"no match: {place['slug']} ({place.get('level')})")
        body = yaml.dump(data, Dumper=PlacesDumper, sort_keys=False, allow_unicode=True, width=100)
        path.write_text(header + body, encoding="utf-8")
        self.stdout.write(f"geocode_places: {found} of {len(data['places'])} places located")
