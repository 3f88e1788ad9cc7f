from django.urls import path

from atlas import views

app_name = "atlas"
urlpatterns = [
    path("editors/markdown-preview/", views.markdown_preview, name="markdown-preview"),
]
