"""Learner-facing views. They stay thin: access check, service call, render."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def dashboard(request):
    """A signed-in user's home. Cohorts, progress and tasks arrive with issue 3."""
    return render(request, "lms/dashboard.html", {})
