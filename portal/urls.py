from django.urls import path

from portal import views

app_name = "portal"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("data/", views.CodebookView.as_view(), name="codebook"),
    path("search/", views.SearchView.as_view(), name="search"),
]
