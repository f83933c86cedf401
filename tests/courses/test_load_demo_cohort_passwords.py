"""The Alna trainees follow the demo-password rule of the other demo users.

Kept apart from test_load_demo_cohort.py, whose demo is loaded once per module.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from lms.models import Enrollment

pytestmark = pytest.mark.django_db


def test_no_demo_password_for_the_cohort_without_debug_or_the_flag(settings):
    settings.DEBUG = False
    call_command("load_demo", stdout=io.StringIO())
    assert Enrollment.objects.filter(cohort__chapter__name="Alna").count() == 12
    trainee = get_user_model().objects.get(username="trainee7")
    assert not trainee.has_usable_password()
