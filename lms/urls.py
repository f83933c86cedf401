from django.contrib.auth import views as auth_views
from django.urls import path

from lms.views import (
    alumni,
    badges,
    diplomas,
    h5p,
    homework,
    lecturers,
    materials,
    privacy,
    quizzes,
    reflections,
    reviews,
    signin,
    staff,
    trainee,
)

app_name = "lms"

urlpatterns = [
    path(
        "login/",
        trainee.LoginView.as_view(),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    *trainee.urlpatterns,
    *staff.urlpatterns,
    *signin.urlpatterns,
    *reflections.urlpatterns,
    *homework.urlpatterns,
    *reviews.urlpatterns,
    *lecturers.urlpatterns,
    *materials.urlpatterns,
    *h5p.urlpatterns,
    *quizzes.urlpatterns,
    *diplomas.urlpatterns,
    *badges.urlpatterns,
    *alumni.urlpatterns,
    *privacy.urlpatterns,
]
