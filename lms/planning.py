"""Planning a cohort's evenings: proposing them weekly and saving them."""

import datetime

from django.db import transaction
from django.utils import timezone

from lms.models import Cohort, Session


def propose_sessions(
    *,
    cohort: Cohort,
    modules,
    first_starts_at: datetime.datetime,
    duration=datetime.timedelta(hours=2, minutes=30),
    place: str = "",
):
    """Unsaved weekly sessions, one per module, from the first evening on."""
    return [
        Session(
            cohort=cohort,
            module=module,
            starts_at=first_starts_at + datetime.timedelta(weeks=week),
            ends_at=first_starts_at + datetime.timedelta(weeks=week) + duration,
            place=place,
        )
        for week, module in enumerate(modules)
    ]


@transaction.atomic
def create_sessions(*, sessions) -> list[Session]:
    for session in sessions:
        session.full_clean()
    return Session.objects.bulk_create(sessions)


# A session without a usable end time lasts this long.
DEFAULT_DURATION = datetime.timedelta(hours=2, minutes=30)


def _minutes(time):
    return time.replace(second=0, microsecond=0)


def proposal_defaults(cohort: Cohort) -> dict:
    """Where a plan starts: weekly from the cohort's start at 18:00-20:30, or
    from the week after its last planned evening, at its time and place."""
    last = cohort.sessions.order_by("-starts_at").first()
    if last is None:
        return {
            "first_date": cohort.starts_on,
            "start_time": datetime.time(18, 0),
            "end_time": datetime.time(20, 30),
            "place": "",
        }
    starts = timezone.localtime(last.starts_at)
    ends = timezone.localtime(last.ends_at) if last.ends_at else None
    return {
        "first_date": starts.date() + datetime.timedelta(weeks=1),
        "start_time": _minutes(starts.time()),
        "end_time": _minutes(ends.time()) if ends else datetime.time(20, 30),
        "place": last.place,
    }


def proposed_rows(cohort: Cohort, modules, values: dict) -> list[dict]:
    """One editable row per module, weekly from ``values`` (first_date,
    start_time, end_time, place), in local time across summer time."""
    day = values["first_date"]
    first = timezone.make_aware(datetime.datetime.combine(day, values["start_time"]))
    duration = datetime.datetime.combine(
        day, values["end_time"]
    ) - datetime.datetime.combine(day, values["start_time"])
    if duration <= datetime.timedelta(0):
        duration = DEFAULT_DURATION
    sessions = propose_sessions(
        cohort=cohort,
        modules=modules,
        first_starts_at=first,
        duration=duration,
        place=values.get("place") or "",
    )
    return [
        {
            "module": session.module.pk,
            "include": True,
            "date": timezone.localdate(session.starts_at),
            "start_time": _minutes(timezone.localtime(session.starts_at).time()),
            "end_time": _minutes(timezone.localtime(session.ends_at).time()),
            "place": session.place,
        }
        for session in sessions
    ]
