"""Demo passwords only where they cannot hurt: DEBUG or an explicit flag.

Kept apart from the test_load_demo*.py modules, whose demo is loaded once\nper module.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from lms.models import Enrollment

pytestmark = pytest.mark.django_db


def test_no_demo_passwords_without_debug_or_the_flag(settings):
    settings.DEBUG = False
    call_command("load_demo", stdout=io.StringIO())
    trainee = get_user_model().objects.get(username="trainee")
    assert not trainee.has_usable_password()
    # The Alna cohort's trainees follow the same rule.
    assert Enrollment.objects.filter(cohort__chapter__name="Alna").count() == 12
    trainee7 = get_user_model().objects.get(username="trainee7")
    assert not trainee7.has_usable_password()
