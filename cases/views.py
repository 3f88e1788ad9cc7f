from django.views.generic import DetailView, ListView

from cases.models import Case


class CaseListView(ListView):
    queryset = Case.objects.published().for_list()
    paginate_by = 25


class CaseDetailView(DetailView):
    queryset = Case.objects.published().for_detail()
