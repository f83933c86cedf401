"""A course whose first module places a true/false exercise, its cohort's
people, and people who must not reach the exercise."""

from types import SimpleNamespace

import pytest
from django.core.files import File

from lms.h5p.activities import create_activity
from tests import helpers
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    EnrollmentFactory,
    UserFactory,
)
from tests.lms.h5p.builder import FIXTURES


def make_activity(name="truefalse.h5p", **kwargs):
    with (FIXTURES / name).open("rb") as handle:
        return create_activity(File(handle, name=name), **kwargs)


def place(module, *activities, kind="h5p"):
    """Put exercises in a module's lesson and publish it."""
    helpers.place(module, kind, *activities)


client_for = helpers.as_user


@pytest.fixture(autouse=True)
def own_private_storage(monkeypatch, tmp_path):
    """Each test stores packages in a folder of its own, so "nothing is
    left behind" can be checked. The storage object stays the same one
    (model fields hold it), only its folder moves."""
    from django.core.files.storage import storages

    from lms.h5p import player

    storage = storages["lms_private"]
    folder = str(tmp_path / "private")
    # Read (and so cache) the real folder before moving it: undoing puts
    # back what was read here.
    for name in ("location", "base_location", "_location"):
        monkeypatch.setattr(storage, name, folder)
    monkeypatch.setattr(player, "_MANIFESTS", {})


@pytest.fixture
def truefalse(db):
    return make_activity(title="Er dette usant?")


@pytest.fixture
def h5p_world(cohort_with_sessions, truefalse, build_course):
    w = cohort_with_sessions
    w.module = w.modules[0]  # its session is held
    w.activity = truefalse
    place(w.module, truefalse)
    w.amina = w.enrollments[0].user
    w.hodan = w.enrollments[1].user
    other_course, _modules = build_course(modules=1, title="Videregående")
    other_cohort = CohortFactory(course=other_course, chapter=ChapterFactory())
    w.other_trainee = EnrollmentFactory(
        cohort=other_cohort, user=UserFactory(username="other")
    ).user
    w.other_coordinator = UserFactory(username="other-coordinator")
    other_cohort.chapter.coordinators.add(w.other_coordinator)
    w.outsider = UserFactory(username="outsider")
    w.other_cohort = other_cohort
    return SimpleNamespace(**vars(w))
