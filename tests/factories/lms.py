"""Factories for the learning engine."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from lms.choices import AttendanceStatus, EnrollmentStatus, StaffRole
from lms.models import (
    Attendance,
    Chapter,
    Cohort,
    CohortStaff,
    Enrollment,
    Reflection,
    Session,
)


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"Navn{n}")
    password = factory.django.Password("pw")

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]


class ChapterFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Bydel {n}")
    slug = factory.Sequence(lambda n: f"bydel-{n}")

    class Meta:
        model = Chapter


class CohortFactory(DjangoModelFactory):
    """A cohort; pass `course` (a CoursePage)."""

    chapter = factory.SubFactory(ChapterFactory)
    name = factory.Sequence(lambda n: f"Kull {n}")
    starts_on = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(weeks=8)
    )

    class Meta:
        model = Cohort


class CohortStaffFactory(DjangoModelFactory):
    cohort = factory.SubFactory(CohortFactory)
    user = factory.SubFactory(UserFactory)
    role = StaffRole.SUPERVISOR

    class Meta:
        model = CohortStaff


class EnrollmentFactory(DjangoModelFactory):
    cohort = factory.SubFactory(CohortFactory)
    user = factory.SubFactory(UserFactory)
    status = EnrollmentStatus.ACTIVE
    enrolled_on = factory.LazyAttribute(lambda o: o.cohort.starts_on)

    class Meta:
        model = Enrollment


class SessionFactory(DjangoModelFactory):
    """A session; pass `cohort` and `module` (a ModulePage)."""

    starts_at = factory.LazyAttribute(
        lambda o: timezone.make_aware(
            datetime.datetime.combine(o.cohort.starts_on, datetime.time(18))
        )
    )
    place = "Furuset bibliotek"

    class Meta:
        model = Session


class AttendanceFactory(DjangoModelFactory):
    status = AttendanceStatus.PRESENT

    class Meta:
        model = Attendance


class ReflectionFactory(DjangoModelFactory):
    """A reflection; pass `enrollment` (the author is its user)."""

    author = factory.LazyAttribute(lambda o: o.enrollment.user)
    module_key = factory.Faker("uuid4")
    prompt_key = factory.Faker("uuid4")
    prompt_text = "Hva tar du med deg?"
    text = "Jeg lærte mye i kveld."

    class Meta:
        model = Reflection
