from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from api import views

router = DefaultRouter()
router.register("cases", views.CaseViewSet, basename="case")
router.register("places", views.PlaceViewSet, basename="place")
router.register("networks", views.NetworkViewSet, basename="network")
router.register("recommendations", views.RecommendationViewSet, basename="recommendation")
router.register("publications", views.PublicationViewSet, basename="publication")
router.register("pathway-types", views.PathwayTypeViewSet, basename="pathway-type")
router.register("roles", views.CityRoleViewSet, basename="role")
router.register("gcm-objectives", views.GCMObjectiveViewSet, basename="gcm-objective")

app_name = "api"
urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file of its own, which the CSP allows.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/docs.html"),
        name="docs",
    ),
]
