from django.contrib.auth import views as auth_views
from django.urls import path

from lms.views import (
    homework,
    lecturers,
    materials,
    reflections,
    review,
    signin,
    staff,
    trainee,
)

app_name = "lms"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="lms/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    *trainee.urlpatterns,
    *staff.urlpatterns,
    *signin.urlpatterns,
    *reflections.urlpatterns,
    *homework.urlpatterns,
    *review.urlpatterns,
    *lecturers.urlpatterns,
    *materials.urlpatterns,
]
