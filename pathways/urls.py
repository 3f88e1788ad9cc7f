from django.urls import path

from pathways import views

app_name = "pathways"
urlpatterns = [
    path("networks/", views.NetworkListView.as_view(), name="network-list"),
    path("recommendations/", views.RecommendationListView.as_view(), name="recommendation-list"),
    path("publications/", views.PublicationListView.as_view(), name="publication-list"),
]
