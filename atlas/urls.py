from django.urls import path

from atlas import health, views

app_name = "atlas"
urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("editors/markdown-preview/", views.markdown_preview, name="markdown-preview"),
]
