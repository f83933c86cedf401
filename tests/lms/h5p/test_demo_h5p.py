"""The demo's interactive exercises (cms.demo.h5p): uploaded once, placed in
a module, with results by some trainees; loading again changes nothing."""

import io

import pytest

from cms.demo import h5p as demo_h5p
from lms.h5p import player, xapi
from lms.models import H5PActivity, H5PAttempt
from tests.factories.lms import EnrollmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_places_both_exercises_with_results(cohort_with_sessions):
    w = cohort_with_sessions
    module = w.modules[0]
    enrollments = {
        name: EnrollmentFactory(cohort=w.cohort, user=UserFactory(username=name))
        for name in ("trainee", "trainee2", "trainee3")
    }
    for _run in range(2):
        activities = demo_h5p.build_h5p_demo(
            module=module, enrollments=enrollments, log=io.StringIO().write
        )
    assert H5PActivity.objects.count() == 2
    for activity in activities.values():
        assert player.is_stored(activity.package_hash)
    module.refresh_from_db()
    placed = [b.value.pk for b in module.specific.body if b.block_type == "h5p"]
    assert sorted(placed) == sorted(a.pk for a in activities.values())
    keys = [a.translation_key for a in activities.values()]
    second = xapi.best_results(enrollments["trainee2"].user, keys)
    assert all(result.completed for result in second.values())
    assert not any(
        r.completed
        for r in xapi.best_results(enrollments["trainee"].user, keys).values()
    )
    assert H5PAttempt.objects.filter(user=enrollments["trainee2"].user).count() == 3


def test_the_largest_fixture_is_measured():
    measured = demo_h5p.measure_upload()
    assert measured["package"] == "interactive-video.h5p"
    assert measured["files"] > 100
    assert 0 < measured["check_seconds"] < 30
    assert 0 < measured["store_seconds"] < 30
