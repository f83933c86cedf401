"""The Wagtail admin of the programme: chapters, cohorts, staff, enrollments
and sessions (viewsets.py is configuration only; views, forms, filters and
scoping sit beside it)."""
