"""The site's URLs plus one page that fails, to see what a visitor sees of a server error."""

from django.urls import path

from config.urls import handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("a deliberately broken page")


urlpatterns = [path("broken/", broken), *site_urlpatterns]
