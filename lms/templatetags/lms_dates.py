"""Dates in the page's language: ``{{ value|weekday_date }}`` ("mandag 7.
desember") and ``{% date_and_time starts_at ends_at %}`` ("mandag 7. desember
kl. 18:00–20:30"; ``weekday=False`` for the date with its year). See
lms.ui.dates."""

from django import template

from lms.ui import dates

register = template.Library()


@register.filter(expects_localtime=True)
def weekday_date(value):
    return dates.weekday_date(value)


@register.simple_tag
def date_and_time(start, end=None, weekday=True):
    return dates.date_and_time(start, end, weekday=weekday)
