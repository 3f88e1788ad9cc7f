from django.urls import path

from pathways import views

app_name = "pathways"
urlpatterns = [
    path("networks/", views.NetworkListView.as_view(), name="network-list"),
    path("networks/export.<str:format>", views.NetworkExportView.as_view(), name="network-export"),
    path("network-counts/", views.NetworkCountView.as_view(), name="network-counts"),
    path(
        "network-counts/export.<str:format>",
        views.NetworkCountExportView.as_view(),
        name="network-count-export",
    ),
    path("recommendations/", views.RecommendationListView.as_view(), name="recommendation-list"),
    path(
        "recommendations/export.<str:format>",
        views.RecommendationExportView.as_view(),
        name="recommendation-export",
    ),
    path(
        "recommendations/<slug:slug>/",
        views.RecommendationDetailView.as_view(),
        name="recommendation-detail",
    ),
    path("publications/", views.PublicationListView.as_view(), name="publication-list"),
    path(
        "publications/cite.<citation_format:format>",
        views.publication_citations,
        name="publication-cite",
    ),
]
