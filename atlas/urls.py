from django.urls import path

from atlas import views

app_name = "atlas"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("data/", views.CodebookView.as_view(), name="codebook"),
    path("editors/markdown-preview/", views.markdown_preview, name="markdown-preview"),
]
