"""A session's briefing: coordinators write it, lecturers add notes, every
change is kept, and a briefing can be reused in another cohort.

Text is checked on English pages.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from lms import lecturers
from lms.models import Briefing, BriefingChange, BriefingNote
from tests.factories.lms import (
    CohortFactory,
    CohortStaffFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(cohort_with_sessions):
    return cohort_with_sessions


@pytest.fixture
def session(w):
    return w.sessions[0]


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args or None)


def form_data(**overrides):
    data = {
        "stamp": "",
        "pre_meeting_at": "2025-03-04T17:00",
        "participants": "Koordinator og foreleser",
        "group_needs": "Mange er nye i Norge; trenger enkle ord.",
        "agreed_coverage": "Språkutvikling, lek",
        "room": "Sal 2",
        "interpreter": "Arabisk tolk",
        "practical_notes": "18-20.30, 14 deltakere, arabisk og somali",
    }
    data.update(overrides)
    return data


def current_stamp(client, session):
    form = client.get(url("lms:briefing_edit", session.pk)).context["form"]
    return form["stamp"].value()


def test_a_coordinators_edit_is_recorded_with_who_when_and_which_fields(
    client, w, session
):
    client.force_login(w.coordinator)
    response = client.post(url("lms:briefing_edit", session.pk), form_data())
    assert response.status_code == 302
    briefing = Briefing.objects.get(session=session)
    assert briefing.room == "Sal 2"
    assert briefing.updated_by == w.coordinator
    change = BriefingChange.objects.get(briefing=briefing)
    assert change.changed_by == w.coordinator
    assert timezone.now() - change.changed_at < datetime.timedelta(minutes=1)
    assert set(change.changes) == set(Briefing.TRACKED)
    assert change.changes["room"] == [None, "Sal 2"] or change.changes["room"] == [
        "",
        "Sal 2",
    ]

    # A second save records only what changed.
    stamp = current_stamp(client, session)
    client.post(
        url("lms:briefing_edit", session.pk),
        form_data(stamp=stamp, room="Sal 3"),
    )
    latest = BriefingChange.objects.filter(briefing=briefing).first()
    assert latest.changes == {"room": ["Sal 2", "Sal 3"]}
    # Saving again unchanged records nothing.
    stamp = current_stamp(client, session)
    client.post(
        url("lms:briefing_edit", session.pk), form_data(stamp=stamp, room="Sal 3")
    )
    assert BriefingChange.objects.filter(briefing=briefing).count() == 2

    # The lecturer reads it all, with the history.
    client.force_login(w.lecturer)
    page = client.get(url("lms:briefing", session.pk)).content.decode()
    assert "Sal 3" in page
    assert "Mange er nye i Norge" in page
    assert "History of changes" in page
    assert w.coordinator.first_name in page
    assert "room" in page
    # The history grows with every change: folded, with its length shown.
    assert '<details class="briefing-history__fold">' in page
    assert '<span class="meta">(2)</span>' in page


def test_the_lecturer_adds_a_note(client, w, session):
    client.force_login(w.lecturer)
    response = client.post(
        url("lms:briefing_note", session.pk), {"text": "Jeg tar med bilder."}
    )
    assert response.status_code == 302
    note = BriefingNote.objects.get()
    assert note.author == w.lecturer
    assert note.briefing.session == session
    change = BriefingChange.objects.get()
    assert change.changed_by == w.lecturer
    assert change.changes == {"note": [None, "Jeg tar med bilder."]}
    page = client.get(url("lms:briefing", session.pk)).content.decode()
    assert "Jeg tar med bilder." in page
    assert "added a note" in page
    # The coordinator adds one too.
    client.force_login(w.coordinator)
    client.post(url("lms:briefing_note", session.pk), {"text": "Takk!"})
    assert BriefingNote.objects.count() == 2


def test_an_empty_note_is_refused_with_a_message(client, w, session):
    client.force_login(w.lecturer)
    response = client.post(url("lms:briefing_note", session.pk), {"text": "   "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "The note was not added" in html
    assert "Write something before you add the note." in html
    assert not BriefingNote.objects.exists()
    too_long = "x" * 5001
    response = client.post(url("lms:briefing_note", session.pk), {"text": too_long})
    assert response.status_code == 400
    assert too_long in response.content.decode()  # nothing lost


def test_the_lecturer_cannot_edit_the_coordinators_fields(client, w, session):
    client.force_login(w.lecturer)
    assert client.get(url("lms:briefing_edit", session.pk)).status_code == 403
    response = client.post(url("lms:briefing_edit", session.pk), form_data())
    assert response.status_code == 403
    assert not Briefing.objects.exists()
    page = client.get(url("lms:briefing", session.pk)).content.decode()
    assert url("lms:briefing_edit", session.pk) not in page


def test_a_stale_edit_keeps_her_text_and_says_why(client, w, session):
    colleague = CohortStaffFactory(cohort=w.cohort, role="coordinator").user
    client.force_login(w.coordinator)
    client.post(url("lms:briefing_edit", session.pk), form_data(room="Sal 1"))
    stamp = current_stamp(client, session)
    assert stamp

    client.force_login(colleague)
    client.post(
        url("lms:briefing_edit", session.pk),
        form_data(stamp=current_stamp(client, session), room="Kafeen"),
    )

    client.force_login(w.coordinator)
    mine = "Min lange tekst om hva foreleseren skal dekke"
    response = client.post(
        url("lms:briefing_edit", session.pk),
        form_data(stamp=stamp, agreed_coverage=mine, room="Sal 9"),
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this briefing after you opened it" in html
    assert mine in html
    assert "Kafeen" in html  # the version saved meanwhile
    assert Briefing.objects.get().room == "Kafeen"
    # Saving again from the re-shown form is a knowing overwrite.
    again = dict(form_data(agreed_coverage=mine, room="Sal 9"))
    again["stamp"] = response.context["form"]["stamp"].value()
    assert client.post(url("lms:briefing_edit", session.pk), again).status_code == 302
    assert Briefing.objects.get().agreed_coverage == mine


def test_a_note_does_not_make_a_concurrent_edit_stale(client, w, session):
    client.force_login(w.coordinator)
    stamp = current_stamp(client, session)  # nothing written yet
    client.force_login(w.lecturer)
    client.post(url("lms:briefing_note", session.pk), {"text": "Et spørsmål"})
    client.force_login(w.coordinator)
    response = client.post(url("lms:briefing_edit", session.pk), form_data(stamp=stamp))
    assert response.status_code == 302


def test_a_bad_date_is_shown_again_with_a_message(client, w, session):
    client.force_login(w.coordinator)
    response = client.post(
        url("lms:briefing_edit", session.pk),
        form_data(pre_meeting_at="tirsdag", agreed_coverage="Behold meg"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a date and time" in html
    assert "Behold meg" in html
    assert not Briefing.objects.exists()


# --- reuse --------------------------------------------------------------------------


@pytest.fixture
def other_cohort(w):
    """Another cohort of the same course in the coordinator's chapter."""
    return CohortFactory(course=w.course, chapter=w.cohort.chapter, name="Høst")


def write_briefing(session, by):
    return lecturers.update_briefing(
        session=session,
        data={
            "pre_meeting_at": timezone.now(),
            "participants": "Kari, Line",
            "group_needs": "Gruppen trenger ro",
            "agreed_coverage": "Lek og språk",
            "room": "Sal 2",
            "interpreter": "Somali",
            "practical_notes": "Ta med projektor",
        },
        by=by,
    )[0]


def test_copy_to_the_same_module_in_another_cohort(client, w, session, other_cohort):
    write_briefing(session, w.coordinator)
    target = SessionFactory(cohort=other_cohort, module=w.modules[0])
    client.force_login(w.coordinator)
    page = client.get(url("lms:briefing", session.pk)).content.decode()
    assert url("lms:copy_briefing", session.pk) in page
    response = client.post(url("lms:copy_briefing", session.pk), {"target": target.pk})
    assert response.status_code == 302
    assert response["Location"] == url("lms:briefing", target.pk)
    copied = Briefing.objects.get(session=target)
    assert copied.agreed_coverage == "Lek og språk"
    assert copied.room == "Sal 2"
    assert copied.interpreter == "Somali"
    assert copied.practical_notes == "Ta med projektor"
    assert copied.pre_meeting_at is None
    assert copied.participants == ""
    assert copied.group_needs == ""
    change = BriefingChange.objects.get(briefing=copied)
    assert change.changed_by == w.coordinator
    assert set(change.changes) == set(lecturers.COPIED_FIELDS)


def test_copy_is_refused_for_another_module_or_an_unmanaged_cohort(
    client, w, session, other_cohort
):
    write_briefing(session, w.coordinator)
    other_module = SessionFactory(cohort=other_cohort, module=w.modules[1])
    foreign = SessionFactory(cohort=CohortFactory(course=w.course), module=w.modules[0])
    same_cohort = w.sessions[1]
    client.force_login(w.coordinator)
    for target in (other_module, foreign, same_cohort):
        response = client.post(
            url("lms:copy_briefing", session.pk), {"target": target.pk}, follow=True
        )
        assert response.status_code == 200
        assert "Choose a session of the same module" in response.content.decode()
        assert not Briefing.objects.filter(session=target).exists()
    # Lecturers do not copy.
    client.force_login(w.lecturer)
    target = SessionFactory(cohort=other_cohort, module=w.modules[0])
    response = client.post(url("lms:copy_briefing", session.pk), {"target": target.pk})
    assert response.status_code == 403
    assert not Briefing.objects.filter(session=target).exists()
    with pytest.raises(ValueError):
        lecturers.copy_briefing(
            from_session=session, to_session=other_module, by=w.coordinator
        )


# --- queries -------------------------------------------------------------------------


def briefing_queries(client, user, session):
    client.force_login(user)
    client.get(url("lms:briefing", session.pk))  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url("lms:briefing", session.pk))
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("who", ["lecturer", "coordinator"])
def test_briefing_queries_do_not_grow_with_notes_and_changes(client, w, session, who):
    user = getattr(w, who)
    author = UserFactory(username="writer")
    session.lecturers.add(author)
    write_briefing(session, w.coordinator)
    lecturers.add_briefing_note(session=session, text="første", by=author)
    one = briefing_queries(client, user, session)
    for i in range(9):
        lecturers.add_briefing_note(session=session, text=f"note {i}", by=author)
        lecturers.update_briefing(
            session=session, data={"room": f"Sal {i}"}, by=UserFactory()
        )
    assert BriefingNote.objects.count() == 10
    assert BriefingChange.objects.count() >= 10
    assert briefing_queries(client, user, session) == one
