"""The programme admin: each coordinator runs her own chapter's rows only."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from lms.choices import EnrollmentStatus, RoleGroup, StaffRole
from lms.models import Cohort, CohortStaff, Enrollment, Session, SignInLink
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def in_english(user):
    """The admin in English for her, so assertions can read the source strings."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def coordinator_of(chapter, username):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=RoleGroup.COORDINATOR))
    chapter.coordinators.add(user)
    return in_english(user)


@pytest.fixture
def w(cohort_with_sessions, build_course):
    w = cohort_with_sessions
    w.cohort.chapter.name = "Alna"
    w.cohort.chapter.save()
    w.cohort.name = "Alna høst"
    w.cohort.save()
    w.coordinator.groups.add(Group.objects.get(name=RoleGroup.COORDINATOR))
    in_english(w.coordinator)
    w.other_chapter = ChapterFactory(name="Grorud")
    w.other_coordinator = coordinator_of(w.other_chapter, "grorud-koord")
    w.other_cohort = CohortFactory(
        course=w.course, chapter=w.other_chapter, name="Grorud vår"
    )
    w.other_enrollment = EnrollmentFactory(
        cohort=w.other_cohort, user=UserFactory(username="fatima", first_name="Fatima")
    )
    w.other_session = SessionFactory(cohort=w.other_cohort, module=w.modules[0])
    w.other_staff = CohortStaffFactory(cohort=w.other_cohort, role=StaffRole.SUPERVISOR)
    w.other_course, w.other_modules = build_course(modules=2, title="ICDP")
    return w


def admin_url(name, *args, query=""):
    return reverse(name, args=args) + (f"?{query}" if query else "")


def sheet_url(enrollment, language="nb"):
    """The sheet in the coordinator's language (the programme's, nb, unless
    her profile says otherwise), never the admin's English."""
    with translation.override(language):
        return reverse("lms:sign_in_sheet", args=[enrollment.pk])


def final_status(response_with_redirects):
    # The host site's LocaleMiddleware turns an admin 404 into a redirect to a
    # language-prefixed address, which then 404s too: follow it.
    return response_with_redirects.status_code


def select_options(html, name):
    match = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert match, f"no select {name}"
    return re.findall(r'<option value="(\d+)"', match.group(1))


# --- scoping ---


def test_coordinator_lists_only_her_chapters_rows(client, w):
    client.force_login(w.coordinator)
    listings = {
        "lms_cohort:index": ("Alna høst", "Grorud vår"),
        "lms_enrollment:index": ("amina", "fatima"),
        "lms_chapter:index": ("Alna", "Grorud"),
    }
    for name, (mine, theirs) in listings.items():
        html = client.get(admin_url(name)).content.decode()
        assert mine in html, name
        assert theirs not in html, name
    sessions = client.get(admin_url("lms_session:index")).content.decode()
    assert admin_url("lms_session:edit", w.sessions[0].pk) in sessions
    assert admin_url("lms_session:edit", w.other_session.pk) not in sessions
    staff = client.get(admin_url("lms_cohortstaff:index")).content.decode()
    assert w.supervisor.username in staff
    assert w.other_staff.user.username not in staff


def test_another_chapters_rows_cannot_be_opened_edited_or_deleted(client, w):
    client.force_login(w.coordinator)
    others = {
        "lms_cohort": w.other_cohort,
        "lms_enrollment": w.other_enrollment,
        "lms_session": w.other_session,
        "lms_cohortstaff": w.other_staff,
    }
    for prefix, obj in others.items():
        for view in ("edit", "delete", "history", "usage"):
            url = admin_url(f"{prefix}:{view}", obj.pk)
            response = client.get(url, follow=True)
            assert final_status(response) == 404, (prefix, view)
        response = client.post(admin_url(f"{prefix}:delete", obj.pk), follow=True)
        assert final_status(response) == 404
    assert Cohort.objects.filter(pk=w.other_cohort.pk).exists()
    assert Enrollment.objects.filter(pk=w.other_enrollment.pk).exists()
    plan = admin_url("lms_cohort:plan_sessions", w.other_cohort.pk)
    assert final_status(client.get(plan, follow=True)) == 404
    for view in ("move", "withdraw"):
        url = admin_url(f"lms_enrollment:{view}", w.other_enrollment.pk)
        assert final_status(client.get(url, follow=True)) == 404
        assert final_status(client.post(url, follow=True)) == 404
    w.other_enrollment.refresh_from_db()
    assert w.other_enrollment.status == EnrollmentStatus.ACTIVE
    # Her own rows open.
    assert client.get(admin_url("lms_cohort:edit", w.cohort.pk)).status_code == 200
    assert (
        client.get(admin_url("lms_session:edit", w.sessions[0].pk)).status_code == 200
    )


def test_coordinators_look_at_chapters_but_only_superusers_edit_them(client, w):
    chapter = w.cohort.chapter
    client.force_login(w.coordinator)
    assert client.get(admin_url("lms_chapter:inspect", chapter.pk)).status_code == 200
    other = admin_url("lms_chapter:inspect", w.other_chapter.pk)
    assert final_status(client.get(other, follow=True)) == 404
    # Wagtail answers a missing permission with a redirect to the dashboard.
    for url in (
        admin_url("lms_chapter:edit", chapter.pk),
        admin_url("lms_chapter:add"),
    ):
        assert client.get(url)["Location"] == "/admin/"
    client.post(
        admin_url("lms_chapter:edit", chapter.pk), {"name": "Mitt", "slug": "mitt"}
    )
    chapter.refresh_from_db()
    assert chapter.name == "Alna"
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(
        admin_url("lms_chapter:edit", chapter.pk),
        {"name": "Alna bydel", "slug": "alna", "coordinators": [w.coordinator.pk]},
    )
    assert response.status_code == 302
    chapter.refresh_from_db()
    assert chapter.name == "Alna bydel"


def test_people_without_the_coordinator_role_stay_out_of_the_admin(client, w):
    for user in (w.supervisor, w.lecturer, w.enrollments[0].user):
        client.force_login(user)
        response = client.get(admin_url("lms_enrollment:edit", w.enrollments[0].pk))
        assert response.status_code in (302, 403)
        assert "screening" not in response.content.decode().lower()


def test_superuser_sees_every_chapter(client, w):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    html = client.get(admin_url("lms_cohort:index")).content.decode()
    assert "Alna høst" in html and "Grorud vår" in html


# --- forms offer only what fits ---


def test_cohort_form_offers_her_chapters_and_live_norwegian_courses(
    client, w, translate, build_course
):
    draft, _modules = build_course(modules=1, title="Utkast")
    draft.unpublish()
    translate(w.course, "ar", title="التدريب الأساسي")
    client.force_login(w.coordinator)
    html = client.get(admin_url("lms_cohort:add")).content.decode()
    assert select_options(html, "chapter") == [str(w.cohort.chapter_id)]
    courses = select_options(html, "course")
    assert sorted(courses) == sorted([str(w.course.pk), str(w.other_course.pk)])

    response = client.post(
        admin_url("lms_cohort:add"),
        {
            "name": "Grorud snikk",
            "chapter": w.other_chapter.pk,
            "course": w.course.pk,
            "starts_on": "2027-01-10",
            "language": "nb",
        },
    )
    assert response.status_code == 200
    assert not Cohort.objects.filter(name="Grorud snikk").exists()
    response = client.post(
        admin_url("lms_cohort:add"),
        {
            "name": "Grorud snikk",
            "chapter": w.cohort.chapter_id,
            "course": w.modules[0].pk,
            "starts_on": "2027-01-10",
            "language": "nb",
        },
    )
    assert not Cohort.objects.filter(name="Grorud snikk").exists()


def test_session_form_offers_modules_of_the_cohorts_course_only(client, w):
    # She also runs an ICDP group, so its modules are among the choices of a
    # new session; they still do not fit the base training's cohort.
    CohortFactory(course=w.other_course, chapter=w.cohort.chapter)
    client.force_login(w.coordinator)
    session = w.sessions[0]
    html = client.get(admin_url("lms_session:edit", session.pk)).content.decode()
    assert str(w.other_cohort.pk) not in select_options(html, "cohort")
    assert select_options(html, "module") == [str(m.pk) for m in w.modules]

    data = {
        "cohort": w.cohort.pk,
        "module": w.other_modules[0].pk,
        "starts_at": "2030-01-10 18:00",
        "place": "Furuset",
    }
    response = client.post(admin_url("lms_session:add"), data)
    assert response.status_code == 200
    assert "not part of the cohort" in response.content.decode()
    response = client.post(
        admin_url("lms_session:add"), {**data, "cohort": w.other_cohort.pk}
    )
    assert response.status_code == 200
    assert not Session.objects.filter(starts_at__year=2030).exists()


def test_session_before_the_cohort_starts_is_refused_with_a_message(client, w):
    client.force_login(w.coordinator)
    day = w.cohort.starts_on - datetime.timedelta(days=3)
    response = client.post(
        admin_url("lms_session:add"),
        {
            "cohort": w.cohort.pk,
            "module": w.modules[0].pk,
            "starts_at": f"{day:%Y-%m-%d} 18:00",
            "place": "Furuset",
        },
    )
    assert response.status_code == 200
    assert "before the cohort starts" in response.content.decode()


def test_staff_form_offers_only_her_cohorts(client, w):
    client.force_login(w.coordinator)
    html = client.get(admin_url("lms_cohortstaff:add")).content.decode()
    assert select_options(html, "cohort") == [str(w.cohort.pk)]
    response = client.post(
        admin_url("lms_cohortstaff:add"),
        {"cohort": w.other_cohort.pk, "user": w.coordinator.pk, "role": "coordinator"},
    )
    assert response.status_code == 200
    assert not CohortStaff.objects.filter(cohort=w.other_cohort, user=w.coordinator)


# --- planning sessions ---


def new_cohort(client, w, **extra):
    response = client.post(
        admin_url("lms_cohort:add"),
        {
            "name": "Alna vår",
            "chapter": w.cohort.chapter_id,
            "course": w.course.pk,
            "starts_on": "2027-01-11",
            "language": "nb",
            **extra,
        },
    )
    cohort = Cohort.objects.get(name="Alna vår")
    return response, cohort


def plan_data(rows, **override):
    data = {
        "rows-TOTAL_FORMS": len(rows),
        "rows-INITIAL_FORMS": len(rows),
        "rows-MIN_NUM_FORMS": 0,
        "rows-MAX_NUM_FORMS": 1000,
    }
    for n, row in enumerate(rows):
        for key, value in row.items():
            data[f"rows-{n}-{key}"] = value
    data.update(override)
    return data


def test_a_new_cohort_goes_on_to_one_proposed_weekly_session_per_module(client, w):
    client.force_login(w.coordinator)
    response, cohort = new_cohort(client, w)
    plan = admin_url("lms_cohort:plan_sessions", cohort.pk)
    assert response["Location"] == plan
    html = client.get(plan).content.decode()
    for module in w.modules:
        assert module.title in html
    # Weekly from the first day: 11, 18, 25 January, 1 February.
    for day in ("2027-01-11", "2027-01-18", "2027-01-25", "2027-02-01"):
        assert f'value="{day}"' in html

    rows = [
        {
            "module": m.pk,
            "include": "on",
            "date": f"2027-01-{11 + 7 * n:02d}",
            "start_time": "18:00",
            "end_time": "20:30",
            "place": "Furuset bibliotek",
        }
        for n, m in enumerate(w.modules[:3])
    ]
    rows.append({**rows[0], "module": w.modules[3].pk, "include": ""})
    response = client.post(plan, plan_data(rows))
    assert response.status_code == 302
    sessions = list(cohort.sessions.order_by("starts_at"))
    assert [s.module_id for s in sessions] == [m.pk for m in w.modules[:3]]
    first = timezone.localtime(sessions[0].starts_at)
    assert (first.date(), first.hour) == (datetime.date(2027, 1, 11), 18)
    assert sessions[1].place == "Furuset bibliotek"
    # Planned modules are not proposed again; the fourth still is.
    html = client.get(plan).content.decode()
    assert w.modules[3].title in html
    assert w.modules[0].title not in html
    # A second click on the same form adds nothing.
    client.post(plan, plan_data(rows))
    assert cohort.sessions.count() == 3


def test_a_date_before_the_cohort_starts_is_marked_on_its_row_and_nothing_is_lost(
    client, w
):
    client.force_login(w.coordinator)
    _response, cohort = new_cohort(client, w)
    plan = admin_url("lms_cohort:plan_sessions", cohort.pk)
    rows = [
        {
            "module": m.pk,
            "include": "on",
            "date": f"2027-01-{11 + 7 * n:02d}",
            "start_time": "18:00",
            "end_time": "20:30",
            "place": f"Sted {n}",
        }
        for n, m in enumerate(w.modules[:3])
    ]
    rows[1]["date"] = "2026-12-24"
    response = client.post(plan, plan_data(rows))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This date is before the cohort starts" in html
    assert html.count('class="error-message"') == 1
    # Everything she typed is still there.
    for row in rows:
        assert f'value="{row["date"]}"' in html
        assert f'value="{row["place"]}"' in html
    assert not cohort.sessions.exists()


# --- enrollments ---


def add_trainee(client, w, **extra):
    data = {
        "first_name": "Hawa",
        "phone": "+47 912 34 567",
        "language": "so",
        "cohort": w.cohort.pk,
        "status": EnrollmentStatus.ACTIVE,
        "enrolled_on": "2026-11-01",
        "screening_notes": "Snakker godt norsk.",
        "form_token": "abc123",
        **extra,
    }
    return client.post(admin_url("lms_enrollment:add_trainee"), data)


def test_adding_a_trainee_makes_an_account_and_shows_her_link_once(client, w):
    client.force_login(w.coordinator)
    html = client.get(
        admin_url("lms_enrollment:add_trainee", query=f"cohort={w.cohort.pk}")
    ).content.decode()
    assert select_options(html, "cohort") == [str(w.cohort.pk)]

    response = add_trainee(client, w)
    enrollment = Enrollment.objects.get(user__first_name="Hawa")
    sheet = sheet_url(enrollment)
    assert response["Location"] == sheet
    user = enrollment.user
    assert user.email == "" and not user.has_usable_password()
    assert user.lms_profile.phone == "+47 912 34 567"
    assert user.groups.filter(name=RoleGroup.TRAINEE).exists()
    assert enrollment.screening_notes == "Snakker godt norsk."

    page = client.get(sheet).content.decode()
    link = re.search(r'href="(http://testserver/so/signin/[^"/]+/)"', page).group(1)
    assert "sms:+4791234567?body=" in page
    assert "<svg" in page  # the QR code
    # Shown once: a reload no longer has it, but offers a new one.
    again = client.get(sheet).content.decode()
    assert "signin/" not in again
    with translation.override("nb"):  # her (and the programme's) language
        assert translation.gettext("Make a new sign-in link") in again

    trainee = client_for_trainee = type(client)()
    assert client_for_trainee.post(link).status_code == 302
    assert trainee.session["_auth_user_id"] == str(user.pk)


def test_a_double_click_adds_one_trainee(client, w):
    client.force_login(w.coordinator)
    first = add_trainee(client, w)
    second = add_trainee(client, w)
    assert first["Location"] == second["Location"]
    assert Enrollment.objects.filter(user__first_name="Hawa").count() == 1


def test_bad_trainee_input_is_refused_and_kept(client, w):
    client.force_login(w.coordinator)
    response = add_trainee(client, w, first_name="", phone="ring meg")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a phone number" in html
    assert 'value="ring meg"' in html
    assert "Snakker godt norsk." in html
    response = add_trainee(client, w, cohort=w.other_cohort.pk)
    assert response.status_code == 200
    assert not Enrollment.objects.filter(user__first_name="Hawa").exists()


def test_a_new_link_replaces_the_old_one(client, w):
    client.force_login(w.coordinator)
    enrollment = w.enrollments[0]
    sheet = sheet_url(enrollment)
    client.post(sheet)
    client.post(sheet)
    assert SignInLink.objects.filter(user=enrollment.user, used_at=None).count() == 1
    assert "/signin/" in client.get(sheet).content.decode()


def test_sign_in_sheet_is_for_the_cohorts_coordinators_only(client, w):
    sheet = sheet_url(w.enrollments[0])
    for user in (w.other_coordinator, w.supervisor, w.enrollments[1].user):
        client.force_login(user)
        assert client.get(sheet).status_code == 403
        assert client.post(sheet).status_code == 403
    assert not SignInLink.objects.exists()


def test_waitlist_withdraw_and_move(client, w):
    client.force_login(w.coordinator)
    add_trainee(client, w, status=EnrollmentStatus.WAITLISTED)
    waiting = Enrollment.objects.get(user__first_name="Hawa")
    assert waiting.status == EnrollmentStatus.WAITLISTED
    listing = client.get(
        admin_url("lms_enrollment:index", query="status=waitlisted")
    ).content.decode()
    assert "Hawa" in listing and "amina" not in listing

    amina = w.enrollments[0]
    assert client.get(admin_url("lms_enrollment:withdraw", amina.pk)).status_code == 200
    client.post(admin_url("lms_enrollment:withdraw", amina.pk))
    amina.refresh_from_db()
    assert amina.status == EnrollmentStatus.WITHDRAWN

    spring = CohortFactory(course=w.course, chapter=w.cohort.chapter, name="Alna vår")
    hodan = w.enrollments[1]
    move = admin_url("lms_enrollment:move", hodan.pk)
    html = client.get(move).content.decode()
    # Only her chapter's cohorts of the same course are offered.
    assert select_options(html, "to_cohort") == [str(spring.pk)]
    response = client.post(move, {"to_cohort": w.other_cohort.pk})
    assert response.status_code == 200
    response = client.post(move, {"to_cohort": spring.pk})
    assert response.status_code == 302
    assert Enrollment.objects.get(cohort=spring, user=hodan.user).status == "active"
    hodan.refresh_from_db()
    assert hodan.status == EnrollmentStatus.WITHDRAWN


def test_screening_notes_are_on_the_coordinators_form_but_not_in_exports(client, w):
    amina = w.enrollments[0]
    amina.screening_notes = "HEMMELIG-SCREENING"
    amina.save()
    client.force_login(w.coordinator)
    form = client.get(admin_url("lms_enrollment:edit", amina.pk)).content.decode()
    assert "HEMMELIG-SCREENING" in form
    export = client.get(admin_url("lms_enrollment:index", query="export=csv"))
    text = b"".join(export.streaming_content).decode()
    assert "amina" in text and "fatima" not in text
    assert "HEMMELIG-SCREENING" not in text


def test_cohort_listing_links_to_registers_and_overview(client, w):
    client.force_login(w.coordinator)
    html = client.get(admin_url("lms_cohort:index")).content.decode()
    with translation.override("nb"):  # her language, not the admin's
        assert reverse("lms:cohort_sessions", args=[w.cohort.pk]) in html
        assert reverse("lms:cohort_overview", args=[w.cohort.pk]) in html
    assert admin_url("lms_cohort:plan_sessions", w.cohort.pk) in html
    export = client.get(admin_url("lms_cohort:index", query="export=csv"))
    text = b"".join(export.streaming_content).decode()
    assert "Alna høst" in text and "Grorud vår" not in text


def test_proposed_evenings_keep_their_local_time_across_summer_time(client, w):
    client.force_login(w.coordinator)
    _response, cohort = new_cohort(client, w, starts_on="2027-03-15")
    plan = admin_url(
        "lms_cohort:plan_sessions",
        cohort.pk,
        query="first_date=2027-03-22&start_time=18:00&end_time=20:30&place=Haugerud",
    )
    html = client.get(plan).content.decode()
    # Summer time starts on 28 March 2027: the evenings stay at 18:00.
    for day in ("2027-03-22", "2027-03-29", "2027-04-05", "2027-04-12"):
        assert f'value="{day}"' in html
    assert html.count('value="18:00"') == 1 + len(w.modules)
    assert html.count('value="Haugerud"') == 1 + len(w.modules)


def test_listings_filter_within_her_scope(client, w):
    client.force_login(w.coordinator)
    spring = CohortFactory(course=w.course, chapter=w.cohort.chapter, name="Alna vår")
    SessionFactory(cohort=spring, module=w.modules[0])
    checks = [
        ("lms_cohort:index", f"chapter={w.cohort.chapter_id}", "Alna høst"),
        ("lms_cohort:index", "starts_on_from=2000-01-01", "Alna vår"),
        ("lms_chapter:index", "name=aln", "Alna"),
        ("lms_enrollment:index", f"cohort={w.cohort.pk}&status=active", "amina"),
        ("lms_cohortstaff:index", f"cohort={w.cohort.pk}", w.supervisor.username),
    ]
    for name, query, expected in checks:
        response = client.get(admin_url(name, query=query))
        assert response.status_code == 200, name
        assert expected in response.content.decode(), name
    html = client.get(
        admin_url(
            "lms_session:index",
            query=f"cohort={spring.pk}&starts_at_from=2000-01-01&cancelled=false",
        )
    ).content.decode()
    assert admin_url("lms_session:edit", spring.sessions.get().pk) in html
    assert admin_url("lms_session:edit", w.sessions[0].pk) not in html
    # Another chapter's cohort is not a choice in the filter either.
    html = client.get(admin_url("lms_enrollment:index")).content.decode()
    assert "Grorud vår" not in html
    response = client.get(
        admin_url("lms_enrollment:index", query=f"cohort={w.other_cohort.pk}")
    )
    assert "fatima" not in response.content.decode()
