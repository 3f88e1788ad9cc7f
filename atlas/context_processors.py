from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info


def map_settings(request):
    return {
        "map_tiles": settings.ATLAS_MAP_TILES,
        "map_attribution": settings.ATLAS_MAP_ATTRIBUTION,
    }


def languages(request):
    """This page in every language of the site, for the switcher and the hreflang links."""
    here = request.get_full_path()
    return {
        "page_languages": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": translate_url(here, code),
            }
            for code, _ in settings.LANGUAGES
        ]
    }
