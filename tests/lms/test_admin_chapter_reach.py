"""A coordinator's reach ends at her chapter, in the admin too.

An outside test found that Alna's coordinator could enrol Grorud's new
trainee into her own cohort, mint her a sign-in link (deleting Grorud's) and
sign in as her; that the staff and lecturer pickers listed other chapters'
people (and any account as a lecturer); and that the site history report
showed other chapters' log entries.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from lms import enrolment
from lms.choices import EnrollmentStatus, RoleGroup, StaffRole
from lms.models import CohortStaff, Enrollment, Session, SignInLink
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def in_group(user, role):
    user.groups.add(Group.objects.get_or_create(name=role.value)[0])
    return user


def options(html, name):
    match = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert match, f"no select {name}"
    return {int(pk) for pk in re.findall(r'<option value="(\d+)"', match.group(1))}


@pytest.fixture
def two_chapters(cohort_with_sessions):
    w = cohort_with_sessions
    in_group(w.coordinator, RoleGroup.COORDINATOR)
    w.grorud = ChapterFactory(name="Grorud")
    w.grorud_coordinator = in_group(
        UserFactory(username="grorud-koord", first_name="Gro"), RoleGroup.COORDINATOR
    )
    w.grorud.coordinators.add(w.grorud_coordinator)
    w.grorud_cohort = CohortFactory(course=w.course, chapter=w.grorud, name="Grorud")
    # Grorud's new trainee: never signed in, her link printed by Grorud.
    w.newcomer = UserFactory(username="grorud-ny", first_name="Ifrah")
    w.newcomer.last_login = None
    w.newcomer.save()
    EnrollmentFactory(cohort=w.grorud_cohort, user=w.newcomer)
    enrolment.create_sign_in_link(user=w.newcomer, created_by=w.grorud_coordinator)
    return w


def test_the_enrollment_form_offers_only_accounts_of_her_own_cohorts(
    client, two_chapters
):
    w = two_chapters
    client.force_login(w.coordinator)
    html = client.get(reverse("lms_enrollment:add")).content.decode()
    offered = options(html, "user")
    assert w.newcomer.pk not in offered
    assert w.enrollments[0].user_id in offered
    response = client.post(
        reverse("lms_enrollment:add"),
        {
            "cohort": w.cohort.pk,
            "user": w.newcomer.pk,
            "status": EnrollmentStatus.ACTIVE,
            "enrolled_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 200  # the form again, with an error
    assert not Enrollment.objects.filter(cohort=w.cohort, user=w.newcomer).exists()


def test_another_chapters_trainee_gets_no_link_from_her_and_keeps_her_own(
    client, two_chapters
):
    w = two_chapters
    # Even enrolled into Alna by someone with the power to (a superuser), she
    # is Grorud's while Grorud has her: Alna cannot mint her a link...
    enrollment = EnrollmentFactory(
        cohort=w.cohort, user=w.newcomer, status=EnrollmentStatus.WITHDRAWN
    )
    client.force_login(w.coordinator)
    sheet = reverse("lms:sign_in_sheet", args=[enrollment.pk])
    response = client.post(sheet, follow=True)
    assert "/signin/" not in response.content.decode()
    # ...and Grorud's link still works.
    link = SignInLink.objects.get(user=w.newcomer, used_at=None)
    assert link.created_by == w.grorud_coordinator
    with pytest.raises(enrolment.SignInLinkRefused):
        enrolment.create_sign_in_link(user=w.newcomer, created_by=w.coordinator)


def test_a_link_from_her_current_coordinator_says_whose_link_it_replaced(
    client, two_chapters
):
    w = two_chapters
    colleague = in_group(
        UserFactory(username="gro2", first_name="Grete", last_name="Berg"),
        RoleGroup.COORDINATOR,
    )
    w.grorud.coordinators.add(colleague)
    client.force_login(colleague)
    enrollment = Enrollment.objects.get(user=w.newcomer)
    with translation.override("en"):  # the assertions read the source strings
        sheet = reverse("lms:sign_in_sheet", args=[enrollment.pk])
    page = client.post(sheet, follow=True).content.decode()
    assert "/signin/" in page  # her new link, shown once
    assert "Gro" in page and "no longer works" in page
    assert SignInLink.objects.filter(user=w.newcomer, used_at=None).count() == 1
    # Her own link replaced by her own new one is no news.
    page = client.post(sheet, follow=True).content.decode()
    assert "no longer works" not in page


def test_the_staff_form_lists_only_her_chapters_staff(client, two_chapters):
    w = two_chapters
    in_group(w.supervisor, RoleGroup.SUPERVISOR)
    grorud_supervisor = in_group(
        CohortStaffFactory(cohort=w.grorud_cohort, role=StaffRole.SUPERVISOR).user,
        RoleGroup.SUPERVISOR,
    )
    client.force_login(w.coordinator)
    html = client.get(reverse("lms_cohortstaff:add")).content.decode()
    offered = options(html, "user")
    assert w.supervisor.pk in offered
    assert grorud_supervisor.pk not in offered
    assert w.grorud_coordinator.pk not in offered
    response = client.post(
        reverse("lms_cohortstaff:add"),
        {"cohort": w.cohort.pk, "user": grorud_supervisor.pk, "role": "supervisor"},
    )
    assert response.status_code == 200
    assert not CohortStaff.objects.filter(cohort=w.cohort, user=grorud_supervisor)


def session_form(w, **extra):
    return {
        "cohort": w.cohort.pk,
        "module": w.modules[0].pk,
        "starts_at": f"{timezone.localdate() + timezone.timedelta(days=30):%Y-%m-%d}"
        " 18:00",
        "place": "Furuset",
        **extra,
    }


def test_session_lecturers_are_only_lecturers_invited_to_her_chapter(
    client, two_chapters, django_user_model
):
    w = two_chapters
    ours = in_group(UserFactory(username="psykolog"), RoleGroup.LECTURER)
    w.sessions[0].lecturers.add(ours)
    theirs = in_group(UserFactory(username="grorud-lege"), RoleGroup.LECTURER)
    SessionFactory(cohort=w.grorud_cohort, module=w.modules[0]).lecturers.add(theirs)
    admin = django_user_model.objects.create_superuser("root", "r@example.org", "x")
    client.force_login(w.coordinator)
    html = client.get(reverse("lms_session:add")).content.decode()
    assert options(html, "lecturers") == {ours.pk}
    for intruder in (theirs, w.newcomer, admin, w.enrollments[1].user):
        response = client.post(
            reverse("lms_session:add"), session_form(w, lecturers=[intruder.pk])
        )
        assert response.status_code == 200, intruder  # refused, form again
        assert not Session.objects.filter(lecturers=intruder, cohort=w.cohort)
    response = client.post(
        reverse("lms_session:add"), session_form(w, lecturers=[ours.pk])
    )
    assert response.status_code == 302
    assert Session.objects.filter(cohort=w.cohort, lecturers=ours).count() == 2


def test_the_session_form_points_to_inviting_a_lecturer(client, two_chapters):
    w = two_chapters
    client.force_login(w.coordinator)
    html = client.get(
        reverse("lms_session:edit", args=[w.sessions[0].pk])
    ).content.decode()
    assert reverse("lms:invite_lecturer", args=[w.cohort.pk]).split("/", 2)[2] in html


def test_the_site_history_report_is_for_superusers_only(
    client, two_chapters, django_user_model
):
    w = two_chapters
    client.force_login(w.coordinator)
    for name in ("site_history", "site_history_results"):
        response = client.get(reverse(f"wagtailadmin_reports:{name}"))
        assert response.status_code in (302, 403, 404), name
        assert b"Grorud" not in response.content
    reports = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:site_history") not in reports
    admin = django_user_model.objects.create_superuser("root", "r@example.org", "x")
    client.force_login(admin)
    assert client.get(reverse("wagtailadmin_reports:site_history")).status_code == 200
