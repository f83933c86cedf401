"""Placeholder: filled in by the lecturers issue."""

urlpatterns = []
