"""The supervisors' review queue: her cohorts' homework, oldest first."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from lms import reviews
from lms.choices import StaffRole, SubmissionStatus
from tests.factories.homework import AssignmentFactory, ReviewFactory
from tests.factories.lms import (
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    UserFactory,
)
from tests.lms.test_review_page import hand_in

pytestmark = pytest.mark.django_db


def url(name="lms:review_queue", **params):
    with translation.override("en"):
        address = reverse(name)
    if params:
        address += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return address


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def q(cohort_with_sessions, locales):
    w = cohort_with_sessions
    amina, hodan = w.enrollments
    amina.user.first_name, amina.user.last_name = "Amina", "Etternavnsen"
    amina.user.save()
    hodan.user.first_name = "Hodan"
    hodan.user.save()
    w.reading = AssignmentFactory(title="Les for barnet")
    # Its English copy: the queue shows titles in her language.
    AssignmentFactory(
        title="Read to your child",
        translation_key=w.reading.translation_key,
        locale=Locale.objects.get(language_code="en"),
    )
    w.talking = AssignmentFactory(title="Snakk med barnet")
    w.old = hand_in(amina, w.reading, w.modules[0], versions=2, when=days_ago(10))
    w.recent = hand_in(hodan, w.reading, w.modules[0], when=days_ago(1))
    w.drafted = hand_in(amina, w.talking, w.modules[1], when=days_ago(5))
    ReviewFactory(
        version=w.drafted.versions.get(), number=1, released_at=None, feedback="x"
    )
    w.returned = hand_in(hodan, w.talking, w.modules[1], when=days_ago(20))
    ReviewFactory(version=w.returned.versions.get(), number=1)
    w.returned.status = SubmissionStatus.NEEDS_REVISION
    w.returned.save()
    # Another cohort's homework: never in her queue.
    w.other_cohort = CohortFactory(course=w.course)
    w.other_supervisor = CohortStaffFactory(
        cohort=w.other_cohort, role=StaffRole.SUPERVISOR
    ).user
    stranger = EnrollmentFactory(
        cohort=w.other_cohort, user=UserFactory(first_name="Fremmed")
    )
    w.foreign = hand_in(stranger, w.reading, w.modules[0], when=days_ago(30))
    return w


def names_in_order(html, names):
    found = [(html.index(n), n) for n in names if n in html]
    return [n for _pos, n in sorted(found)]


def test_queue_lists_her_cohorts_waiting_homework_oldest_first(client, q):
    client.force_login(q.supervisor)
    response = client.get(url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fremmed" not in html  # another cohort's trainee
    assert "Etternavnsen" not in html  # first names only
    rows = response.context["rows"]
    assert [row["submission"] for row in rows] == [q.old, q.drafted, q.recent]
    first = rows[0]
    assert first["trainee"] == "Amina"
    assert first["assignment"] == "Read to your child"  # English page
    assert first["module"] == q.modules[0].title
    assert first["version"] == 2
    assert first["cohort"] == q.cohort
    assert not first["draft"] and rows[1]["draft"]
    assert "Review draft saved" in html
    assert reverse("lms:review", kwargs={"pk": q.old.pk}) in html
    # Counts per state, as filter links.
    assert response.context["queue"].counts == {
        "waiting": 2,
        "draft": 1,
        "needs_revision": 1,
        "approved": 0,
    }
    assert "?state=needs_revision" in html


def test_queue_filters_by_cohort_module_state_and_age(client, q):
    CohortStaffFactory(
        cohort=q.other_cohort, role=StaffRole.SUPERVISOR, user=q.supervisor
    )
    client.force_login(q.supervisor)

    def shown(**params):
        return [r["submission"] for r in client.get(url(**params)).context["rows"]]

    assert q.foreign in shown()
    assert shown(cohort=q.cohort.pk) == [q.old, q.drafted, q.recent]
    assert shown(cohort=q.other_cohort.pk) == [q.foreign]
    assert shown(module=q.modules[1].translation_key) == [q.drafted]
    assert shown(state="waiting", cohort=q.cohort.pk) == [q.old, q.recent]
    assert shown(state="draft") == [q.drafted]
    assert shown(state="needs_revision") == [q.returned]
    assert shown(age=7, cohort=q.cohort.pk) == [q.old]
    # Nonsense is ignored rather than an error.
    assert len(shown(cohort="x", module="nope", state="<b>", age="-3")) == 4


def test_queue_is_for_supervisors_only(client, q):
    for user in (q.lecturer, q.enrollments[0].user, q.coordinator):
        client.force_login(user)
        assert client.get(url()).status_code == 403
    client.logout()
    assert client.get(url()).status_code == 302


def test_another_supervisor_sees_only_her_own_cohort(client, q):
    client.force_login(q.other_supervisor)
    rows = client.get(url()).context["rows"]
    assert [r["submission"] for r in rows] == [q.foreign]


def test_dashboard_links_supervisors_to_the_queue(client, q):
    client.force_login(q.supervisor)
    assert url() in client.get(url("lms:dashboard")).content.decode()
    client.force_login(q.lecturer)
    assert url() not in client.get(url("lms:dashboard")).content.decode()


def test_queue_service_counts_and_states(q):
    queue = reviews.review_queue(q.supervisor, state="draft")
    assert [s.pk for s in queue.submissions] == [q.drafted.pk]
    assert queue.total == 1
    assert reviews.next_in_queue(q.supervisor, after=q.old) == q.recent


def test_queue_queries_do_not_grow_with_submissions(client, q, build_course):
    client.force_login(q.supervisor)

    def count(**params):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url(**params))
        assert response.status_code == 200
        return len(ctx), len(response.context["rows"])

    count()  # warm caches
    few, shown_few = count()
    assignments = [AssignmentFactory() for _ in range(5)]
    for n in range(30):
        enrollment = EnrollmentFactory(cohort=q.cohort)
        hand_in(
            enrollment,
            assignments[n % 5],
            q.modules[n % 4],
            versions=1 + n % 3,
            when=days_ago(n % 9),
        )
    many, shown_many = count()
    assert shown_many > shown_few
    assert few == many
    filtered = count(cohort=q.cohort.pk, module=q.modules[0].translation_key, age=3)
    assert filtered[0] == few


def test_a_draft_left_on_an_earlier_version_does_not_mark_the_new_one(q):
    # She handed in version 2 after a supervisor had drafted words on version 1.
    ReviewFactory(
        version=q.old.versions.get(number=1), number=1, released_at=None, feedback="x"
    )
    queue = reviews.review_queue(q.supervisor, state="waiting")
    assert q.old in queue.submissions
    assert q.old not in reviews.review_queue(q.supervisor, state="draft").submissions
