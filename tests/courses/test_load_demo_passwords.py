"""Demo passwords only where they cannot hurt: DEBUG or an explicit flag.

Kept apart from test_load_demo.py, whose demo is loaded once per module.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_no_demo_passwords_without_debug_or_the_flag(settings):
    settings.DEBUG = False
    call_command("load_demo", stdout=io.StringIO())
    trainee = get_user_model().objects.get(username="trainee")
    assert not trainee.has_usable_password()
