"""Dates and times as a reader sees them, in the language of the page.

Named formats (DATE_FORMAT, TIME_FORMAT, MONTH_DAY_FORMAT...) come from the
host site's format modules and Django's. What Django has no name for - a
weekday with its date, a date with a time of day - is put together here from
translated patterns, so Arabic gets its comma (،), Turkish its order and
Norwegian its "kl.", instead of a Latin ", " glued between two formats.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import pgettext


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def weekday_date(value) -> str:
    """ "mandag 7. desember", "الاثنين، 7 ديسمبر": a weekday and its date."""
    if not value:
        return ""
    value = _local(value)
    return pgettext(
        "a weekday and a date, e.g. Monday 7 December", "%(weekday)s %(date)s"
    ) % {
        "weekday": date_format(value, "l"),
        "date": date_format(value, "MONTH_DAY_FORMAT"),
    }


def time_span(start, end=None) -> str:
    """ "18:00" or "18:00–20:30" in the language's clock."""
    text = time_format(_local(start), "TIME_FORMAT")
    if end:
        text = f"{text}–{time_format(_local(end), 'TIME_FORMAT')}"
    return text


def date_and_time(start, end=None, *, weekday=True) -> str:
    """ "mandag 7. desember kl. 18:00–20:30": when something happens.

    With ``weekday=False`` the date is the language's DATE_FORMAT (with the
    year), for staff lists that span terms.
    """
    if not start:
        return ""
    date = weekday_date(start) if weekday else date_format(_local(start), "DATE_FORMAT")
    return pgettext(
        "a date and a time of day, e.g. Monday 7 December, 18:00", "%(date)s, %(time)s"
    ) % {"date": date, "time": time_span(start, end)}
