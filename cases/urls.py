from django.urls import path

from cases import views

app_name = "cases"
urlpatterns = [
    path("", views.CaseListView.as_view(), name="case-list"),
    path("<slug:slug>/", views.CaseDetailView.as_view(), name="case-detail"),
]
