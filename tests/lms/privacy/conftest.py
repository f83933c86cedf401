"""A cohort where Amina has left a trace in every part of the product, each
trace carrying a unique planted string, and Hodan, her fellow trainee, has
her own: a copy of Amina's data must hold all of hers and none of Hodan's,
and after Amina's erasure none of hers may be found anywhere."""

import datetime
import uuid
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from lms.choices import AttendanceStatus, ReviewDecision
from lms.models import (
    Answer,
    CompletionException,
    H5PAttempt,
    H5PUserState,
    NotificationLog,
    Profile,
    SignInLink,
    Sitting,
    SubmissionFile,
    TrackApplication,
    XAPIStatement,
)
from tests.factories.homework import (
    AssignmentFactory,
    ReviewFactory,
    SubmissionFactory,
    SubmissionVersionFactory,
)
from tests.factories.lms import AttendanceFactory, ReflectionFactory


def plant(label: str) -> str:
    """A string no other test writes: PLANT-<label>-<random>."""
    return f"PLANT-{label}-{uuid.uuid4().hex[:10]}"


def trace(w, enrollment, who: str) -> dict:
    """Leave `enrollment`'s trainee a trace everywhere; returns the planted
    strings by where they are."""
    user = enrollment.user
    p = {
        key: plant(f"{who}-{key}")
        for key in (
            "reflection",
            "audio",
            "draft",
            "version",
            "file_name",
            "file_body",
            "feedback",
            "feedback_audio",
            "notes",
            "essay",
            "essay_feedback",
            "reason",
            "message",
            "phone",
            "h5p_state",
            "h5p_statement",
        )
    }
    Profile.objects.update_or_create(user=user, defaults={"phone": p["phone"]})
    enrollment.screening_notes = p["notes"]
    enrollment.save()
    reflection = ReflectionFactory(
        enrollment=enrollment,
        module_key=w.modules[0].translation_key,
        text=p["reflection"],
    )
    reflection.audio.save("voice.webm", ContentFile(p["audio"].encode()))
    AttendanceFactory(
        enrollment=enrollment, session=w.sessions[0], status=AttendanceStatus.PRESENT
    )
    submission = SubmissionFactory(
        enrollment=enrollment,
        assignment_key=w.assignment.translation_key,
        module_key=w.modules[0].translation_key,
        handed_in=True,
        draft_text=p["draft"],
    )
    version = SubmissionVersionFactory(
        submission=submission, number=1, text=p["version"]
    )
    attached = SubmissionFile(
        submission=submission,
        name=f"{p['file_name']}.pdf",
        content_type="application/pdf",
        size=len(p["file_body"]),
        kind="file",
        in_draft=False,
    )
    attached.file.save("upload.pdf", ContentFile(p["file_body"].encode()), save=False)
    attached.save()
    version.files.add(attached)
    review = ReviewFactory(
        version=version,
        number=1,
        reviewer=w.supervisor,
        decision=ReviewDecision.NEEDS_REVISION,
        feedback=p["feedback"],
    )
    review.audio.save("feedback.webm", ContentFile(p["feedback_audio"].encode()))
    sitting = Sitting.objects.create(
        user=user,
        enrollment=enrollment,
        quiz_key=uuid.uuid4(),
        module_key=w.modules[0].translation_key,
        question_keys=[],
        complete=True,
        ended_at=timezone.now(),
    )
    Answer.objects.create(
        sitting=sitting,
        question_key=uuid.uuid4(),
        text=p["essay"],
        feedback=p["essay_feedback"],
        marked_by=w.supervisor,
    )
    CompletionException.objects.create(
        enrollment=enrollment,
        kind="waiver",
        requirement="homework",
        reason=p["reason"],
        granted_by=w.coordinator,
    )
    TrackApplication.objects.create(user=user, course=w.course, message=p["message"])
    activity_key = uuid.uuid4()
    attempt = H5PAttempt.objects.create(
        user=user, activity_key=activity_key, package_hash="x" * 64
    )
    XAPIStatement.objects.create(
        user=user,
        activity_key=activity_key,
        attempt=attempt,
        verb="http://adlnet.gov/expapi/verbs/answered",
        object_id="x",
        statement={"result": {"response": p["h5p_statement"]}},
    )
    H5PUserState.objects.create(
        user=user, activity_key=activity_key, state=p["h5p_state"]
    )
    NotificationLog.objects.create(user=user, kind="reminder", key=str(uuid.uuid4()))
    SignInLink.objects.create(
        user=user,
        created_by=w.coordinator,
        token_hash=uuid.uuid4().hex,
        expires_at=timezone.now() + datetime.timedelta(days=2),
    )
    return p


@pytest.fixture
def traced(cohort_with_sessions):
    w = cohort_with_sessions
    w.assignment = AssignmentFactory(title="Tre samtaler")
    amina, hodan = w.enrollments
    amina.user.first_name, amina.user.last_name = "Amina", "Farah"
    amina.user.email = "amina.farah@example.org"
    amina.user.save()
    return SimpleNamespace(
        **vars(w),
        amina=amina.user,
        hodan=hodan.user,
        mine=trace(w, amina, "amina"),
        theirs=trace(w, hodan, "hodan"),
    )
