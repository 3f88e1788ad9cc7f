from django.conf import settings


def map_settings(request):
    return {
        "map_tiles": settings.ATLAS_MAP_TILES,
        "map_attribution": settings.ATLAS_MAP_ATTRIBUTION,
    }
