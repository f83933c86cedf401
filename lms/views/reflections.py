"""Views for the reflections area (see lms.urls)."""

urlpatterns = []
