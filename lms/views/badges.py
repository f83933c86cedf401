"""badges views (being built)."""

urlpatterns = []
