from django.urls import path

from cases import explore, views

app_name = "cases"
urlpatterns = [
    path("cases/", views.CaseListView.as_view(), name="case-list"),
    path("cases/compare/", views.CompareView.as_view(), name="compare"),
    path("cases/<slug:slug>/", views.CaseDetailView.as_view(), name="case-detail"),
    path("places/<slug:slug>/", views.PlaceDetailView.as_view(), name="place-detail"),
    path("countries/<str:code>/", views.CountryView.as_view(), name="country-detail"),
    path("matrix/", explore.MatrixView.as_view(), name="matrix"),
    path("map/", explore.MapView.as_view(), name="map"),
    path("map/places.geojson", explore.PlacesGeoJSONView.as_view(), name="places-geojson"),
    path("search/", explore.SearchView.as_view(), name="search"),
]
