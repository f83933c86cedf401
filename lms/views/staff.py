"""Views for the staff area (see lms.urls)."""

urlpatterns = []
