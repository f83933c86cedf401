"""The trainee's own pages: dashboard and settings."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path


@login_required
def dashboard(request):
    """A signed-in user's home."""
    return render(request, "lms/dashboard.html", {})


urlpatterns = [
    path("my/", dashboard, name="dashboard"),
]
