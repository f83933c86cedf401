"""alumni views (being built)."""

urlpatterns = []
