from django.urls import path

from cases import changes, explore, suggestions, views
from cases.feeds import CaseFeed

app_name = "cases"
urlpatterns = [
    path("cases/", views.CaseListView.as_view(), name="case-list"),
    path("cases/compare/", views.CompareView.as_view(), name="compare"),
    path("cases/feed.atom", CaseFeed(), name="case-feed"),
    path("cases/export.<str:format>", explore.CaseExportView.as_view(), name="case-export"),
    path("places/export.<str:format>", explore.PlaceExportView.as_view(), name="place-export"),
    path("cases/<slug:slug>/", views.CaseDetailView.as_view(), name="case-detail"),
    path(
        "cases/<slug:slug>/cite.<citation_format:format>",
        views.CaseCitationView.as_view(),
        name="case-cite",
    ),
    path("places/<slug:slug>/", views.PlaceDetailView.as_view(), name="place-detail"),
    path("countries/<str:code>/", views.CountryView.as_view(), name="country-detail"),
    path("matrix/", explore.MatrixView.as_view(), name="matrix"),
    path("map/", explore.MapView.as_view(), name="map"),
    path("map/places.geojson", explore.PlacesGeoJSONView.as_view(), name="places-geojson"),
    path("search/", explore.SearchView.as_view(), name="search"),
    path("suggest/", suggestions.SuggestView.as_view(), name="suggest"),
    path("suggest/thanks/", suggestions.SuggestThanksView.as_view(), name="suggest-thanks"),
    path("changes/", changes.ChangesView.as_view(), name="changes"),
    path("changes/feed.atom", changes.ChangesFeed(), name="changes-feed"),
]
