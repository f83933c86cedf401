"""Placeholder: filled in by the homework issue."""

urlpatterns = []
