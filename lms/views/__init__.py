"""Learner- and staff-facing views, one module per area. They stay thin:
access check (lms.permissions), form, service call, render or redirect.
Each module lists its own ``urlpatterns``; lms.urls joins them.
"""
