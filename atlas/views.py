from django.views.generic import TemplateView

from cases.models import Case, WorldRegion
from pathways.models import CityRole, Network, PathwayType, Recommendation


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        published = Case.objects.published()
        return super().get_context_data(
            case_count=published.count(),
            network_count=Network.objects.published().count(),
            recommendation_count=Recommendation.objects.published().count(),
            roles=CityRole.objects.with_case_counts(),
            pathway_types=PathwayType.objects.with_case_counts(),
            regions=WorldRegion.objects.with_case_counts(),
            latest_cases=published.for_list().order_by("-created_at", "title")[:6],
            **kwargs,
        )
