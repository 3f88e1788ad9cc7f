from django.urls import path

from pathways import views

app_name = "pathways"
urlpatterns = [
    path("networks/", views.NetworkListView.as_view(), name="network-list"),
    path("networks/export.<str:format>", views.NetworkExportView.as_view(), name="network-export"),
    path("networks/<slug:slug>/", views.NetworkDetailView.as_view(), name="network-detail"),
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
    path("financing/", views.FinancingMechanismListView.as_view(), name="financing-list"),
    path("frameworks/", views.RegionalFrameworkListView.as_view(), name="framework-list"),
    path(
        "publications/cite.<citation_format:format>",
        views.publication_citations,
        name="publication-cite",
    ),
    path(
        "publications/<slug:slug>/",
        views.PublicationDetailView.as_view(),
        name="publication-detail",
    ),
    path("pathways/<slug:slug>/", views.PathwayTypeDetailView.as_view(), name="pathway-detail"),
    path("roles/<slug:slug>/", views.CityRoleDetailView.as_view(), name="role-detail"),
    path("gcm/<int:number>/", views.GCMObjectiveDetailView.as_view(), name="gcm-detail"),
]
