"""View-models and page-level helpers shared by views and templatetags."""
