from django.urls import path

from cases import changes, suggestions
from cases.feeds import CaseFeed
from cases.views import catalogue, exports, map, matrix, places, terms

app_name = "cases"
urlpatterns = [
    path("cases/", catalogue.CaseListView.as_view(), name="case-list"),
    path("cases/compare/", catalogue.CompareView.as_view(), name="compare"),
    path("cases/feed.atom", CaseFeed(), name="case-feed"),
    path("cases/export.<str:format>", exports.CaseExportView.as_view(), name="case-export"),
    path("places/export.<str:format>", exports.PlaceExportView.as_view(), name="place-export"),
    path("cases/<slug:slug>/", catalogue.CaseDetailView.as_view(), name="case-detail"),
    path(
        "cases/<slug:slug>/cite.<citation_format:format>",
        catalogue.CaseCitationView.as_view(),
        name="case-cite",
    ),
    path("places/<slug:slug>/", places.PlaceDetailView.as_view(), name="place-detail"),
    path("countries/<str:code>/", places.CountryView.as_view(), name="country-detail"),
    path("regions/<m49:code>/", places.RegionDetailView.as_view(), name="region-detail"),
    path("networks/<slug:slug>/", terms.NetworkDetailView.as_view(), name="network-detail"),
    path("pathways/<slug:slug>/", terms.PathwayTypeDetailView.as_view(), name="pathway-detail"),
    path("roles/<slug:slug>/", terms.CityRoleDetailView.as_view(), name="role-detail"),
    path("gcm/<number:number>/", terms.GCMObjectiveDetailView.as_view(), name="gcm-detail"),
    path(
        "publications/<slug:slug>/",
        terms.PublicationDetailView.as_view(),
        name="publication-detail",
    ),
    path("financing/", terms.FinancingMechanismListView.as_view(), name="financing-list"),
    path("frameworks/", terms.RegionalFrameworkListView.as_view(), name="framework-list"),
    path("matrix/", matrix.MatrixView.as_view(), name="matrix"),
    path("map/", map.MapView.as_view(), name="map"),
    path("map/places.geojson", map.PlacesGeoJSONView.as_view(), name="places-geojson"),
    path("suggest/", suggestions.SuggestView.as_view(), name="suggest"),
    path("suggest/thanks/", suggestions.SuggestThanksView.as_view(), name="suggest-thanks"),
    path("changes/", changes.ChangesView.as_view(), name="changes"),
    path("changes/feed.atom", changes.ChangesFeed(), name="changes-feed"),
]
