"""Planning a cohort's evenings: proposing them weekly and saving them."""

import datetime

from django.db import transaction

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
