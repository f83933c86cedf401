"""Shared setup of the browser tests."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from lms import accounts
from lms.choices import StaffRole
from tests.factories.lms import (
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    SessionFactory,
    UserFactory,
)


def cohort_with_amina_and_siri(course, module):
    """A cohort of `course` that started two weeks ago, with `module`'s
    session held three days ago; trainee `amina` enrolled and supervisor
    `siri` (first name Siri), both reading English.

    Returns a namespace with cohort, amina and siri."""
    cohort = CohortFactory(
        course=course, starts_on=timezone.localdate() - datetime.timedelta(weeks=2)
    )
    SessionFactory(
        cohort=cohort,
        module=module,
        starts_at=timezone.now() - datetime.timedelta(days=3),
    )
    amina = EnrollmentFactory(cohort=cohort, user=UserFactory(username="amina")).user
    accounts.set_language(user=amina, language="en")
    siri = UserFactory(username="siri", first_name="Siri")
    CohortStaffFactory(cohort=cohort, user=siri, role=StaffRole.SUPERVISOR)
    accounts.set_language(user=siri, language="en")
    return SimpleNamespace(cohort=cohort, amina=amina, siri=siri)
