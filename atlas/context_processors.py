from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url
from django.utils.translation import get_language_info

from atlas.parameters import without_empty


def map_settings(request):
    return {
        "map_tiles": settings.ATLAS_MAP_TILES,
        "map_attribution": settings.ATLAS_MAP_ATTRIBUTION,
    }


def languages(request):
    """This page in every language of the site, for the switcher and the hreflang links.

    The query keeps what filters the page and drops the empty fields a plain GET form sends.
    hreflang links are absolute where the host is one we serve; the 400 page answering a
    request for another host must not ask for it again, so it links by path."""
    query = without_empty(request.GET).urlencode()
    here = request.path + (f"?{query}" if query else "")
    try:
        origin = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        origin = ""
    pages = []
    for code, _ in settings.LANGUAGES:
        url = translate_url(here, code)
        name = get_language_info(code)["name_local"]
        pages.append({"code": code, "name": name, "url": url, "absolute_url": origin + url})
    return {"page_languages": pages}
