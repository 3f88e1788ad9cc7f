from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter

from atlas.converters import CitationFormat, Number

register_converter(CitationFormat, "citation_format")
register_converter(Number, "number")

handler500 = "atlas.request_log.server_error"

urlpatterns = [
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url="/accounts/reset/done/"),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("cases.urls")),
    path("", include("pathways.urls")),
    path("", include("portal.urls")),
    path("", include("atlas.urls")),
]
